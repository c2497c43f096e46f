import type { ItemStatus } from '../../functions/domain/orders/order-types.ts';

const rupees = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR' });

/** Money is integer paise (API.md). */
export const formatMoney = (paise: number) => rupees.format(paise / 100);

export const formatTime = (iso: string | null) => (iso ? new Date(iso).toLocaleString('en-IN', { dateStyle: 'medium', timeStyle: 'short' }) : '—');

const STATUS_WORDS: Record<string, string> = {
  received: 'Received',
  processed: 'Processed',
  shipped: 'Shipped',
  out_for_delivery: 'Out for delivery',
  delivered: 'Delivered',
  cancelled: 'Cancelled',
  rto: 'Returning to origin',
  rto_delivered: 'Returned to origin',
  returned: 'Returned',
  requested: 'Requested',
  approved: 'Approved',
  declined: 'Declined',
  picked_up: 'Picked up',
};

export const statusWords = (status: ItemStatus | string) => STATUS_WORDS[status] ?? status;

export const StatusBadge = ({ status }: { status: string }) => <span class={`badge status-${status}`}>{statusWords(status)}</span>;
