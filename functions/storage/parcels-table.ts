import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DeliveryPerson } from '#domain/delivery-persons/delivery-person.ts';
import type { ItemStatus, OrderItem } from '#domain/orders/order-types.ts';
import type { IssuedInvoice } from '#domain/invoices/issued-invoice.ts';
import type { CourierShipment, Parcel, ParcelEvent } from '#domain/parcels/parcel-types.ts';
import type { ParcelStatus } from '#domain/parcels/parcel-status.ts';
import { toDeliveryPerson, type DeliveryPersonRecord } from './delivery-persons-table.ts';
import { send, tableName } from './dynamo-client.ts';
import { reading } from './faults.ts';
import { awbLookup, customerList, deliveryPersonKey, deliveryPersonList, kindList, kindLists, LIVE_SHIPMENT_SEGMENTS, liveShipmentSegment, PARCEL_PREFIX, parcelKey, sellerList, spreadIndexOf } from './keys.ts';
import type { ItemRef, StoredOrder } from './order-items-table.ts';
import { queryPage, type Condition, type ListSource, type Page, type PageRequest } from './page-query.ts';
import { INDEX_KEY_ATTRIBUTES, INDEXES } from './table-design.ts';
import { readRecords } from './batch-read.ts';
import { ConditionsFailed, writeAtomically, writeIfConditionsHold, type WriteAction } from './transactions.ts';

/**
 * An item as packed into its parcel, so that View, lists and writes need no extra read: its
 * status, parcelId and deliveredAt follow the parcel. `returnStatus` is the one field that changes
 * afterwards: whatever changes it (returns) updates this copy in the same transaction.
 */
type ParcelItemSnapshot = Omit<OrderItem, 'status' | 'parcelId' | 'deliveredAt'> & ItemRef;

/** A courier shipment as stored; shipments recorded before scans, exceptions and event ordering lack them. */
type StoredCourier = Omit<CourierShipment, 'scans' | 'exception' | 'lastEventAt'> & Partial<Pick<CourierShipment, 'scans' | 'exception' | 'lastEventAt'>>;

interface ParcelRecord extends Omit<Parcel, 'items' | 'courier' | 'events'> {
  courier: StoredCourier | null;
  /** Both absent in the live-shipments index's copy, which leaves out the items and the history. */
  items?: ParcelItemSnapshot[];
  events?: ParcelEvent[];
  /** How many events the history holds (absent on parcels written before it was kept). */
  eventCount?: number;
  pk: string;
  sk: 'PARCEL';
  kind: 'PARCEL';
  deliveredAt: string | null;
  /** Bumped by every change; writes are conditional on the version they read (no lost updates). */
  version: number;
  deletedAt?: string;
  deletedBy?: string;
  /** Its invoice, once a number is taken for it (the document itself is its own record). */
  invoice?: IssuedInvoice;
  bySellerPk?: string;
  bySellerSk?: string;
  byKindPk?: string;
  byKindSk?: string;
  byCustomerPk?: string;
  byCustomerSk?: string;
  byDeliveryPersonPk?: string;
  byDeliveryPersonSk?: string;
  /** Present exactly while the parcel has a live courier shipment with an AWB, not yet at its end (both indexes). */
  byAwbPk?: string;
  byAwbSk?: string;
  liveShipmentPk?: string;
  liveShipmentSk?: string;
}

/** The parcel as it is after a change written from `stored`: the next write is conditioned on this version. */
export const afterChange = (stored: StoredParcel, parcel: Parcel): StoredParcel => ({
  ...stored,
  parcel,
  version: stored.version + 1,
  eventCount: Math.min(MAX_PARCEL_EVENTS, stored.eventCount + (parcel.events.length > stored.parcel.events.length ? 1 : 0)),
});

/** A parcel as read, with the version every write of it is conditioned on. */
export interface StoredParcel {
  parcel: Parcel;
  version: number;
  /** Where its items are stored; the domain passes it back untouched. */
  itemRefs: readonly ItemRef[];
  invoice: IssuedInvoice | null;
  /** How many events its history holds. */
  eventCount: number;
  /**
   * false: read from the live-shipments index, whose copy has no items and no history (the sync
   * reads thousands a pass and changes few); a write that needs them reads the parcel first.
   */
  whole: boolean;
}

