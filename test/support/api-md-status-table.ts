/**
 * API.md's "Parcel status and allowed moves", copied here on purpose rather than imported from
 * the product: a change to the product's table then fails the tests instead of silently
 * changing what they expect. (out_for_delivery → shipped is courier-only, so not listed.)
 */
export const STATUSES = ['received', 'processed', 'shipped', 'out_for_delivery', 'delivered', 'cancelled', 'rto', 'rto_delivered'] as const;
export type Status = (typeof STATUSES)[number];

export const ALLOWED_MOVES: Record<Status, readonly Status[]> = {
  received: ['processed', 'shipped', 'cancelled'],
  processed: ['shipped', 'cancelled'],
  shipped: ['out_for_delivery', 'delivered', 'rto'],
  out_for_delivery: ['delivered', 'rto'],
  rto: ['rto_delivered'],
  delivered: [],
  cancelled: [],
  rto_delivered: [],
};
