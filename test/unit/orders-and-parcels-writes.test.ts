import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler as createOrder } from '../../functions/handlers/orders/create-order.ts';
import { handler as createParcel } from '../../functions/handlers/parcels/create-parcel.ts';
import { handler as updateStatus } from '../../functions/handlers/parcels/update-parcel-status.ts';
import { apiEvent, claims, json, lambdaContext } from './support/events.ts';

const documents = mockClient(DynamoDBDocumentClient);
beforeEach(() => documents.reset());

const address = { name: 'A', phone: '+91 98450 12345', line1: 'L', city: 'C', state: 'S', postalCode: '560001', country: 'India' };
const item = (sellerId: string) => ({ sellerId, productName: 'P', sku: 'S', quantity: 1, unitPrice: 100, taxPercent: 5 });
const order = (items: unknown[]) => ({ id: 'order-1', customerId: 'c-1', paymentMethod: 'cod', shippingAddress: address, items });
const postOrder = (body: unknown) => createOrder(apiEvent('POST /orders', { claims: claims('system', 'sf'), body: JSON.stringify(body) }), lambdaContext);

describe('POST /orders writes', () => {
  it('writes a several-item order as one transaction of conditional puts', async () => {
    documents.on(TransactWriteCommand).resolves({});
    const result = await postOrder(order([item('s-1'), item('s-2'), item('s-1')]));
    expect(result.statusCode).toBe(201);
    const calls = documents.commandCalls(TransactWriteCommand);
    expect(calls).toHaveLength(1);
    const puts = calls[0]!.args[0].input.TransactItems!.map((action) => action.Put!);
    expect(puts.map((put) => [put.Item!.sk, put.ConditionExpression])).toEqual([
      ['ITEM#000', 'attribute_not_exists(pk)'],
      ['ITEM#001', 'attribute_not_exists(pk)'],
      ['ITEM#002', 'attribute_not_exists(pk)'],
    ]);
    expect(documents.calls()).toHaveLength(1);
  });

  it('writes a one-item order as one conditional put', async () => {
    documents.on(PutCommand).resolves({});
    expect((await postOrder(order([item('s-1')]))).statusCode).toBe(201);
    expect(documents.commandCalls(PutCommand)[0]!.args[0].input.ConditionExpression).toBe('attribute_not_exists(pk)');
  });

  it('on an existing id, compares the stored body: same → 200 with the stored order, other → 409', async () => {
    documents.on(PutCommand).rejects(new ConditionalCheckFailedException({ message: 'exists', $metadata: {} }));
    documents.on(TransactWriteCommand).resolves({});
    await postOrder(order([item('s-1'), item('s-1')]));
    const stored = documents.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!.map((action) => action.Put!.Item!);
    documents.reset();
    documents.on(TransactWriteCommand).rejects(new TransactionCanceledException({ message: 'x', $metadata: {}, CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }] }));
    documents.on(QueryCommand).resolves({ Items: stored });

    const same = await postOrder(order([item('s-1'), item('s-1')]));
    expect(same.statusCode).toBe(200);
    expect(json(same).items).toHaveLength(2);
    const other = await postOrder(order([item('s-1'), item('s-2')]));
    expect(other.statusCode).toBe(409);
  });
});

const orderItemRecord = (id: string, position: number, overrides: Record<string, unknown> = {}) => ({
  pk: 'ORDER#order-1', sk: `ITEM#00${position}`, kind: 'ITEM', id, orderId: 'order-1', sellerId: 's-1', customerId: 'c-1',
  productName: 'P', sku: 'S', variant: null, quantity: 1, unitPrice: 100, taxPercent: 5, hsn: null, returnable: true, returnWindowDays: 7,
  status: 'received', returnStatus: null, placedAt: '2026-11-26T00:00:00.000Z', deliveredAt: null, order: {}, ...overrides,
});
const postParcel = (body: unknown, seller = 's-1') => createParcel(apiEvent('POST /parcels', { claims: claims('seller', seller), body: JSON.stringify(body) }), lambdaContext);

