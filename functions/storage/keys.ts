/** Key formats of the single table, in one place. */
export const ORDER_PREFIX = 'ORDER#';

export const orderPartition = (orderId: string) => `${ORDER_PREFIX}${orderId}`;
export const orderItemKey = (orderId: string, position: number) => ({
  pk: orderPartition(orderId),
  sk: `ITEM#${String(position).padStart(3, '0')}`,
});
export const PARCEL_PREFIX = 'PARCEL#';
export const parcelKey = (parcelId: string) => ({ pk: `${PARCEL_PREFIX}${parcelId}`, sk: 'PARCEL' as const });
export const sellerKey = (sellerId: string) => ({ pk: `SELLER#${sellerId}`, sk: 'PROFILE' });
export const deliveryPersonKey = (deliveryPersonId: string) => ({ pk: `DELIVERY_PERSON#${deliveryPersonId}`, sk: 'PROFILE' });
export const returnKey = (returnId: string) => ({ pk: `RETURN#${returnId}`, sk: 'RETURN' as const });

export type Kind = 'ITEM' | 'PARCEL' | 'DELIVERY_PERSON' | 'RETURN';

/** Partition values of the list indexes (see table-design.ts). */
export const sellerList = (sellerId: string, kind: Kind) => `SELLER#${sellerId}#${kind}`;
export const customerList = (customerId: string, kind: Kind) => `CUSTOMER#${customerId}#${kind}`;
export const deliveryPersonList = (deliveryPersonId: string, kind: Kind) => `DELIVERY#${deliveryPersonId}#${kind}`;
/**
 * How many partitions each marketplace-wide list (`byKind`) is spread over: a new record's index
 * write goes to one of them, chosen by its list sort key, so no one partition takes every write
 * (each sustains DynamoDB's 1,000 write units a second; see docs/cost-and-scale.md). Lists read
 * them all in parallel and merge (page-query.ts). Delivery persons are written a few times a day:
 * one partition, one Query.
 */
export const KIND_LIST_SPREAD: Readonly<Record<Kind, number>> = { ITEM: 4, PARCEL: 4, RETURN: 4, DELIVERY_PERSON: 1 };

/** A stable, even choice among `count` partitions for a key. */
export function spreadIndexOf(value: string, count: number): number {
  let hash = 0;
  for (const char of value) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % count;
}

/** The partition of the marketplace-wide list of `kind` holding the record listed at `listSortKey`. */
export const kindList = (kind: Kind, listSortKey: string) => `${kind}#${spreadIndexOf(listSortKey, KIND_LIST_SPREAD[kind])}`;
/** Every partition of the marketplace-wide list of `kind`. */
export const kindLists = (kind: Kind): string[] => Array.from({ length: KIND_LIST_SPREAD[kind] }, (_, i) => `${kind}#${i}`);
/** A customer's item by its id (ids are unique per order only: two orders may share one). */
export const customerItemLookup = (customerId: string, itemId: string) => `CUSTOMER#${customerId}#ITEM#${itemId}`;
/** The admin's queue of returns in one status, oldest request first (`{createdAt}#{returnId}`). */
export const returnQueue = (status: string) => `RETURN#${status}`;
export const idempotencyKey = (scope: string, key: string) => ({ pk: `IDEMPOTENCY#${scope}#${key}`, sk: 'KEY' as const });
export const invoiceSequenceKey = (sellerId: string, financialYear: string) => ({ pk: `SELLER#${sellerId}`, sk: `INVOICE_SEQUENCE#${financialYear}` });
export const invoiceDocumentKey = (parcelId: string) => ({ pk: `PARCEL#${parcelId}`, sk: 'INVOICE' as const });
/** The courier's API token shared by every function, with the lease of the one logging in (`scope`: `shiprocket`). */
export const courierTokenKey = (scope: string) => ({ pk: `COURIER#${scope}`, sk: 'TOKEN' as const });
export const awbLookup = (awb: string) => `AWB#${awb}`;
/** How many partitions the live-shipment list is spread over (see docs/api.md, "Scheduled sync"). */
export const LIVE_SHIPMENT_SEGMENTS = 4;
export const liveShipmentSegment = (segment: number) => `LIVE_SHIPMENT#${segment}`;
export const courierSyncCursorKey = () => ({ pk: 'COURIER#shiprocket', sk: 'SYNC_CURSOR' as const });
