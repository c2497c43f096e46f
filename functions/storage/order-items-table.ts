import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Order, OrderHeader, OrderItem } from '#domain/orders/order-types.ts';
import type { ItemStatus } from '#domain/orders/order-types.ts';
import { send, tableName } from './dynamo-client.ts';
import { reading } from './faults.ts';
import { customerItemLookup, kindList, kindLists, orderItemKey, orderPartition, sellerList } from './keys.ts';
import { queryPage, queryPartition, type Condition, type ListSource, type Page, type PageRequest } from './page-query.ts';
import { writeIfConditionsHold, type WriteAction } from './transactions.ts';

/**
 * An order item as stored: one record per item under the order's partition, carrying the
 * (immutable) order header so that one Query returns the whole order.
 */
export interface OrderItemRecord extends Omit<OrderItem, 'parcelId'> {
  pk: string;
  sk: string;
  kind: 'ITEM';
  /** Absent (not null) when unparcelled. */
  parcelId?: string;
  order: Omit<OrderHeader, 'id' | 'customerId' | 'placedAt'>;
  requestHash: string;
  bySellerPk: string;
  bySellerSk: string;
  byKindPk: string;
  byKindSk: string;
  /** Present exactly while the item is in no parcel (the awaitingPacking index). */
  awaitingPackingPk?: string;
  awaitingPackingSk?: string;
  /** The item by (customer, item id), for returns; absent on items ingested before returns existed. */
  byCustomerPk?: string;
  byCustomerSk?: string;
  /** The item's index in its parcel's `items` (set with `parcelId`); absent on items parcelled before it existed. */
  parcelSlot?: number;
  /** The item's latest return. */
  returnId?: string;
}

/** Where an item record is; the domain passes it back to storage untouched. */
export type ItemRef = { readonly pk: string; readonly sk: string };

/** An order as read: the order, the digest of the request that created it, where each item is. */
export interface StoredOrder {
  order: Order;
  requestHash: string;
  /** By item id. */
  itemRefs: ReadonlyMap<string, ItemRef>;
  /** By item id: its index in its parcel's items, where known. */
  parcelSlots: ReadonlyMap<string, number>;
}

/** An item with where it is stored and where its parcel holds its copy (null: unknown, read the parcel). */
export interface LocatedItem {
  item: OrderItem;
  ref: ItemRef;
  parcelSlot: number | null;
}

function orderItemRecord(order: Order, item: OrderItem, position: number, listSortKey: string, requestHash: string): OrderItemRecord {
  const { parcelId, ...fields } = item;
  const itemSortKey = `${listSortKey}#${String(position).padStart(3, '0')}`;
  return {
    ...orderItemKey(order.id, position),
    kind: 'ITEM',
    ...fields,
    ...(parcelId ? { parcelId } : {}),
    order: {
      paymentMethod: order.paymentMethod,
      currency: order.currency,
      shippingAddress: order.shippingAddress,
      billingAddress: order.billingAddress,
    },
    requestHash,
    bySellerPk: sellerList(item.sellerId, 'ITEM'),
    bySellerSk: itemSortKey,
    byKindPk: kindList('ITEM', itemSortKey),
    byKindSk: itemSortKey,
    ...(parcelId ? {} : { awaitingPackingPk: sellerList(item.sellerId, 'ITEM'), awaitingPackingSk: itemSortKey }),
    byCustomerPk: customerItemLookup(order.customerId, item.id),
    byCustomerSk: itemSortKey,
  };
}

export function toOrderItem(record: OrderItemRecord): OrderItem {
  return {
    id: record.id,
    orderId: record.orderId,
    sellerId: record.sellerId,
    customerId: record.customerId,
    productName: record.productName,
    sku: record.sku,
    variant: record.variant,
    quantity: record.quantity,
    unitPrice: record.unitPrice,
    taxPercent: record.taxPercent,
    hsn: record.hsn,
    returnable: record.returnable,
    returnWindowDays: record.returnWindowDays,
    status: record.status,
    parcelId: record.parcelId ?? null,
    returnStatus: record.returnStatus,
    placedAt: record.placedAt,
    deliveredAt: record.deliveredAt,
  };
}

function toStoredOrder(records: OrderItemRecord[]): StoredOrder | undefined {
  const first = records[0];
  if (!first) return undefined;
  return {
    order: { id: first.orderId, customerId: first.customerId, ...first.order, placedAt: first.placedAt, items: records.map(toOrderItem) },
    requestHash: first.requestHash,
    itemRefs: new Map(records.map((record) => [record.id, { pk: record.pk, sk: record.sk }])),
    parcelSlots: new Map(records.flatMap((record) => (record.parcelSlot === undefined ? [] : [[record.id, record.parcelSlot] as const]))),
  };
}

