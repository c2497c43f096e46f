import { useEffect, useState } from 'preact/hooks';
import type { DeliveryPerson } from '../../../functions/domain/delivery-persons/delivery-person.ts';
import { NEEDS_DELIVERY_PERSON, type ParcelStatus } from '../../../functions/domain/parcels/parcel-status.ts';
import type { Parcel } from '../../../functions/domain/parcels/parcel-types.ts';
import type { Principal } from '../../../functions/domain/principal.ts';
import type { Api } from '../api.ts';
import type { ListPage } from '../list-page.ts';
import { Feedback } from '../components/states.tsx';
import { StatusSelect } from '../components/status-select.tsx';
import { errorWords } from '../error-words.ts';
import { statusWords } from '../format.tsx';
import { hasLiveCourierShipment, nextStatuses } from './parcel-rules.ts';

/** Local Shipping: the next status (only moves the state machine allows) and who delivers it. */
export function LocalShippingForm({ api, principal, parcel, onChanged }: { api: Api; principal: Principal; parcel: Parcel; onChanged: (parcel: Parcel) => void }) {
  const [people, setPeople] = useState<DeliveryPerson[]>();
  const [deliveryPersonId, setDeliveryPersonId] = useState(parcel.deliveryPersonId ?? '');
  const moves = nextStatuses(parcel.status, principal.role === 'admin' ? 'admin' : 'seller');
  const [status, setStatus] = useState<ParcelStatus | ''>(moves[0] ?? '');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api
      .list<DeliveryPerson>('/delivery-persons', { limit: '100' })
      .then((page: ListPage<DeliveryPerson>) => setPeople(page.items.filter((person) => person.active)))
      .catch((failure: unknown) => setError(errorWords(failure)));
  }, [api]);
  useEffect(() => setStatus(moves[0] ?? ''), [parcel.status]);

  if (hasLiveCourierShipment(parcel)) return <p class="notice">This parcel ships with Shiprocket: its status follows the courier. Cancel the Shiprocket parcel to ship it locally.</p>;
  if (moves.length === 0) return <p class="notice">This parcel is {statusWords(parcel.status).toLowerCase()}: no further status change.</p>;

  const needsPerson = status !== '' && NEEDS_DELIVERY_PERSON.includes(status);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setSaved(undefined);
    try {
      const body = { status, ...(deliveryPersonId ? { deliveryPersonId } : {}), ...(note ? { note } : {}) };
      const updated = await api.post<Parcel>(`/parcels/${encodeURIComponent(parcel.id)}/status`, body);
      setSaved(`Saved: the parcel is now ${statusWords(updated.status).toLowerCase()}.`);
      onChanged(updated);
    } catch (failure) {
      setError(errorWords(failure, { conflict: 'The parcel changed meanwhile or this move is not allowed now. Close and reopen to see its latest state.' }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} class="form">
      <label>
        Delivery person
        <select value={deliveryPersonId} required={needsPerson} onChange={(event) => setDeliveryPersonId(event.currentTarget.value)}>
          <option value="">{people ? 'Choose…' : 'Loading…'}</option>
          {people?.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name} ({person.phone})
            </option>
          ))}
        </select>
      </label>
      <StatusSelect label="Next status" value={status} statuses={moves} required onChange={setStatus} />
      <label>
        Note (optional)
        <input value={note} maxLength={500} onInput={(event) => setNote(event.currentTarget.value)} />
      </label>
      <button type="submit" disabled={busy}>
        Save status
      </button>
      <Feedback done={saved} error={error} />
    </form>
  );
}
