import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { expect, inject } from 'vitest';
import { as, call, type ApiResponse, type Caller } from '../support/api-client.ts';
import { addDeliveryPerson, admin, itemInput, placeOrder, uniqueId } from '../support/fixtures.ts';
import { tableClient } from '../support/table.ts';
import { setStatus, viewParcel } from '../parcels/parcel-helpers.ts';

export type ReturnStatus = 'requested' | 'approved' | 'declined' | 'picked_up' | 'returned';
export type ReturnChange = 'approve' | 'decline' | 'assign' | 'pickup' | 'receive';

export interface ReturnBody {
  id: string;
  orderItemId: string;
  orderId: string;
  sellerId: string;
  customerId: string;
  reason: string;
  status: ReturnStatus;
  declineReason: string | null;
  deliveryPersonId: string | null;
  createdAt: string;
  decidedAt: string | null;
  pickedUpAt: string | null;
  receivedAt: string | null;
  events: { at: string; status: ReturnStatus; source: string; actor: string; note: string | null }[];
}

export interface DeliveredOrder {
  seller: Caller;
  customer: Caller;
  orderId: string;
  parcelId: string;
  itemIds: string[];
}

/** One delivery person shared by a file's fixtures (created on first use). */
let courierPerson: Promise<string> | undefined;
export const sharedDeliveryPerson = () => (courierPerson ??= addDeliveryPerson());

/**
 * An order of a fresh seller (items with `overrides` each), packed into one parcel and delivered by a
 * local delivery person, for `customerId` (a fresh one unless given).
 */
export async function deliveredOrder(overrides: Record<string, unknown>[] = [{}], customerId = uniqueId('customer')): Promise<DeliveredOrder> {
  const seller = as('seller', uniqueId('seller'));
  const order = await placeOrder(customerId, overrides.map((extra, i) => itemInput(seller.sub, { sku: `SKU-${i}`, ...extra })));
  const itemIds = order.items.map((item) => item.id);
  const parcel = await seller.post('/parcels', { orderId: order.id, itemIds });
  expect(parcel.status, JSON.stringify(parcel.body)).toBe(201);
  expect((await setStatus(seller, parcel.body.id, 'shipped', await sharedDeliveryPerson())).status).toBe(200);
  expect((await setStatus(seller, parcel.body.id, 'delivered')).status).toBe(200);
  return { seller, customer: as('customer', customerId), orderId: order.id, parcelId: parcel.body.id, itemIds };
}

/** POST /returns as `customer`, with an optional Idempotency-Key. */
export async function askReturn(customer: Caller, body: Record<string, unknown>, idempotencyKey?: string): Promise<ApiResponse> {
  return call('POST', '/returns', { token: await customer.token, body, headers: idempotencyKey ? { 'idempotency-key': idempotencyKey } : {} });
}

/** A requested return of the order's first item (201 asserted). */
export async function requestedReturn(delivered: DeliveredOrder, itemId = delivered.itemIds[0]!): Promise<ReturnBody> {
  const response = await askReturn(delivered.customer, { orderItemId: itemId, reason: 'Wrong size' });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

/** The body each change needs. */
export const bodyFor = (change: ReturnChange, deliveryPersonId?: string): Record<string, unknown> =>
  change === 'decline' ? { reason: 'Worn; not in its original condition' } : change === 'assign' ? { deliveryPersonId } : {};

export const changeReturn = (caller: Caller, returnId: string, change: ReturnChange, body: Record<string, unknown> = {}) =>
  caller.post(`/returns/${returnId}/${change}`, body);

/** The admin's changes leading from `requested` to each status. */
const PATH_TO: Record<ReturnStatus, readonly ReturnChange[]> = {
  requested: [],
  approved: ['approve'],
  declined: ['decline'],
  picked_up: ['approve', 'pickup'],
  returned: ['approve', 'receive'],
};

/** A fresh delivered item with a return driven by the admin to `status`. */
export async function returnAt(status: ReturnStatus, delivered?: DeliveredOrder, itemId?: string): Promise<{ delivered: DeliveredOrder; ret: ReturnBody }> {
  const order = delivered ?? (await deliveredOrder());
  let ret = await requestedReturn(order, itemId);
  for (const change of PATH_TO[status]) {
    const response = await changeReturn(admin, ret.id, change, bodyFor(change));
    expect(response.status, `${change}: ${JSON.stringify(response.body)}`).toBe(200);
    ret = response.body;
  }
  return { delivered: order, ret };
}

/** The item as GET /orders/{id} and GET /parcels/{id} show it to the admin. */
export async function itemViews(delivered: DeliveredOrder, itemId = delivered.itemIds[0]!) {
  const order = await admin.get(`/orders/${delivered.orderId}`);
  expect(order.status).toBe(200);
  const inOrder = order.body.items.find((item: { id: string }) => item.id === itemId);
  const inParcel = (await viewParcel(delivered.parcelId)).items.find((item) => item.id === itemId) as unknown as { status: string; returnStatus: string | null };
  return {
    order: { status: inOrder.status as string, returnStatus: inOrder.returnStatus as string | null },
    parcel: { status: inParcel.status, returnStatus: inParcel.returnStatus },
  };
}

/** Sets an item's `deliveredAt` directly in DynamoDB Local (the window tests move delivery into the past). */
export async function setDeliveredAt(orderId: string, position: number, deliveredAt: string) {
  await tableClient.send(
    new UpdateCommand({
      TableName: inject('tableName'),
      Key: { pk: `ORDER#${orderId}`, sk: `ITEM#${String(position).padStart(3, '0')}` },
      UpdateExpression: 'SET deliveredAt = :at',
      ExpressionAttributeValues: { ':at': deliveredAt },
    }),
  );
}
