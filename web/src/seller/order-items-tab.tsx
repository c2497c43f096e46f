import { useState } from 'preact/hooks';
import type { ItemStatus, OrderItem } from '../../../functions/domain/orders/order-types.ts';
import { PARCEL_STATUSES } from '../../../functions/domain/parcels/parcel-status.ts';
import type { Api } from '../api.ts';
import { PagedListView } from '../components/paged-list-view.tsx';
import { StatusSelect } from '../components/status-select.tsx';
import { formatMoney, StatusBadge, statusWords } from '../format.tsx';
import { usePagedList } from '../use-paged-list.ts';

const ITEM_STATUSES: readonly ItemStatus[] = [...PARCEL_STATUSES, 'returned'];

/** Order Items: the seller's items, filtered by status and "not in a parcel", a page at a time. */
export function OrderItemsTab({ api }: { api: Api }) {
  const [status, setStatus] = useState<ItemStatus | ''>('');
  const [unparcelled, setUnparcelled] = useState(false);
  const list = usePagedList<OrderItem>(api, '/order-items', { status, unparcelled: unparcelled ? 'true' : undefined });
  return (
    <>
      <div class="filters">
        <StatusSelect label="Status" value={status} statuses={ITEM_STATUSES} anyLabel="Any status" onChange={setStatus} />
        <label class="check">
          <input type="checkbox" checked={unparcelled} onChange={(event) => setUnparcelled(event.currentTarget.checked)} />
          Not in a parcel
        </label>
      </div>
      <PagedListView list={list} what="order items" empty="No order items match.">
        {(items) => (
        <div class="table-wrap">
          <table aria-busy={list.loading}>
            <caption>Order items</caption>
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col">Order</th>
                <th scope="col">Quantity</th>
                <th scope="col">Price</th>
                <th scope="col">Status</th>
                <th scope="col">Parcel</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td data-label="Product">{item.productName}{item.variant && ` (${item.variant})`}</td>
                  <td data-label="Order">{item.orderId}</td>
                  <td data-label="Quantity">{item.quantity}</td>
                  <td data-label="Price">{formatMoney(item.unitPrice * item.quantity)}</td>
                  <td data-label="Status"><StatusBadge status={item.status} />{item.returnStatus && <> · return {statusWords(item.returnStatus).toLowerCase()}</>}</td>
                  <td data-label="Parcel">{item.parcelId ?? 'Not in a parcel'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        )}
      </PagedListView>
    </>
  );
}