/**
 * The history keeps the parcel's first event (its creation) and the newest ones, at most this many
 * in all: a parcel bouncing between failed delivery attempts, or courier orders made and
 * cancelled again and again, never grows its record (and every write of it) without bound.
 */
export const MAX_PARCEL_EVENTS = 100;

/** An event as stored: written before visibility existed, a note was internal. */
const toEvent = (event: Partial<ParcelEvent> & Omit<ParcelEvent, 'noteVisibleToCustomer'>): ParcelEvent => ({
  ...event,
  noteVisibleToCustomer: event.noteVisibleToCustomer ?? false,
});

/** An item is `returned` once its return is received, else it follows the parcel. */
function toParcel(record: ParcelRecord): Parcel {
  const items = (record.items ?? []).map(({ pk: _pk, sk: _sk, ...item }) => ({
    ...item,
    status: item.returnStatus === 'returned' ? ('returned' as const) : record.status,
    parcelId: record.id,
    deliveredAt: record.deliveredAt,
  }));
  return {
    id: record.id,
    orderId: record.orderId,
    sellerId: record.sellerId,
    customerId: record.customerId,
    status: record.status,
    shippingMethod: record.shippingMethod,
    deliveryPersonId: record.deliveryPersonId,
    items,
    courier: record.courier && { scans: [], exception: null, lastEventAt: null, ...record.courier },
    invoiceNumber: record.invoiceNumber,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    events: (record.events ?? []).map(toEvent),
  };
}

const toStoredParcel = (record: ParcelRecord): StoredParcel => ({
  parcel: toParcel(record),
  version: record.version,
  itemRefs: (record.items ?? []).map(({ pk, sk }) => ({ pk, sk })),
  invoice: record.invoice ?? null,
  eventCount: record.eventCount ?? record.events?.length ?? 0,
  whole: record.items !== undefined && record.events !== undefined,
});

function newParcelRecord(parcel: Parcel, order: StoredOrder): ParcelRecord & { items: ParcelItemSnapshot[] } {
  const items = parcel.items.map(({ status: _status, parcelId: _parcelId, deliveredAt: _deliveredAt, ...item }) => ({ ...item, ...order.itemRefs.get(item.id)! }));
  return {
    ...parcelKey(parcel.id),
    kind: 'PARCEL',
    ...parcel,
    items,
    deliveredAt: null,
    version: 1,
    eventCount: parcel.events.length,
    bySellerPk: sellerList(parcel.sellerId, 'PARCEL'),
    bySellerSk: parcel.id,
    byKindPk: kindList('PARCEL', parcel.id),
    byKindSk: parcel.id,
    byCustomerPk: customerList(parcel.customerId, 'PARCEL'),
    byCustomerSk: parcel.id,
  };
}

export type InsertParcelResult = { created: true } | { created: false; parcelExists: boolean; unavailableItemIds: string[] };

/**
 * A new parcel of the order's items, in one transaction: the parcel plus, per item, "same seller,
 * one of `packable` statuses, in no parcel". Racing creates for one item: one wins.
 */
export async function insertParcel(parcel: Parcel, order: StoredOrder, packable: readonly ItemStatus[]): Promise<InsertParcelResult> {
  const record = newParcelRecord(parcel, order);
  const statusValues = Object.fromEntries(packable.map((status, i) => [`:packable${i}`, status]));
  const actions: WriteAction[] = [
    { Put: { TableName: tableName(), Item: record, ConditionExpression: 'attribute_not_exists(pk)' } },
    ...record.items.map(
      (item, slot): WriteAction => ({
        Update: {
          TableName: tableName(),
          Key: { pk: item.pk, sk: item.sk },
          // The slot lets a return update the parcel's copy of the item without reading the parcel.
          UpdateExpression: 'SET parcelId = :parcelId, parcelSlot = :slot REMOVE awaitingPackingPk, awaitingPackingSk',
          ConditionExpression: `attribute_exists(pk) AND sellerId = :sellerId AND attribute_not_exists(parcelId) AND #status IN (${Object.keys(statusValues).join(', ')})`,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':parcelId': record.id, ':slot': slot, ':sellerId': record.sellerId, ...statusValues },
        },
      }),
    ),
  ];
  try {
    await writeAtomically(actions);
    return { created: true };
  } catch (error) {
    if (!(error instanceof ConditionsFailed)) throw error;
    return {
      created: false,
      parcelExists: error.failedFor(record),
      unavailableItemIds: record.items.filter((item) => error.failedFor(item)).map((item) => item.id),
    };
  }
}

