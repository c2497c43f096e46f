import { useState } from 'preact/hooks';
import type { OrderItem } from '../../../functions/domain/orders/order-types.ts';
import { CLOSED_FOR_NEW_REQUEST } from '../../../functions/domain/returns/return-status.ts';
import { isWithinReturnWindow } from '../../../functions/domain/returns/return-window.ts';
import type { Return } from '../../../functions/domain/returns/return-types.ts';
import type { Api } from '../api.ts';
import { Dialog } from '../components/dialog.tsx';
import { Feedback } from '../components/states.tsx';
import { errorWords } from '../error-words.ts';
import { useIdempotencyKeys } from '../idempotency-keys.ts';

/** The backend's rules for asking: delivered, returnable, within its window, no request open. */
export const canRequestReturn = (item: OrderItem, now = new Date()): boolean =>
  item.status === 'delivered' && item.returnable && item.deliveredAt !== null && isWithinReturnWindow(item.deliveredAt, item.returnWindowDays, now) && CLOSED_FOR_NEW_REQUEST.includes(item.returnStatus);

export function RequestReturnDialog({ api, item, onRequested, onClose }: { api: Api; item: OrderItem; onRequested: (request: Return) => void; onClose: () => void }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const keyFor = useIdempotencyKeys();
  const submit = async (event: Event) => {
    event.preventDefault();
    const body = { orderItemId: item.id, orderId: item.orderId, reason: String(new FormData(event.currentTarget as HTMLFormElement).get('reason')).trim() };
    setBusy(true);
    setError(undefined);
    try {
      onRequested(await api.post<Return>('/returns', body, { 'idempotency-key': keyFor(body) }));
    } catch (failure) {
      setError(errorWords(failure, { conflict: 'This item can no longer be returned.' }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={`Return ${item.productName}`} onClose={onClose}>
      <form class="form" onSubmit={submit}>
        <label>
          Why are you returning it?
          <textarea name="reason" required maxLength={500} rows={3} />
        </label>
        <button type="submit" class="primary" disabled={busy}>
          Send return request
        </button>
        <Feedback error={error} />
      </form>
    </Dialog>
  );
}
