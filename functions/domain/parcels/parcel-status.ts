/**
 * The parcel state machine (API.md, "allowed moves"). Every path that changes a parcel's status
 * — seller, admin, delivery person, courier webhook, sync and refresh — decides with `canMove`.
 */
export const PARCEL_STATUSES = ['received', 'processed', 'shipped', 'out_for_delivery', 'delivered', 'cancelled', 'rto', 'rto_delivered'] as const;
export type ParcelStatus = (typeof PARCEL_STATUSES)[number];

export const EVENT_SOURCES = ['seller', 'admin', 'delivery', 'webhook', 'sync', 'refresh', 'system'] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

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

export const COURIER_SOURCES = ['webhook', 'sync', 'refresh'] as const satisfies readonly EventSource[];
const isCourierSource = (source: EventSource): boolean => (COURIER_SOURCES as readonly EventSource[]).includes(source);

/** Every status reachable from `from` along the move table (the courier may have missed events). */
function reachableFrom(from: ParcelStatus): ReadonlySet<ParcelStatus> {
  const seen = new Set<ParcelStatus>();
  const visit = (status: ParcelStatus) => {
    for (const next of MOVES[status]) {
      if (!seen.has(next)) {
        seen.add(next);
        visit(next);
      }
    }
  };
  visit(from);
  return seen;
}

const COURIER_REACH = Object.fromEntries(PARCEL_STATUSES.map((status) => [status, reachableFrom(status)])) as Record<ParcelStatus, ReadonlySet<ParcelStatus>>;

/** Statuses a delivery person may set on parcels assigned to it. */
export const DELIVERY_PERSON_TARGETS: readonly ParcelStatus[] = ['out_for_delivery', 'delivered'];

/** Statuses that need a delivery person on a locally shipped parcel. */
export const NEEDS_DELIVERY_PERSON: readonly ParcelStatus[] = ['shipped', 'out_for_delivery', 'delivered', 'rto', 'rto_delivered'];

/** A parcel can be deleted (its items released) only before it leaves the seller. */
export const DELETABLE: readonly ParcelStatus[] = ['received', 'processed'];

/** Items in these statuses can be packed into a parcel. */
export const PACKABLE: readonly ParcelStatus[] = ['received', 'processed'];

/**
 * People move one step along the table. Courier updates may skip forward along it (earlier events
 * were missed), and only they may send `out_for_delivery` back to `shipped` (a failed attempt).
 */
export function canMove(from: ParcelStatus, to: ParcelStatus, source: EventSource): boolean {
  if (MOVES[from].includes(to)) return true;
  if (!isCourierSource(source)) return false;
  return COURIER_REACH[from].has(to) || (COURIER_ONLY_MOVES[from]?.includes(to) ?? false);
}
