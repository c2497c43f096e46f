import { useEffect, useState } from 'preact/hooks';
import type { OrderItem } from '../../../functions/domain/orders/order-types.ts';
import { PACKABLE, type ParcelStatus } from '../../../functions/domain/parcels/parcel-status.ts';
import type { Parcel } from '../../../functions/domain/parcels/parcel-types.ts';
import { ApiError, type Api } from '../api.ts';
import { Dialog } from '../components/dialog.tsx';
import { Empty, ErrorNotice, Loading } from '../components/states.tsx';
import { errorWords } from '../error-words.ts';
import { formatMoney } from '../format.tsx';
import { useIdempotencyKeys } from '../idempotency-keys.ts';

/** Every unparcelled, packable item of the seller (following cursors; a few pages at most in practice). */
async function packableItems(api: Api): Promise<OrderItem[]> {
  const items: OrderItem[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 20; page++) {
    const answer = await api.list<OrderItem>('/order-items', { unparcelled: 'true', limit: '100', cursor });
    items.push(...answer.items.filter((item) => PACKABLE.includes(item.status as ParcelStatus) && item.parcelId === null));
    if (!answer.nextCursor) break;
    cursor = answer.nextCursor;
  }
  return items;
}

function byOrder(items: OrderItem[]): Map<string, OrderItem[]> {
  const orders = new Map<string, OrderItem[]>();
  for (const item of items) orders.set(item.orderId, [...(orders.get(item.orderId) ?? []), item]);
  return orders;
}

/** Create a Parcel: choose an order with unparcelled items, tick its items, create. */
export function CreateParcelDialog({ api, onCreated, onClose }: { api: Api; onCreated: (parcel: Parcel) => void; onClose: () => void }) {
  const [items, setItems] = useState<OrderItem[]>();
  const [orderId, setOrderId] = useState('');
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string>();
  const [loadError, setLoadError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const keyFor = useIdempotencyKeys();
  const load = () =>
    packableItems(api)
      .then((found) => {
        setItems(found);
        setLoadError(undefined);
        const orders = byOrder(found);
        setOrderId((current) => (orders.has(current) ? current : ([...orders.keys()][0] ?? '')));
        setTicked((current) => new Set([...current].filter((id) => found.some((item) => item.id === id))));
      })
      .catch((failure: unknown) => setLoadError(errorWords(failure)));
  useEffect(() => void load(), [api]);

  const orders = items ? byOrder(items) : new Map<string, OrderItem[]>();
  const orderItems = orders.get(orderId) ?? [];
  const toggle = (id: string, on: boolean) => setTicked((current) => {
    const next = new Set(current);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  });
  const create = async (event: Event) => {
    event.preventDefault();
    const body = { orderId, itemIds: orderItems.filter((item) => ticked.has(item.id)).map((item) => item.id) };
    if (body.itemIds.length === 0) return setError('Tick at least one item to pack.');
    setBusy(true);
    setError(undefined);
    try {
      onCreated(await api.post<Parcel>('/parcels', body, { 'idempotency-key': keyFor(body) }));
    } catch (failure) {
      const taken = failure instanceof ApiError && (failure.status === 409 || failure.status === 404);
      setError(
        taken
          ? 'Some of these items were packed into another parcel meanwhile (perhaps in another tab or by a colleague). The list below is up to date now: tick the items again.'
          : errorWords(failure),
      );
      if (taken) await load();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title="Create a Parcel" onClose={onClose}>
      {error && (
        <p role="alert" class="inline-error">
          {error}
        </p>
      )}
      {loadError ? (
        <ErrorNotice message={loadError} onRetry={load} />
      ) : !items ? (
        <Loading what="items to pack" />
      ) : orders.size === 0 ? (
        <Empty>Every item is in a parcel already. New orders' items appear here.</Empty>
      ) : (
        <form onSubmit={create} class="form">
          <label>
            Order
            <select value={orderId} onChange={(event) => setOrderId(event.currentTarget.value)}>
              {[...orders.entries()].map(([id, inOrder]) => (
                <option key={id} value={id}>
                  {id} ({inOrder.length} item{inOrder.length === 1 ? '' : 's'} to pack)
                </option>
              ))}
            </select>
          </label>
          <fieldset>
            <legend>Items to pack</legend>
            {orderItems.map((item) => (
              <div key={item.id} class="check">
                <input id={`pack-${item.id}`} type="checkbox" aria-describedby={`pack-${item.id}-detail`} checked={ticked.has(item.id)} onChange={(event) => toggle(item.id, event.currentTarget.checked)} />
                <label for={`pack-${item.id}`}>{item.productName}</label>
                <span id={`pack-${item.id}-detail`} class="meta">
                  × {item.quantity} · {formatMoney(item.unitPrice * item.quantity)}
                </span>
              </div>
            ))}
          </fieldset>
          <button type="submit" disabled={busy}>
            Create parcel
          </button>
        </form>
      )}
    </Dialog>
  );
}
