/**
 * The single table's keys and indexes, as data: the CDK stack and the local runtime create the
 * table from this, the stores query it. Every list is a Query on one of these indexes.
 */
export const TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk' } as const;

/** Attribute holding an epoch-seconds expiry; DynamoDB TTL deletes such records. */
export const TTL_ATTRIBUTE = 'expiresAt';

export interface IndexDesign {
  name: string;
  partitionKey: string;
  sortKey: string;
}

export const INDEXES = {
  /** A seller's records of one kind, newest first: `SELLER#{sellerId}#{KIND}`. */
  bySeller: { name: 'bySeller', partitionKey: 'bySellerPk', sortKey: 'bySellerSk' },
  /** All records of one kind, newest first (admin lists): `{KIND}`. */
  byKind: { name: 'byKind', partitionKey: 'byKindPk', sortKey: 'byKindSk' },
  /** A customer's records of one kind: `CUSTOMER#{customerId}#{KIND}`. */
  byCustomer: { name: 'byCustomer', partitionKey: 'byCustomerPk', sortKey: 'byCustomerSk' },
  /** Records assigned to a delivery person: `DELIVERY#{deliveryPersonId}#{KIND}` (sparse). */
  byDeliveryPerson: { name: 'byDeliveryPerson', partitionKey: 'byDeliveryPersonPk', sortKey: 'byDeliveryPersonSk' },
  /** A seller's items not yet in a parcel, newest first (sparse: removed when parcelled). */
  awaitingPacking: { name: 'awaitingPacking', partitionKey: 'awaitingPackingPk', sortKey: 'awaitingPackingSk' },
} as const satisfies Record<string, IndexDesign>;

export const INDEX_LIST: readonly IndexDesign[] = Object.values(INDEXES);