describe('POST /parcels writes', () => {
  it('is one read of the order and one transaction: parcel + a guarded update per item', async () => {
    documents.on(QueryCommand).resolves({ Items: [orderItemRecord('i-1', 0), orderItemRecord('i-2', 1), orderItemRecord('i-3', 2)] });
    documents.on(TransactWriteCommand).resolves({});
    const result = await postParcel({ orderId: 'order-1', itemIds: ['i-3', 'i-1'] });
    expect(result.statusCode).toBe(201);
    expect(json(result).items.map((i: { id: string }) => i.id)).toEqual(['i-3', 'i-1']);
    const actions = documents.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(actions[0]!.Put!.ConditionExpression).toBe('attribute_not_exists(pk)');
    expect(actions.slice(1).map((action) => action.Update!.Key)).toEqual([{ pk: 'ORDER#order-1', sk: 'ITEM#002' }, { pk: 'ORDER#order-1', sk: 'ITEM#000' }]);
    expect(actions[1]!.Update!.ConditionExpression).toContain('attribute_not_exists(parcelId)');
    expect(actions[1]!.Update!.ConditionExpression).toContain('sellerId = :sellerId');
    expect(documents.calls()).toHaveLength(2);
  });

  it('409 naming the item whose condition failed when another request took it first', async () => {
    documents.on(QueryCommand).resolves({ Items: [orderItemRecord('i-1', 0), orderItemRecord('i-2', 1)] });
    documents.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({ message: 'x', $metadata: {}, CancellationReasons: [{ Code: 'None' }, { Code: 'None' }, { Code: 'ConditionalCheckFailed' }] }),
    );
    const result = await postParcel({ orderId: 'order-1', itemIds: ['i-1', 'i-2'] });
    expect(result.statusCode).toBe(409);
    expect(json(result).error.message).toContain('i-2');
    expect(json(result).error.message).not.toContain('i-1,');
  });

  it('404 for another seller\'s item and 409 for an item already parcelled, without writing', async () => {
    documents.on(QueryCommand).resolves({ Items: [orderItemRecord('i-1', 0, { sellerId: 's-2' }), orderItemRecord('i-2', 1, { parcelId: 'p-0' })] });
    expect((await postParcel({ orderId: 'order-1', itemIds: ['i-1'] })).statusCode).toBe(404);
    expect((await postParcel({ orderId: 'order-1', itemIds: ['i-2'] })).statusCode).toBe(409);
    expect(documents.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('400 for 100 items: one transaction holds a parcel and at most 99 items', async () => {
    const result = await postParcel({ orderId: 'order-1', itemIds: Array.from({ length: 100 }, (_, i) => `i-${i}`) });
    expect(result.statusCode).toBe(400);
    expect(json(result).error.details[0].message).toMatch(/at most 99 items/);
  });
});

const parcelRecord = (overrides: Record<string, unknown> = {}) => ({
  pk: 'PARCEL#p-1', sk: 'PARCEL', kind: 'PARCEL', id: 'p-1', parcelId: 'p-1', orderId: 'order-1', sellerId: 's-1', customerId: 'c-1',
  status: 'received', shippingMethod: null, deliveryPersonId: null, courier: null, invoiceNumber: null, createdAt: 't', updatedAt: 't',
  deliveredAt: null, version: 4, events: [], items: [{ ...orderItemRecord('i-1', 0) }], ...overrides,
});
const postStatus = (body: unknown, who = claims('seller', 's-1')) =>
  updateStatus(apiEvent('POST /parcels/{parcelId}/status', { claims: who, params: { parcelId: 'p-1' }, body: JSON.stringify(body) }), lambdaContext);

describe('POST /parcels/{id}/status writes', () => {
  it('is one read and one transaction conditional on the version read; items follow', async () => {
    documents.on(GetCommand).resolves({ Item: parcelRecord() });
    documents.on(TransactWriteCommand).resolves({});
    const result = await postStatus({ status: 'processed' });
    expect(result.statusCode).toBe(200);
    expect(json(result)).toMatchObject({ status: 'processed', shippingMethod: 'local', items: [{ status: 'processed' }], events: [{ status: 'processed', source: 'seller', actor: 's-1' }] });
    const [parcel, itemUpdate] = documents.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(parcel!.Update!.ConditionExpression).toContain('version = :version');
    expect(parcel!.Update!.ExpressionAttributeValues![':version']).toBe(4);
    expect(itemUpdate!.Update!.ExpressionAttributeValues).toMatchObject({ ':status': 'processed', ':parcelId': 'p-1' });
    expect(documents.calls()).toHaveLength(2);
  });

  it('reads the parcel and the named delivery person in one batch', async () => {
    documents.on(BatchGetCommand).resolves({ Responses: { 'unit-table': [parcelRecord(), { pk: 'DELIVERY_PERSON#d-1', sk: 'PROFILE', id: 'd-1', active: true }] } });
    documents.on(TransactWriteCommand).resolves({});
    const result = await postStatus({ status: 'shipped', deliveryPersonId: 'd-1' });
    expect(result.statusCode).toBe(200);
    expect(json(result).deliveryPersonId).toBe('d-1');
    expect(documents.calls()).toHaveLength(2);
  });

  it('409 when the parcel changed between read and write', async () => {
    documents.on(GetCommand).resolves({ Item: parcelRecord() });
    documents.on(TransactWriteCommand).rejects(new TransactionCanceledException({ message: 'x', $metadata: {}, CancellationReasons: [{ Code: 'ConditionalCheckFailed' }] }));
    expect((await postStatus({ status: 'processed' })).statusCode).toBe(409);
  });

  it('503 when DynamoDB throttles the transaction (safe to retry), not 500', async () => {
    documents.on(GetCommand).resolves({ Item: parcelRecord() });
    documents.on(TransactWriteCommand).rejects(new TransactionCanceledException({ message: 'x', $metadata: {}, CancellationReasons: [{ Code: 'ThrottlingError' }, { Code: 'None' }] }));
    const result = await postStatus({ status: 'processed' });
    expect(result.statusCode).toBe(503);
    expect(json(result).error.code).toBe('UNAVAILABLE');
  });

  it('409 while a live courier shipment drives the status', async () => {
    documents.on(GetCommand).resolves({ Item: parcelRecord({ courier: { provider: 'shiprocket', cancelledAt: null } }) });
    expect((await postStatus({ status: 'processed' })).statusCode).toBe(409);
    expect(documents.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('a delivery person: 403 for statuses other than out_for_delivery/delivered, 404 when not assigned', async () => {
    documents.on(GetCommand).resolves({ Item: parcelRecord({ status: 'shipped', deliveryPersonId: 'd-1' }) });
    expect((await postStatus({ status: 'rto' }, claims('delivery', 'd-1'))).statusCode).toBe(403);
    expect((await postStatus({ status: 'delivered' }, claims('delivery', 'd-2'))).statusCode).toBe(404);
  });
});