/** What a status change does to the items: they take the parcel's status, and `deliveredAt` once delivered. */
export interface ItemEffects {
  status: ParcelStatus;
  deliveredAt: string | null;
}

export interface ParcelChange {
  /** The parcel as it is after the change. */
  parcel: Parcel;
  /** Appended to the history; omitted for changes that are not events (courier details filled in). */
  event?: ParcelEvent;
  /** Omitted when the items do not change. */
  items?: ItemEffects;
}

/**
 * Writes a change of a parcel (status, shipping method, delivery person, courier: never the
 * invoice number, which the invoice issues on its own) in one transaction conditional on the version read (no lost
 * updates; a deleted parcel is never revived), its items following. 'stale' when another change
 * came first.
 */
export async function writeParcelChange(stored: StoredParcel, change: ParcelChange): Promise<'written' | 'stale'> {
  const { parcel, event, items } = change;
  if (!stored.whole && (items || (event && stored.eventCount >= MAX_PARCEL_EVENTS))) {
    // Read from a copy without items and history: moving the items, or trimming a full history, needs them.
    const whole = await readParcel(parcel.id);
    if (!whole || whole.version !== stored.version) return 'stale';
    return writeParcelChange(whole, change);
  }
  const values: Record<string, unknown> = {
    ':status': parcel.status,
    ':method': parcel.shippingMethod,
    ':assignee': parcel.deliveryPersonId,
    ':courier': parcel.courier,
    ':at': parcel.updatedAt,
    ':one': 1,
    ':version': stored.version,
  };
  const set = [
    '#status = :status',
    'shippingMethod = :method',
    'deliveryPersonId = :assignee',
    'courier = :courier',
    'updatedAt = :at',
    'version = version + :one',
  ];
  if (event && stored.eventCount >= MAX_PARCEL_EVENTS) {
    const [first, ...rest] = stored.parcel.events;
    set.push('events = :events', 'eventCount = :eventCount');
    values[':events'] = [...(first ? [first] : []), ...rest.slice(rest.length - (MAX_PARCEL_EVENTS - 2)), event];
    values[':eventCount'] = MAX_PARCEL_EVENTS;
  } else if (event) {
    set.push('events = list_append(events, :event)', 'eventCount = :eventCount');
    values[':event'] = [event];
    values[':eventCount'] = stored.eventCount + 1;
  }
  if (items) {
    set.push('deliveredAt = :deliveredAt');
    values[':deliveredAt'] = items.deliveredAt;
  }
  if (parcel.deliveryPersonId || awbTracked(parcel)) values[':id'] = parcel.id;
  if (parcel.deliveryPersonId) {
    set.push('byDeliveryPersonPk = :assigneeList', 'byDeliveryPersonSk = :id');
    values[':assigneeList'] = deliveryPersonList(parcel.deliveryPersonId, 'PARCEL');
  }
  const trackedAwb = awbTracked(parcel);
  if (trackedAwb) {
    set.push('byAwbPk = :awbLookup', 'byAwbSk = :id', 'liveShipmentPk = :liveSegment', 'liveShipmentSk = :liveOrder');
    values[':awbLookup'] = awbLookup(trackedAwb);
    values[':liveSegment'] = liveShipmentSegment(segmentOf(parcel.id));
    values[':liveOrder'] = liveOrderOf(parcel);
  }
  const parcelUpdate: WriteAction = {
    Update: {
      TableName: tableName(),
      Key: parcelKey(parcel.id),
      UpdateExpression: `SET ${set.join(', ')}${trackedAwb ? '' : ' REMOVE byAwbPk, byAwbSk, liveShipmentPk, liveShipmentSk'}`,
      ConditionExpression: 'version = :version AND attribute_not_exists(deletedAt)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: values,
    },
  };
  const itemUpdates = items
    ? itemActions(stored, 'SET #status = :status, deliveredAt = :deliveredAt', { ':status': items.status, ':deliveredAt': items.deliveredAt })
    : [];
  return writeOrStale([parcelUpdate, ...itemUpdates]);
}

