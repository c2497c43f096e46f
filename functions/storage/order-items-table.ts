import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Order, OrderHeader, OrderItem } from '#domain/orders/order-types.ts';
import { documents, tableName } from './dynamo-client.ts';
import { kindList, orderItemKey, orderPartition, sellerList } from './keys.ts';
import type { WriteAction } from './transactions.ts';

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
}

export function orderItemRecord(header: OrderHeader, item: OrderItem, position: number, listSortKey: string, requestHash: string): OrderItemRecord {
  const { parcelId, ...fields } = item;
  return {
    ...orderItemKey(header.id, position),
    kind: 'ITEM',
    ...fields,
    ...(parcelId ? { parcelId } : {}),
    order: {
      paymentMethod: header.paymentMethod,
      currency: header.currency,
      shippingAddress: header.shippingAddress,
      billingAddress: header.billingAddress,
    },
    requestHash,
    bySellerPk: sellerList(item.sellerId, 'ITEM'),
    bySellerSk: listSortKey,
    byKindPk: kindList('ITEM'),
    byKindSk: listSortKey,
    ...(parcelId ? {} : { awaitingPackingPk: sellerList(item.sellerId, 'ITEM'), awaitingPackingSk: listSortKey }),
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

export function toOrder(records: OrderItemRecord[]): Order | undefined {
  const first = records[0];
  if (!first) return undefined;
  return {
    id: first.orderId,
    customerId: first.customerId,
    ...first.order,
    placedAt: first.placedAt,
    items: records.map(toOrderItem),
  };
}

export const putNewItemAction = (record: OrderItemRecord): WriteAction => ({
  Put: { TableName: tableName(), Item: record, ConditionExpression: 'attribute_not_exists(pk)' },
});

/**
 * All items of an order, in order, strongly consistent. With the schema's field limits an order
 * (≤ 100 items of ≤ ~4 KB) fits one Query page; the loop only guards that bound.
 */
export async function readOrderItems(orderId: string): Promise<OrderItemRecord[]> {
  const records: OrderItemRecord[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const output = await documents.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :item)',
        ExpressionAttributeValues: { ':pk': orderPartition(orderId), ':item': 'ITEM#' },
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    records.push(...((output.Items ?? []) as OrderItemRecord[]));
    startKey = output.LastEvaluatedKey;
  } while (startKey);
  return records;
}
