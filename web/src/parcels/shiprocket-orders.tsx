import { useState } from 'preact/hooks';
import { PACKABLE } from '../../../functions/domain/parcels/parcel-status.ts';
import type { CourierShipment, Parcel } from '../../../functions/domain/parcels/parcel-types.ts';
import type { Principal } from '../../../functions/domain/principal.ts';
import type { Api } from '../api.ts';
import { Feedback } from '../components/states.tsx';
import { errorWords } from '../error-words.ts';
import { formatTime } from '../format.tsx';
import { useIdempotencyKeys } from '../idempotency-keys.ts';
import { hasLiveCourierShipment } from './parcel-rules.ts';

interface Props {
  api: Api;
  principal: Principal;
  parcel: Parcel;
  onChanged: (parcel: Parcel) => void;
}

/** Shiprocket Orders: the courier's details once created (Cancel, Refresh), else the form to create it. */
export function ShiprocketOrders(props: Props) {
  const { parcel } = props;
  if (hasLiveCourierShipment(parcel)) return <CourierDetails {...props} courier={parcel.courier!} />;
  if (parcel.shippingMethod === 'local') return <p class="notice">This parcel is shipped locally.</p>;
  if (!PACKABLE.includes(parcel.status)) return <p class="notice">Courier orders can only be made before the parcel ships.</p>;
  if (props.principal.role !== 'seller') return <p class="notice">No Shiprocket order yet. Only the seller creates one.</p>;
  return <CreateShiprocketForm {...props} />;
}

function useAction(onChanged: (parcel: Parcel) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const run = async (action: () => Promise<Parcel>, doneWords: string, conflictWords?: string) => {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      onChanged(await action());
      setDone(doneWords);
    } catch (failure) {
      setError(errorWords(failure, { conflict: conflictWords }));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, done, run };
}

function CourierDetails({ api, parcel, courier, onChanged }: Props & { courier: CourierShipment }) {
  const { busy, error, done, run } = useAction(onChanged);
  const path = `/parcels/${encodeURIComponent(parcel.id)}/shiprocket`;
  return (
    <section aria-label="Shiprocket shipment">
      <dl class="details">
        <dt>AWB</dt>
        <dd>{courier.awb ?? 'Not assigned yet'}</dd>
        <dt>Courier</dt>
        <dd>{courier.courierName ?? '—'}</dd>
        <dt>Courier status</dt>
        <dd>{courier.statusLabel ?? '—'}</dd>
        <dt>Pickup date</dt>
        <dd>{formatTime(courier.pickupScheduledAt)}</dd>
        <dt>Label</dt>
        <dd>
          {courier.labelUrl ? (
            <a href={courier.labelUrl} target="_blank" rel="noopener">
              Shipping label (PDF)
            </a>
          ) : (
            'Not ready yet'
          )}
        </dd>
        <dt>Last synced</dt>
        <dd>{formatTime(courier.lastSyncedAt)}</dd>
      </dl>
      {courier.exception && (
        <p role="alert" class="inline-error">
          Courier reports: {courier.exception.label} ({formatTime(courier.exception.at)})
        </p>
      )}
      <div class="actions">
        <button type="button" disabled={busy} onClick={() => run(() => api.post<Parcel>(`${path}/refresh`), 'Refreshed from Shiprocket.')}>
          Refresh
        </button>
        <button
          type="button"
          class="danger"
          disabled={busy}
          onClick={() => run(() => api.post<Parcel>(`${path}/cancel`), 'The Shiprocket parcel is cancelled. You may ship it locally or create a new courier order.', 'The courier has already picked it up or refused to cancel.')}
        >
          Cancel Shiprocket Parcel
        </button>
      </div>
      <Feedback done={done} error={error} />
    </section>
  );
}

const DIMENSIONS = [
  { name: 'weightKg', label: 'Weight (kg)' },
  { name: 'lengthCm', label: 'Length (cm)' },
  { name: 'breadthCm', label: 'Breadth (cm)' },
  { name: 'heightCm', label: 'Height (cm)' },
] as const;

function CreateShiprocketForm({ api, parcel, onChanged }: Props) {
  const { busy, error, done, run } = useAction(onChanged);
  const keyFor = useIdempotencyKeys();
  const submit = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const body = {
      ...(text('pickupLocation') ? { pickupLocation: text('pickupLocation') } : {}),
      ...Object.fromEntries(DIMENSIONS.map(({ name }) => [name, Number(text(name))])),
      ...(text('courierId') ? { courierId: Number(text('courierId')) } : {}),
    };
    void run(
      () => api.post<Parcel>(`/parcels/${encodeURIComponent(parcel.id)}/shiprocket`, body, { 'idempotency-key': keyFor(body) }),
      'The Shiprocket order is created.',
      'A courier order exists already, or the parcel has moved on.',
    );
  };
  return (
    <form onSubmit={submit} class="form">
      <label>
        Pickup location
        <input name="pickupLocation" placeholder="Your profile's default" maxLength={36} />
      </label>
      {DIMENSIONS.map(({ name, label }) => (
        <label key={name}>
          {label}
          <input name={name} type="number" inputMode="decimal" min="0.01" max="1000" step="0.01" required />
        </label>
      ))}
      <label>
        Courier id (optional)
        <input name="courierId" type="number" inputMode="numeric" min="1" step="1" placeholder="Recommended courier" />
      </label>
      <button type="submit" disabled={busy}>
        Create Shiprocket order
      </button>
      <Feedback done={done} error={error} />
    </form>
  );
}
