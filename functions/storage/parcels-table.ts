import { BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { UnavailableError } from '#domain/errors.ts';
import type { OrderItem } from '#domain/orders/order-types.ts';
import type { Parcel, ParcelEvent } from '#domain/parcels/parcel-types.ts';
import type { ParcelStatus } from '#domain/parcels/parcel-status.ts';
import { documents, tableName } from './dynamo-client.ts';
import { customerList, deliveryPersonKey, deliveryPersonList, kindList, parcelKey, sellerList } from './keys.ts';
import { toOrderItem, type OrderItemRecord } from './order-items-table.ts';
import type { WriteAction } from './transactions.ts';
import type { DeliveryPersonRecord } from './delivery-persons-table.ts';

/**
 * An item as packed into its parcel, so that View, lists and writes need no extra read: its
 * status, parcelId and deliveredAt follow the parcel. `returnStatus` is the one field that changes
 * afterwards: whatever changes it (returns) updates this copy in the same transaction.
 */
export type ParcelItemSnapshot = Omit<OrderItem, 'status' | 'parcelId' | 'deliveredAt'> & { pk: string; sk: string };

export interface ParcelRecord extends Omit<Parcel, 'items'> {
  pk: string;
  sk: 'PARCEL';
  kind: 'PARCEL';
  items: ParcelItemSnapshot[];
  deliveredAt: string | null;
  /** Bumped by every change; writes are conditional on the version they read (no lost updates). */
  version: number;
  deletedAt?: string;
  deletedBy?: string;
  bySellerPk?: string;
  bySellerSk?: string;
  byKindPk?: string;
  byKindSk?: string;
  byCustomerPk?: string;
  byCustomerSk?: string;
  byDeliveryPersonPk?: string;
  byDeliveryPersonSk?: string;
}

const LIST_INDEX_KEYS = ['bySellerPk', 'bySellerSk', 'byKindPk', 'byKindSk', 'byCustomerPk', 'byCustomerSk', 'byDeliveryPersonPk', 'byDeliveryPersonSk'];

export function snapshotOf(record: OrderItemRecord): ParcelItemSnapshot {
  const { status: _status, parcelId: _parcelId, deliveredAt: _deliveredAt, ...item } = toOrderItem(record);
  return { ...item, pk: record.pk, sk: record.sk };
}

export function newParcelRecord(parcel: Omit<Parcel, 'items'>, items: ParcelItemSnapshot[]): ParcelRecord {
  return {
    ...parcelKey(parcel.id),
    kind: 'PARCEL',
    ...parcel,
    items,
    deliveredAt: null,
    version: 1,
    bySellerPk: sellerList(parcel.sellerId, 'PARCEL'),
    bySellerSk: parcel.id,
    byKindPk: kindList('PARCEL'),
    byKindSk: parcel.id,
    byCustomerPk: customerList(parcel.customerId, 'PARCEL'),
    byCustomerSk: parcel.id,
  };
}

/** The parcel as the API shows it; an item is `returned` once its return is received, else it follows the parcel. */
export function toParcel(record: ParcelRecord): Parcel {
  const items = record.items.map(({ pk: _pk, sk: _sk, ...item }) => ({
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
    courier: record.courier,
    invoiceNumber: record.invoiceNumber,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    events: record.events,
  };
}

/** Creating a parcel: the parcel plus, per item, "same seller, allowed status, not in a parcel". */
export function createParcelActions(record: ParcelRecord, allowedItemStatuses: readonly ParcelStatus[]): WriteAction[] {
  const statusValues = Object.fromEntries(allowedItemStatuses.map((status, i) => [`:allowed${i}`, status]));
  return [
    { Put: { TableName: tableName(), Item: record, ConditionExpression: 'attribute_not_exists(pk)' } },
    ...record.items.map(
      (item): WriteAction => ({
        Update: {
          TableName: tableName(),
          Key: { pk: item.pk, sk: item.sk },
          UpdateExpression: 'SET parcelId = :parcelId REMOVE awaitingPackingPk, awaitingPackingSk',
          ConditionExpression: `attribute_exists(pk) AND sellerId = :sellerId AND attribute_not_exists(parcelId) AND #status IN (${Object.keys(statusValues).join(', ')})`,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':parcelId': record.id, ':sellerId': record.sellerId, ...statusValues },
        },
      }),
    ),
  ];
}

export interface StatusChange {
  status: ParcelStatus;
  shippingMethod: Parcel['shippingMethod'];
  deliveryPersonId: string | null;
  /** When the parcel (and so each item) was delivered; null until then. */
  deliveredAt: string | null;
  event: ParcelEvent;
}

/** A status change: the parcel (conditional on the version read) and its items, in one transaction. */
export function statusChangeActions(record: ParcelRecord, change: StatusChange): WriteAction[] {
  const { deliveredAt } = change;
  const assignee = change.deliveryPersonId
    ? { byDeliveryPersonPk: deliveryPersonList(change.deliveryPersonId, 'PARCEL'), byDeliveryPersonSk: record.id }
    : {};
  const assigneeSet = Object.keys(assignee).map((name) => `${name} = :${name}`);
  return [
    {
      Update: {
        TableName: tableName(),
        Key: parcelKey(record.id),
        UpdateExpression: [
          'SET #status = :status, shippingMethod = :method, deliveryPersonId = :assignee, deliveredAt = :deliveredAt',
          'updatedAt = :at, version = version + :one, events = list_append(events, :event)',
          ...assigneeSet,
        ].join(', '),
        ConditionExpression: 'version = :version AND attribute_not_exists(deletedAt)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':status': change.status,
          ':method': change.shippingMethod,
          ':assignee': change.deliveryPersonId,
          ':deliveredAt': deliveredAt,
          ':at': change.event.at,
          ':one': 1,
          ':event': [change.event],
          ':version': record.version,
          ...Object.fromEntries(Object.entries(assignee).map(([name, value]) => [`:${name}`, value])),
        },
      },
    },
    ...itemUpdates(record, 'SET #status = :status, deliveredAt = :deliveredAt', { ':status': change.status, ':deliveredAt': deliveredAt }),
  ];
}

/** Deleting: a tombstone (kept for audit, out of every list and view) and the items released. */
export function deleteParcelActions(record: ParcelRecord, deletedBy: string, at: string): WriteAction[] {
  return [
    {
      Update: {
        TableName: tableName(),
        Key: parcelKey(record.id),
        UpdateExpression: `SET deletedAt = :at, deletedBy = :by, updatedAt = :at, version = version + :one REMOVE ${LIST_INDEX_KEYS.join(', ')}`,
        ConditionExpression: 'version = :version AND attribute_not_exists(deletedAt)',
        ExpressionAttributeValues: { ':at': at, ':by': deletedBy, ':one': 1, ':version': record.version },
      },
    },
    ...itemUpdates(record, 'SET #status = :received, awaitingPackingPk = bySellerPk, awaitingPackingSk = bySellerSk REMOVE parcelId', {
      ':received': 'received',
    }),
  ];
}

function itemUpdates(record: ParcelRecord, updateExpression: string, values: Record<string, unknown>): WriteAction[] {
  return record.items.map((item) => ({
    Update: {
      TableName: tableName(),
      Key: { pk: item.pk, sk: item.sk },
      UpdateExpression: updateExpression,
      ConditionExpression: 'parcelId = :parcelId',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ...values, ':parcelId': record.id },
    },
  }));
}

