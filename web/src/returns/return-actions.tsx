import { useEffect, useState } from 'preact/hooks';
import type { DeliveryPerson } from '../../../functions/domain/delivery-persons/delivery-person.ts';
import { allowedChange, type ReturnChange } from '../../../functions/domain/returns/return-status.ts';
import type { Return, ReturnEventSource } from '../../../functions/domain/returns/return-types.ts';
import type { Api } from '../api.ts';
import { Dialog } from '../components/dialog.tsx';
import { Feedback } from '../components/states.tsx';
import { errorWords } from '../error-words.ts';

const BUTTON_WORDS: Record<Exclude<ReturnChange, 'decline' | 'assign'>, string> = { approve: 'Approve', pickup: 'Mark picked up', receive: 'Mark received' };

/** The changes the return's state machine lets `by` make now, as buttons (decline asks for a reason, assign for a person). */
export function ReturnActions({ api, item, by, onChanged }: { api: Api; item: Return; by: ReturnEventSource; onChanged: () => void }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [declining, setDeclining] = useState(false);
  const allowed = (change: ReturnChange) => allowedChange(change, item.status, by) !== undefined;
  const change = async (name: ReturnChange, body?: object) => {
    setBusy(true);
    setError(undefined);
    try {
      await api.post<Return>(`/returns/${encodeURIComponent(item.id)}/${name}`, body);
      setDeclining(false);
      onChanged();
    } catch (failure) {
      setError(errorWords(failure, { conflict: 'This return changed meanwhile; the list is refreshed.' }));
      onChanged();
    } finally {
      setBusy(false);
    }
  };
  const simple = (['approve', 'pickup', 'receive'] as const).filter(allowed);
  if (simple.length === 0 && !allowed('decline') && !allowed('assign')) return null;
  return (
    <div class="actions">
      {simple.map((name) => (
        <button key={name} type="button" class={name === 'approve' ? 'primary' : undefined} disabled={busy} onClick={() => change(name)}>
          {BUTTON_WORDS[name]}
        </button>
      ))}
      {allowed('decline') && (
        <button type="button" class="danger" disabled={busy} onClick={() => setDeclining(true)}>
          Decline
        </button>
      )}
      {allowed('assign') && <AssignPickup api={api} current={item.deliveryPersonId} busy={busy} onAssign={(deliveryPersonId) => change('assign', { deliveryPersonId })} />}
      <Feedback error={error} />
      {declining && (
        <Dialog title={`Decline return ${item.id}`} onClose={() => setDeclining(false)}>
          <form
            class="form"
            onSubmit={(event) => {
              event.preventDefault();
              void change('decline', { reason: String(new FormData(event.currentTarget).get('reason')).trim() });
            }}
          >
            <label>
              Reason for the customer
              <textarea name="reason" required maxLength={500} rows={3} />
            </label>
            <button type="submit" class="danger" disabled={busy}>
              Decline return
            </button>
          </form>
        </Dialog>
      )}
    </div>
  );
}

function AssignPickup({ api, current, busy, onAssign }: { api: Api; current: string | null; busy: boolean; onAssign: (deliveryPersonId: string) => void }) {
  const [people, setPeople] = useState<DeliveryPerson[]>([]);
  const [chosen, setChosen] = useState(current ?? '');
  useEffect(() => {
    api.list<DeliveryPerson>('/delivery-persons', { limit: '100' }).then((page) => setPeople(page.items.filter((person) => person.active)), () => setPeople([]));
  }, [api]);
  return (
    <form
      class="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen) onAssign(chosen);
      }}
    >
      <label>
        Pickup person
        <select value={chosen} required onChange={(event) => setChosen(event.currentTarget.value)}>
          <option value="">Choose…</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={busy}>
        Assign pickup
      </button>
    </form>
  );
}