/** The AWB a courier webhook may name for this parcel: a live shipment's, until the parcel's journey ends. */
function awbTracked(parcel: Parcel): string | undefined {
  const courier = parcel.courier;
  if (!courier?.awb || courier.cancelledAt !== null || ['delivered', 'rto_delivered', 'cancelled'].includes(parcel.status)) return undefined;
  return courier.awb;
}

/** A live shipment's place in its segment: least recently changed first. */
const liveOrderOf = (parcel: Parcel) => `${parcel.courier?.lastSyncedAt ?? parcel.updatedAt}#${parcel.id}`;

/** A parcel's segment of the live-shipment list: stable, spread evenly by its id. */
const segmentOf = (parcelId: string) => spreadIndexOf(parcelId, LIVE_SHIPMENT_SEGMENTS);

/** Where a sync pass stands in one segment: the last shipment it read (opaque to the domain). */
export type LiveShipmentPosition = Record<string, string>;

/**
 * A page of live shipments of one segment, least recently changed first, from `after` on, only those
 * last changed before `changedBefore` (what a run changed itself moves to the end and is not read
 * again). One Query; the index copies status and courier, not the items or the history (`whole: false`):
 * a write that needs them reads the parcel first.
 */
export async function listLiveShipments(
  segment: number,
  after: LiveShipmentPosition | undefined,
  limit: number,
  changedBefore: string,
): Promise<{ shipments: StoredParcel[]; next?: LiveShipmentPosition }> {
  const output = await queryIndex('liveShipments', liveShipmentSegment(segment), { ExclusiveStartKey: after, Limit: limit }, changedBefore);
  const shipments = ((output.Items ?? []) as ParcelRecord[]).flatMap((record) => liveRecord(record) ?? []);
  return { shipments, next: output.LastEvaluatedKey as LiveShipmentPosition | undefined };
}

/** One Query of one partition of an index, oldest sort key first (and below `sortKeyBelow` when given). */
const queryIndex = (
  index: 'liveShipments' | 'byAwb',
  partition: string,
  page: { ExclusiveStartKey?: Record<string, string>; Limit: number },
  sortKeyBelow?: string,
) =>
  reading(() =>
    send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: INDEXES[index].name,
        KeyConditionExpression: sortKeyBelow === undefined ? '#pk = :pk' : '#pk = :pk AND #sk < :below',
        ExpressionAttributeNames: { '#pk': INDEXES[index].partitionKey, ...(sortKeyBelow === undefined ? {} : { '#sk': INDEXES[index].sortKey }) },
        ExpressionAttributeValues: { ':pk': partition, ...(sortKeyBelow === undefined ? {} : { ':below': sortKeyBelow }) },
        ...page,
      }),
    ),
  );


/**
 * The parcel of a live shipment by its AWB: its key from the index (one Query, eventually
 * consistent), then the parcel itself (one strongly consistent read, with its whole history).
 */
export async function findParcelByAwb(awb: string): Promise<StoredParcel | undefined> {
  const output = await queryIndex('byAwb', awbLookup(awb), { Limit: 1 });
  const entry = output.Items?.[0] as { pk: string } | undefined;
  return entry && readParcel(entry.pk.slice(PARCEL_PREFIX.length));
}

/**
 * Deleting: a tombstone (kept for audit, out of every list and view; its invoice, if any, marked
 * cancelled in the same action) and the items released: 1 + items ≤ 100 actions.
 */
