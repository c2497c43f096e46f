import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { DeliveryPerson } from '#domain/delivery-persons/delivery-person.ts';
import type { Return, ReturnEvent, ReturnStatus } from '#domain/returns/return-types.ts';
import { readRecords } from './batch-read.ts';
import { toDeliveryPerson, type DeliveryPersonRecord } from './delivery-persons-table.ts';
import { send, tableName } from './dynamo-client.ts';
import { reading } from './faults.ts';
import { customerList, deliveryPersonKey, deliveryPersonList, kindList, kindLists, parcelKey, returnKey, returnQueue, sellerList } from './keys.ts';
import type { ItemRef } from './order-items-table.ts';
import { queryPage, type Condition, type ListSource, type Page, type PageRequest } from './page-query.ts';
import { ConditionsFailed, writeAtomically, type WriteAction } from './transactions.ts';

/** Where the returned item lives: its record and its copy in its parcel (`items[parcelSlot]`). */
export interface ReturnPlacement {
  itemRef: ItemRef;
  parcelId: string;
  parcelSlot: number;
}

/** A return as read, with what a change writes besides it (the domain passes `placement` back untouched). */
export interface StoredReturn {
  ret: Return;
  placement: ReturnPlacement;
}

interface ReturnRecord extends Return, ReturnPlacement {
  pk: string;
  sk: 'RETURN';
  kind: 'RETURN';
  bySellerPk: string;
  bySellerSk: string;
  byCustomerPk: string;
  byCustomerSk: string;
  byKindPk: string;
  byKindSk: string;
  returnQueuePk: string;
  returnQueueSk: string;
  /** Present while a delivery person is assigned. */
  byDeliveryPersonPk?: string;
  byDeliveryPersonSk?: string;
}

const toReturn = (record: ReturnRecord): Return => ({
  id: record.id,
  orderItemId: record.orderItemId,
  orderId: record.orderId,
  sellerId: record.sellerId,
  customerId: record.customerId,
  reason: record.reason,
  status: record.status,
  declineReason: record.declineReason,
  deliveryPersonId: record.deliveryPersonId,
  createdAt: record.createdAt,
  decidedAt: record.decidedAt,
  pickedUpAt: record.pickedUpAt,
  receivedAt: record.receivedAt,
  events: record.events,
});

const toStoredReturn = (record: ReturnRecord): StoredReturn => ({
  ret: toReturn(record),
  placement: { itemRef: record.itemRef, parcelId: record.parcelId, parcelSlot: record.parcelSlot },
});

function newReturnRecord(ret: Return, placement: ReturnPlacement): ReturnRecord {
  return {
    ...returnKey(ret.id),
    kind: 'RETURN',
    ...ret,
    ...placement,
    bySellerPk: sellerList(ret.sellerId, 'RETURN'),
    bySellerSk: ret.id,
    byCustomerPk: customerList(ret.customerId, 'RETURN'),
    byCustomerSk: ret.id,
    byKindPk: kindList('RETURN', ret.id),
    byKindSk: ret.id,
    returnQueuePk: returnQueue(ret.status),
    returnQueueSk: `${ret.createdAt}#${ret.id}`,
  };
}

/** The parcel's copy of the item takes the return's status; the parcel's version is not bumped (no parcel change). */
function parcelCopyUpdate(placement: ReturnPlacement, itemId: string, returnStatus: ReturnStatus): WriteAction {
  return {
    Update: {
      TableName: tableName(),
      Key: parcelKey(placement.parcelId),
      UpdateExpression: `SET #items[${placement.parcelSlot}].returnStatus = :returnStatus`,
      ConditionExpression: `#items[${placement.parcelSlot}].#id = :itemId AND attribute_not_exists(deletedAt)`,
      ExpressionAttributeNames: { '#items': 'items', '#id': 'id' },
      ExpressionAttributeValues: { ':returnStatus': returnStatus, ':itemId': itemId },
    },
  };
}

/** Which records refused a write: the return itself, the item record, the parcel's copy. */
export interface Refusal {
  ret: boolean;
  item: boolean;
  parcel: boolean;
}

async function writeReturnActions(placement: ReturnPlacement, returnId: string, actions: WriteAction[]): Promise<Refusal | undefined> {
  try {
    await writeAtomically(actions);
    return undefined;
  } catch (error) {
    if (!(error instanceof ConditionsFailed)) throw error;
    return { ret: error.failedFor(returnKey(returnId)), item: error.failedFor(placement.itemRef), parcel: error.failedFor(parcelKey(placement.parcelId)) };
  }
}

/**
 * A new return request in one transaction: the return, the item (conditioned on every rule a race
 * could break: the customer's, delivered when checked, returnable, no open request) and the parcel's
 * copy of the item. Answers what refused, if anything.
 */
export function insertReturn(ret: Return, placement: ReturnPlacement, checkedDeliveredAt: string): Promise<Refusal | undefined> {
  const itemUpdate: WriteAction = {
    Update: {
      TableName: tableName(),
      Key: placement.itemRef,
      UpdateExpression: 'SET returnStatus = :requested, returnId = :returnId',
      ConditionExpression:
        'customerId = :customerId AND #status = :delivered AND deliveredAt = :deliveredAt AND returnable = :true AND ' +
        '(attribute_not_exists(returnStatus) OR attribute_type(returnStatus, :nullType) OR returnStatus = :declined)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':requested': ret.status,
        ':returnId': ret.id,
        ':customerId': ret.customerId,
        ':delivered': 'delivered',
        ':deliveredAt': checkedDeliveredAt,
        ':true': true,
        ':nullType': 'NULL',
        ':declined': 'declined',
      },
    },
  };
  return writeReturnActions(placement, ret.id, [
    { Put: { TableName: tableName(), Item: newReturnRecord(ret, placement), ConditionExpression: 'attribute_not_exists(pk)' } },
    itemUpdate,
    parcelCopyUpdate(placement, ret.orderItemId, ret.status),
  ]);
}