const isLive = (record: ParcelRecord | undefined): record is ParcelRecord => record !== undefined && record.deletedAt === undefined;

/** The parcel record with its items and history, strongly consistent; deleted parcels read as missing. */
export async function readParcel(parcelId: string): Promise<ParcelRecord | undefined> {
  const output = await documents.send(new GetCommand({ TableName: tableName(), Key: parcelKey(parcelId), ConsistentRead: true }));
  const record = output.Item as ParcelRecord | undefined;
  return isLive(record) ? record : undefined;
}

/** The parcel and a delivery person in one strongly consistent round trip. */
export async function readParcelAndDeliveryPerson(parcelId: string, deliveryPersonId: string) {
  const keys = [parcelKey(parcelId), deliveryPersonKey(deliveryPersonId)];
  const output = await documents.send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keys, ConsistentRead: true } } }));
  if (Object.keys(output.UnprocessedKeys ?? {}).length > 0) throw new UnavailableError('The database is busy; retry shortly.');
  const records = output.Responses?.[tableName()] ?? [];
  const parcel = records.find((record) => record.sk === 'PARCEL') as ParcelRecord | undefined;
  const deliveryPerson = records.find((record) => record.pk === keys[1]?.pk) as DeliveryPersonRecord | undefined;
  return { parcel: isLive(parcel) ? parcel : undefined, deliveryPerson };
}
