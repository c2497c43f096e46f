import type { Parcel } from '../../../functions/domain/parcels/parcel-types.ts';
import { Dialog } from '../components/dialog.tsx';
import { formatMoney, formatTime, StatusBadge, statusWords } from '../format.tsx';

/** View: the parcel's items and its event timeline, newest last. */
export function ParcelViewDialog({ parcel, onClose }: { parcel: Parcel; onClose: () => void }) {
  return (
    <Dialog title={`Parcel ${parcel.id}`} onClose={onClose}>
      <p>
        Order {parcel.orderId} · <StatusBadge status={parcel.status} /> · {parcel.shippingMethod === 'shiprocket' ? 'Shiprocket' : parcel.shippingMethod === 'local' ? 'Local shipping' : 'Not shipped yet'}
        {parcel.invoiceNumber && ` · Invoice ${parcel.invoiceNumber}`}
      </p>
      <ItemsTable parcel={parcel} />
      <Timeline parcel={parcel} />
    </Dialog>
  );
}

export function ItemsTable({ parcel }: { parcel: Parcel }) {
  return (
    <div class="table-wrap">
      <table>
        <caption>Items</caption>
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col">SKU</th>
            <th scope="col">Quantity</th>
            <th scope="col">Unit price</th>
          </tr>
        </thead>
        <tbody>
          {parcel.items.map((item) => (
            <tr key={item.id}>
              <td>{item.productName}{item.variant && ` (${item.variant})`}</td>
              <td>{item.sku}</td>
              <td>{item.quantity}</td>
              <td>{formatMoney(item.unitPrice)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Timeline({ parcel }: { parcel: Parcel }) {
  return (
    <section aria-label="Timeline">
      <h3>Timeline</h3>
      <ol class="timeline">
        {parcel.events.map((event, index) => (
          <li key={index}>
            <time dateTime={event.at}>{formatTime(event.at)}</time> — <strong>{statusWords(event.status)}</strong>
            {event.actor && ` by ${event.actor}`}
            {event.note && <span class="note"> · {event.note}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
