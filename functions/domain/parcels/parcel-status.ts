/**
 * The parcel state machine (API.md, "allowed moves"). Every path that changes a parcel's status
 * — seller, admin, delivery person, and later the courier webhook, sync and refresh — asks this table.
 */
export const PARCEL_STATUSES = ['received', 'processed', 'shipped', 'out_for_delivery', 'delivered', 'cancelled', 'rto', 'rto_delivered'] as const;
export type ParcelStatus = (typeof PARCEL_STATUSES)[number];

export type EventSource = 'seller' | 'admin' | 'delivery' | 'webhook' | 'sync' | 'refresh' | 'system';

const MOVES: Record<ParcelStatus, readonly ParcelStatus[]> = {
  received: ['processed', 'shipped', 'cancelled'],
  processed: ['shipped', 'cancelled'],
  shipped: ['out_for_delivery', 'delivered', 'rto'],
  out_for_delivery: ['delivered', 'rto'],
  rto: ['rto_delivered'],
  delivered: [],
  cancelled: [],
  rto_delivered: [],
};

/** Moves only courier tracking may make: a failed delivery attempt sends the parcel back. */
const COURIER_ONLY_MOVES: Partial<Record<ParcelStatus, readonly ParcelStatus[]>> = {
  out_for_delivery: ['shipped'],
};

const COURIER_SOURCES: readonly EventSource[] = ['webhook', 'sync', 'refresh'];

/** Statuses a delivery person may set on parcels assigned to it. */
export const DELIVERY_PERSON_TARGETS: readonly ParcelStatus[] = ['out_for_delivery', 'delivered'];

/** Statuses that need a delivery person on a locally shipped parcel. */
export const NEEDS_DELIVERY_PERSON: readonly ParcelStatus[] = ['shipped', 'out_for_delivery', 'delivered', 'rto', 'rto_delivered'];

/** A parcel can be deleted (its items released) only before it leaves the seller. */
export const DELETABLE: readonly ParcelStatus[] = ['received', 'processed'];

export function canMove(from: ParcelStatus, to: ParcelStatus, source: EventSource): boolean {
  if (MOVES[from].includes(to)) return true;
  return COURIER_SOURCES.includes(source) && (COURIER_ONLY_MOVES[from]?.includes(to) ?? false);
}
