/**
 * The single table's keys and indexes, as data: the CDK stack and the local runtime create the
 * table from this, the stores query it. Every list is a Query on one of these indexes.
 */
export const TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk' } as const;

/** Attribute holding an epoch-seconds expiry; DynamoDB TTL deletes such records. */
export const TTL_ATTRIBUTE = 'expiresAt';

/** What an index copies of each record: everything, or the keys plus the named attributes. */
export type IndexProjection = { type: 'ALL' } | { type: 'INCLUDE'; attributes: readonly string[] } | { type: 'KEYS_ONLY' };

export interface IndexDesign {
  name: string;
  partitionKey: string;
  sortKey: string;
  projection: IndexProjection;
}

const ALL: IndexProjection = { type: 'ALL' };
const KEYS_ONLY: IndexProjection = { type: 'KEYS_ONLY' };

export const INDEXES = {
  /** A seller's records of one kind, newest first: `SELLER#{sellerId}#{KIND}`. */
  bySeller: { name: 'bySeller', partitionKey: 'bySellerPk', sortKey: 'bySellerSk', projection: ALL },
  /** All records of one kind, newest first (admin lists): `{KIND}`. */
  byKind: { name: 'byKind', partitionKey: 'byKindPk', sortKey: 'byKindSk', projection: ALL },
  /**
   * A customer's records of one kind: `CUSTOMER#{customerId}#{KIND}`; and a customer's order item
   * by its id, `CUSTOMER#{customerId}#ITEM#{itemId}` (the returns lookup).
   */
  byCustomer: { name: 'byCustomer', partitionKey: 'byCustomerPk', sortKey: 'byCustomerSk', projection: ALL },
  /** Records assigned to a delivery person: `DELIVERY#{deliveryPersonId}#{KIND}` (sparse). */
  byDeliveryPerson: { name: 'byDeliveryPerson', partitionKey: 'byDeliveryPersonPk', sortKey: 'byDeliveryPersonSk', projection: ALL },
  /** A seller's items not yet in a parcel, newest first (sparse: removed when parcelled). */
  awaitingPacking: { name: 'awaitingPacking', partitionKey: 'awaitingPackingPk', sortKey: 'awaitingPackingSk', projection: ALL },
  /**
   * The parcel of a live courier shipment by its AWB, `AWB#{awb}` (sparse: only while the shipment
   * is live and not at its end). Keys only: its entry never changes while the shipment is live, so
   * tracking updates write nothing here; a webhook reads the parcel itself next (1 Query + 1 read).
   */
  byAwb: { name: 'byAwb', partitionKey: 'byAwbPk', sortKey: 'byAwbSk', projection: KEYS_ONLY },
  /**
   * Live courier shipments for the scheduled sync, `LIVE_SHIPMENT#{segment}`, least recently
   * changed first (`{lastSyncedAt}#{parcelId}`); sparse like byAwb. Segments spread a large fleet
   * over partitions and over parallel sync workers. It copies what the sync compares (status,
   * courier), never the items or the history: a pass reads ~1–3 KB per shipment whatever its size,
   * and the few shipments whose status changes are read whole before their write.
   */
  liveShipments: {
    name: 'liveShipments',
    partitionKey: 'liveShipmentPk',
    sortKey: 'liveShipmentSk',
    projection: {
      type: 'INCLUDE',
      attributes: ['id', 'orderId', 'sellerId', 'customerId', 'status', 'shippingMethod', 'deliveryPersonId', 'courier', 'invoiceNumber', 'createdAt', 'updatedAt', 'deliveredAt', 'version', 'eventCount'],
    },
  },
  /**
   * The admin's returns queue: `RETURN#{status}`, oldest request first (`{createdAt}#{returnId}`);
   * every return is in exactly one status partition, moved on each status change.
   */
  returnQueue: { name: 'returnQueue', partitionKey: 'returnQueuePk', sortKey: 'returnQueueSk', projection: ALL },
} as const satisfies Record<string, IndexDesign>;

export type IndexName = keyof typeof INDEXES;

export const INDEX_LIST: readonly IndexDesign[] = Object.values(INDEXES);

/** Every attribute that puts a record into some index: removing them all takes it out of every list. */
export const INDEX_KEY_ATTRIBUTES: readonly string[] = INDEX_LIST.flatMap((index) => [index.partitionKey, index.sortKey]);

/** Attribute definitions of the table: its own keys and every index key (all strings). */
export const KEY_ATTRIBUTES: readonly string[] = [...new Set([TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey, ...INDEX_KEY_ATTRIBUTES])];
