import type { Return } from '../../../functions/domain/returns/return-types.ts';
import { formatTime, StatusBadge } from '../format.tsx';
import type { ComponentChildren } from 'preact';

/** A return request: what, why, where it stands. */
export function ReturnCard({ item, children }: { item: Return; children?: ComponentChildren }) {
  const headingId = `return-${item.id}`;
  return (
    <li class="card" aria-labelledby={headingId}>
      <h3 id={headingId}>Return {item.id}</h3>
      <p>
        <StatusBadge status={item.status} /> · Item {item.orderItemId} · Order {item.orderId}
      </p>
      <p>Reason: {item.reason}</p>
      {item.declineReason && <p>Declined: {item.declineReason}</p>}
      <p class="meta">
        Requested {formatTime(item.createdAt)}
        {item.deliveryPersonId && ` · Pickup by ${item.deliveryPersonId}`}
        {item.pickedUpAt && ` · Picked up ${formatTime(item.pickedUpAt)}`}
        {item.receivedAt && ` · Received ${formatTime(item.receivedAt)}`}
      </p>
      {children}
    </li>
  );
}