export function deleteParcelRecord(stored: StoredParcel, deletedBy: string, at: string): Promise<'written' | 'stale'> {
  const cancelInvoice = stored.invoice ? ', invoice.cancelledAt = :at' : '';
  const tombstone: WriteAction = {
    Update: {
      TableName: tableName(),
      Key: parcelKey(stored.parcel.id),
      UpdateExpression: `SET deletedAt = :at, deletedBy = :by, updatedAt = :at, version = version + :one${cancelInvoice} REMOVE ${INDEX_KEY_ATTRIBUTES.join(', ')}`,
      // An invoice issued since the read does not bump the version: it must still be seen.
      ConditionExpression: `version = :version AND attribute_not_exists(deletedAt)${stored.invoice ? '' : ' AND attribute_not_exists(invoice)'}`,
      ExpressionAttributeValues: { ':at': at, ':by': deletedBy, ':one': 1, ':version': stored.version },
    },
  };
  const released = itemActions(stored, 'SET #status = :received, awaitingPackingPk = bySellerPk, awaitingPackingSk = bySellerSk REMOVE parcelId, parcelSlot', {
    ':received': 'received',
  });
  return writeOrStale([tombstone, ...released]);
}

function itemActions(stored: StoredParcel, updateExpression: string, values: Record<string, unknown>): WriteAction[] {
  return stored.itemRefs.map((key) => ({
    Update: {
      TableName: tableName(),
      Key: { pk: key.pk, sk: key.sk },
      UpdateExpression: updateExpression,
      ConditionExpression: 'parcelId = :parcelId',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ...values, ':parcelId': stored.parcel.id },
    },
  }));
}

const writeOrStale = async (actions: WriteAction[]): Promise<'written' | 'stale'> => ((await writeIfConditionsHold(actions)) ? 'written' : 'stale');

const liveRecord = (record: ParcelRecord | undefined): StoredParcel | undefined =>
  record !== undefined && record.deletedAt === undefined ? toStoredParcel(record) : undefined;

/** The parcel with its items and history, strongly consistent; deleted parcels read as missing. */
export async function readParcel(parcelId: string): Promise<StoredParcel | undefined> {
  const output = await reading(() => send(new GetCommand({ TableName: tableName(), Key: parcelKey(parcelId), ConsistentRead: true })));
  return liveRecord(output.Item as ParcelRecord | undefined);
}

/** The parcel and a delivery person in one strongly consistent round trip. */
export async function readParcelAndDeliveryPerson(parcelId: string, deliveryPersonId: string): Promise<{ stored?: StoredParcel; deliveryPerson?: DeliveryPerson }> {
  const [parcel, person] = await readRecords([parcelKey(parcelId), deliveryPersonKey(deliveryPersonId)]);
  return { stored: liveRecord(parcel as ParcelRecord | undefined), deliveryPerson: person && toDeliveryPerson(person as unknown as DeliveryPersonRecord) };
}

export interface ParcelFilter {
  status?: ParcelStatus;
  orderId?: string;
  sellerId?: string;
}

const parcelConditions = (filter: ParcelFilter): Condition[] => [
  ...(filter.status ? [{ attribute: 'status', equals: filter.status }] : []),
  ...(filter.orderId ? [{ attribute: 'orderId', equals: filter.orderId }] : []),
  ...(filter.sellerId ? [{ attribute: 'sellerId', equals: filter.sellerId }] : []),
];

const listParcelsIn = (source: ListSource, filter: ParcelFilter, page: PageRequest): Promise<Page<Parcel>> =>
  queryPage(source, parcelConditions(filter), page, toParcel);

/** Each scope reads its own index partition, newest first: scoping is in the key, not in a filter. */
export const listParcelsOfSeller = (sellerId: string, filter: Omit<ParcelFilter, 'sellerId'>, page: PageRequest) =>
  listParcelsIn({ index: 'bySeller', partition: sellerList(sellerId, 'PARCEL') }, filter, page);
export const listParcelsOfCustomer = (customerId: string, filter: ParcelFilter, page: PageRequest) =>
  listParcelsIn({ index: 'byCustomer', partition: customerList(customerId, 'PARCEL') }, filter, page);
export const listParcelsOfDeliveryPerson = (deliveryPersonId: string, filter: ParcelFilter, page: PageRequest) =>
  listParcelsIn({ index: 'byDeliveryPerson', partition: deliveryPersonList(deliveryPersonId, 'PARCEL') }, filter, page);
export const listAllParcels = (filter: Omit<ParcelFilter, 'sellerId'>, page: PageRequest) =>
  listParcelsIn({ index: 'byKind', partition: kindLists('PARCEL') }, filter, page);