export interface ReturnChangeWrite {
  /** The return as it is after the change. */
  next: Return;
  event: ReturnEvent;
  /** The status the change was decided from: the write holds only if it still is. */
  from: ReturnStatus;
  /** Only while this delivery person is still assigned (a delivery person's own pickup). */
  assignedTo?: string;
}

/**
 * Writes a change of a return in one transaction conditioned on the status it was decided from:
 * the return with its event and, when its status changes, the item's `returnStatus` (and `status:
 * returned` once received) and the parcel's copy. Answers what refused, if anything.
 */
export function writeReturnChange(stored: StoredReturn, change: ReturnChangeWrite): Promise<Refusal | undefined> {
  const { next, event, from } = change;
  const { placement } = stored;
  const values: Record<string, unknown> = {
    ':status': next.status,
    ':from': from,
    ':event': [event],
    ':declineReason': next.declineReason,
    ':deliveryPersonId': next.deliveryPersonId,
    ':decidedAt': next.decidedAt,
    ':pickedUpAt': next.pickedUpAt,
    ':receivedAt': next.receivedAt,
    ':queue': returnQueue(next.status),
  };
  const set = [
    '#status = :status',
    'events = list_append(events, :event)',
    'declineReason = :declineReason',
    'deliveryPersonId = :deliveryPersonId',
    'decidedAt = :decidedAt',
    'pickedUpAt = :pickedUpAt',
    'receivedAt = :receivedAt',
    'returnQueuePk = :queue',
  ];
  if (next.deliveryPersonId) {
    set.push('byDeliveryPersonPk = :assigneeList', 'byDeliveryPersonSk = :returnId');
    values[':assigneeList'] = deliveryPersonList(next.deliveryPersonId, 'RETURN');
    values[':returnId'] = next.id;
  }
  if (change.assignedTo) values[':assignedTo'] = change.assignedTo;
  const returnUpdate: WriteAction = {
    Update: {
      TableName: tableName(),
      Key: returnKey(next.id),
      UpdateExpression: `SET ${set.join(', ')}`,
      ConditionExpression: `#status = :from${change.assignedTo ? ' AND deliveryPersonId = :assignedTo' : ''}`,
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: values,
    },
  };
  if (next.status === from) return writeReturnActions(placement, next.id, [returnUpdate]);
  const received = next.status === 'returned';
  const itemUpdate: WriteAction = {
    Update: {
      TableName: tableName(),
      Key: placement.itemRef,
      UpdateExpression: `SET returnStatus = :returnStatus${received ? ', #status = :returned' : ''}`,
      ConditionExpression: 'returnId = :returnId',
      ...(received ? { ExpressionAttributeNames: { '#status': 'status' } } : {}),
      ExpressionAttributeValues: { ':returnStatus': next.status, ':returnId': next.id, ...(received ? { ':returned': 'returned' } : {}) },
    },
  };
  return writeReturnActions(placement, next.id, [returnUpdate, itemUpdate, parcelCopyUpdate(placement, next.orderItemId, next.status)]);
}

/** A return by id, strongly consistent. */
export async function readReturn(returnId: string): Promise<StoredReturn | undefined> {
  const output = await reading(() => send(new GetCommand({ TableName: tableName(), Key: returnKey(returnId), ConsistentRead: true })));
  return output.Item ? toStoredReturn(output.Item as ReturnRecord) : undefined;
}

/** A return and a delivery person in one strongly consistent round trip. */
export async function readReturnAndDeliveryPerson(returnId: string, deliveryPersonId: string): Promise<{ stored?: StoredReturn; deliveryPerson?: DeliveryPerson }> {
  const [ret, person] = await readRecords([returnKey(returnId), deliveryPersonKey(deliveryPersonId)]);
  return { stored: ret && toStoredReturn(ret as unknown as ReturnRecord), deliveryPerson: person && toDeliveryPerson(person as unknown as DeliveryPersonRecord) };
}

const statusIs = (status: ReturnStatus | undefined): Condition[] => (status ? [{ attribute: 'status', equals: status }] : []);
const listIn = (source: ListSource, status: ReturnStatus | undefined, page: PageRequest): Promise<Page<Return>> =>
  queryPage(source, statusIs(status), page, toReturn);

/** Each scope reads its own index partition, newest first. */
export const listReturnsOfSeller = (sellerId: string, status: ReturnStatus | undefined, page: PageRequest) =>
  listIn({ index: 'bySeller', partition: sellerList(sellerId, 'RETURN') }, status, page);
export const listReturnsOfCustomer = (customerId: string, status: ReturnStatus | undefined, page: PageRequest) =>
  listIn({ index: 'byCustomer', partition: customerList(customerId, 'RETURN') }, status, page);
export const listReturnsOfDeliveryPerson = (deliveryPersonId: string, status: ReturnStatus | undefined, page: PageRequest) =>
  listIn({ index: 'byDeliveryPerson', partition: deliveryPersonList(deliveryPersonId, 'RETURN') }, status, page);
export const listAllReturns = (page: PageRequest) => listIn({ index: 'byKind', partition: kindLists('RETURN') }, undefined, page);
/** The admin's queue of one status: oldest request first (who waits longest comes first). */
export const listReturnQueue = (status: ReturnStatus, page: PageRequest) =>
  listIn({ index: 'returnQueue', partition: returnQueue(status), oldestFirst: true }, undefined, page);