/** The order's item `itemId` located for a change, if the order has it. */
export function locateItem(stored: StoredOrder, itemId: string): LocatedItem | undefined {
  const item = stored.order.items.find((candidate) => candidate.id === itemId);
  const ref = stored.itemRefs.get(itemId);
  if (!item || !ref) return undefined;
  return { item, ref, parcelSlot: stored.parcelSlots.get(itemId) ?? null };
}

/**
 * A customer's items with this id, across their orders: one Query of the (eventually consistent)
 * lookup, at most two answers (two mean the id is ambiguous).
 */
export async function findItemsOfCustomer(customerId: string, itemId: string): Promise<LocatedItem[]> {
  const lookup = customerItemLookup(customerId, itemId);
  const { records } = await queryPartition({ index: 'byCustomer', partition: lookup }, lookup, [], 2, undefined);
  return (records as unknown as OrderItemRecord[]).map((record) => ({
    item: toOrderItem(record),
    ref: { pk: record.pk, sk: record.sk },
    parcelSlot: record.parcelSlot ?? null,
  }));
}

/**
 * Stores a new order, all items in one write (item keys are positional, so a retried ingestion
 * collides with the first instead of duplicating it). `listSortKey` (a ULID) orders the lists.
 */
export async function insertOrder(order: Order, requestHash: string, listSortKey: string): Promise<'created' | 'exists'> {
  const actions = order.items.map(
    (item, position): WriteAction => ({
      Put: { TableName: tableName(), Item: orderItemRecord(order, item, position, listSortKey, requestHash), ConditionExpression: 'attribute_not_exists(pk)' },
    }),
  );
  return (await writeIfConditionsHold(actions)) ? 'created' : 'exists';
}

/**
 * An order with all its items, in order, strongly consistent. With the schema's field limits an
 * order (≤ 100 items of ≤ ~4 KB) fits one Query page; the loop only guards that bound.
 */
export async function readOrder(orderId: string): Promise<StoredOrder | undefined> {
  const records: OrderItemRecord[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const output = await reading(() =>
      send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :item)',
          ExpressionAttributeValues: { ':pk': orderPartition(orderId), ':item': 'ITEM#' },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      ),
    );
    records.push(...((output.Items ?? []) as OrderItemRecord[]));
    startKey = output.LastEvaluatedKey;
  } while (startKey);
  return toStoredOrder(records);
}

export interface OrderItemFilter {
  status?: ItemStatus;
  /** true: only items in no parcel; false: only parcelled items. */
  unparcelled?: boolean;
  /** Only this seller's items (within one order). */
  sellerId?: string;
}

const itemConditions = (filter: OrderItemFilter, unparcelledByIndex = false): Condition[] => [
  ...(filter.status ? [{ attribute: 'status', equals: filter.status }] : []),
  ...(filter.sellerId ? [{ attribute: 'sellerId', equals: filter.sellerId }] : []),
  ...(filter.unparcelled !== undefined && !unparcelledByIndex ? [{ attribute: 'parcelId', exists: !filter.unparcelled }] : []),
];

const listItems = (source: ListSource, conditions: Condition[], page: PageRequest) => queryPage(source, conditions, page, toOrderItem);

/** One order's items, last position first (its own partition). */
export const listItemsOfOrder = (orderId: string, filter: OrderItemFilter, page: PageRequest): Promise<Page<OrderItem>> =>
  listItems({ partition: orderPartition(orderId), sortKeyPrefix: 'ITEM#' }, itemConditions(filter), page);

/** A seller's items, newest first; its unparcelled ones come from their own sparse index (full pages). */
export function listItemsOfSeller(sellerId: string, filter: Omit<OrderItemFilter, 'sellerId'>, page: PageRequest): Promise<Page<OrderItem>> {
  if (filter.unparcelled === true) return listItems({ index: 'awaitingPacking', partition: sellerList(sellerId, 'ITEM') }, itemConditions(filter, true), page);
  return listItems({ index: 'bySeller', partition: sellerList(sellerId, 'ITEM') }, itemConditions(filter), page);
}

/** Every item of the marketplace, newest first (admin). */
export const listAllItems = (filter: Omit<OrderItemFilter, 'sellerId'>, page: PageRequest): Promise<Page<OrderItem>> =>
  listItems({ index: 'byKind', partition: kindLists('ITEM') }, itemConditions(filter), page);
