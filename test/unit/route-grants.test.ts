import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ShiprocketApi, TrackingSnapshot } from '../../functions/courier/shiprocket-api.ts';
import { jobs } from '../../functions/jobs.ts';
import { FALLBACK_HANDLER, routeKey, routes, type Route, type RouteAccess } from '../../functions/routes.ts';
import { iamActionsOf } from './support/dynamodb-iam.ts';
import { buildInvoice } from '../../functions/domain/invoices/invoice-document.ts';
import { sampleInvoiceInput } from '../support/invoice-samples.ts';
import { apiEvent, claims, lambdaContext } from './support/events.ts';

/**
 * Proves each route's `access.table`: its real handler runs through scenarios that reach every
 * storage path it has, against a recording DynamoDB document client, and the IAM actions of what
 * it sent (a transaction: its items' actions) must be exactly what the route declares.
 */

const documents = mockClient(DynamoDBDocumentClient);
/** S3 answers (the invoice route stores PDFs); only DynamoDB's calls are recorded. */
const objects = mockClient(S3Client);
objects.on(PutObjectCommand).resolves({});

/**
 * Shiprocket answers from a stand-in (the courier's own calls are not DynamoDB's): the login token
 * record it shares reads and updates the table with GetItem and UpdateItem, which every courier
 * route declares for its parcel anyway.
 */
const tracking: TrackingSnapshot = { found: true, shipmentStatus: 42, currentStatus: 'PICKED UP', awb: 'AWB1', etd: null, activities: [] };
const courierApi: ShiprocketApi = {
  createOrder: async (input) => ({ orderId: '101', shipmentId: '201', channelOrderId: input.channelOrderId, awb: null, courierId: null, courierName: null }),
  findOrder: async () => undefined,
  assignAwb: async () => ({ awb: 'AWB1', courierId: 10, courierName: 'Courier', pickupScheduledAt: null }),
  requestPickup: async () => ({ pickupScheduledAt: null, tokenNumber: null }),
  generateLabel: async () => ({ labelUrl: 'https://labels.example/1.pdf' }),
  cancelOrder: async () => undefined,
  trackAwb: async () => tracking,
  trackAwbs: async () => new Map([['AWB1', tracking]]),
};
vi.mock('../../functions/courier/shiprocket-client.ts', () => ({ shiprocket: () => courierApi }));

type Handler = (event: unknown, context: unknown) => Promise<APIGatewayProxyResultV2>;
interface Request {
  claims?: Record<string, unknown>;
  body?: unknown;
  query?: Record<string, string>;
  params?: Record<string, string>;
  headers?: Record<string, string>;
}
type Call = (request: Request) => Promise<{ statusCode?: number; headers?: Record<string, unknown> }>;

/** `functions/handlers/<handler>.ts`, as the stack bundles it (the path is only known at run time). */
const handlerModule = (handler: string): Promise<{ handler: Handler }> =>
  import(/* @vite-ignore */ fileURLToPath(new URL(`../../functions/handlers/${handler}.ts`, import.meta.url)));

function caller(key: string, handler: Handler): Call {
  return async ({ body, headers, ...options }) => {
    const event = apiEvent(key, { ...options, body: body === undefined ? undefined : JSON.stringify(body) });
    const result = await handler({ ...event, headers: { ...event.headers, ...headers } }, lambdaContext);
    return typeof result === 'string' ? { statusCode: 200 } : (result as { statusCode?: number; headers?: Record<string, unknown> });
  };
}

const routeByKey = (key: string): Route => routes.find((route) => routeKey(route) === key)!;
const callRoute = async (key: string) => caller(key, (await handlerModule(routeByKey(key).handler)).handler);

const seller = claims('seller', 's-1');
const admin = claims('admin', 'admin-1');
const address = { name: 'A', phone: '+91 98450 12345', line1: 'L', city: 'C', state: 'S', postalCode: '560001', country: 'India' };
const orderItem = (id: string) => ({ id, sellerId: 's-1', productName: 'P', sku: 'S', quantity: 1, unitPrice: 100, taxPercent: 5 });
const twoItemOrder = { id: 'order-1', customerId: 'c-1', paymentMethod: 'cod', shippingAddress: address, items: [orderItem('i-1'), orderItem('i-2')] };
const newParcel = { orderId: 'order-1', itemIds: ['i-1'] };
const customer = claims('customer', 'c-1');
const newReturn = { orderItemId: 'i-1', reason: 'Wrong size' };
const conditionFailed = (item?: Record<string, unknown>) =>
  new ConditionalCheckFailedException({ message: 'condition failed', $metadata: {}, ...(item ? { Item: marshall(item) } : {}) });
const transactionCanceled = (codes: string[]) =>
  new TransactionCanceledException({ message: 'canceled', $metadata: {}, CancellationReasons: codes.map((Code) => ({ Code })) });

type Recorded = Record<string, unknown>;

/** Records exactly as the storage code writes them, captured from its own writes (no hand-made fixtures). */
interface StoredRecords {
  orderItems: Recorded[];
  parcel: Recorded;
  /** The Idempotency-Key claim the parcel was created under. */
  parcelClaim: Recorded;
  deliveryPerson: Recorded;
  seller: Recorded;
  /** The parcelled item once its parcel is delivered (as the status change writes it), and a return of it. */
  deliveredItem: Recorded;
  ret: Recorded;
  /** The Idempotency-Key claim the return was created under. */
  returnClaim: Recorded;
}

const transactPuts = () => documents.commandCalls(TransactWriteCommand).flatMap((call) => call.args[0].input.TransactItems!.flatMap((item) => (item.Put ? [item.Put.Item!] : [])));
const puts = () => documents.commandCalls(PutCommand).map((call) => call.args[0].input.Item!);

async function captureStoredRecords(): Promise<StoredRecords> {
  documents.reset();
  documents.on(TransactWriteCommand).resolves({});
  expect((await (await callRoute('POST /orders'))({ claims: claims('system', 'sf'), body: twoItemOrder })).statusCode).toBe(201);
  const orderItems = transactPuts();

  documents.reset();
  documents.on(PutCommand).resolves({});
  documents.on(QueryCommand).resolves({ Items: orderItems });
  documents.on(TransactWriteCommand).resolves({});
  const parcelCreated = await (await callRoute('POST /parcels'))({ claims: seller, body: newParcel, headers: { 'idempotency-key': 'key-1' } });
  expect(parcelCreated.statusCode).toBe(201);
  const [parcelClaim] = puts();
  const [parcel] = transactPuts();

  documents.reset();
  documents.on(PutCommand).resolves({});
  expect((await (await callRoute('POST /delivery-persons'))({ claims: admin, body: { id: 'd-1', name: 'D', phone: address.phone } })).statusCode).toBe(201);
  expect((await (await callRoute('PUT /sellers/{sellerId}'))({ claims: admin, params: { sellerId: 's-1' }, body: { name: 'N', storeName: 'S', address } })).statusCode).toBe(201);
  const [deliveryPerson, sellerRecord] = puts();

  documents.reset();
  const deliveredItem = { ...orderItems[0]!, status: 'delivered', deliveredAt: new Date().toISOString(), parcelId: parcel!.id, parcelSlot: 0 };
  documents.on(PutCommand).resolves({});
  documents.on(QueryCommand).resolves({ Items: [deliveredItem] });
  documents.on(TransactWriteCommand).resolves({});
  const returnCreated = await (await callRoute('POST /returns'))({ claims: customer, body: newReturn, headers: { 'idempotency-key': 'return-key-1' } });
  expect(returnCreated.statusCode).toBe(201);
  const [returnClaim] = puts();
  const [ret] = transactPuts();
  documents.reset();
  return { orderItems, parcel: parcel!, parcelClaim: parcelClaim!, deliveryPerson: deliveryPerson!, seller: sellerRecord!, deliveredItem, ret: ret!, returnClaim: returnClaim! };
}

const sampleInvoice = () => buildInvoice(sampleInvoiceInput(1));

/** The parcel record with a complete, live Shiprocket shipment. */
/** The byAwb index's entry of a live shipment: its keys only. */
const awbEntry = (stored: { parcel: Recorded }) => ({ pk: `PARCEL#${String(stored.parcel.id)}`, sk: 'PARCEL', byAwbPk: 'AWB#AWB1', byAwbSk: String(stored.parcel.id) });

const withLiveCourier = (parcel: Recorded): Recorded => ({
  ...parcel,
  shippingMethod: 'shiprocket',
  courier: {
    provider: 'shiprocket', orderId: '101', channelOrderId: String(parcel.id), shipmentId: '201', awb: 'AWB1', courierId: 10, courierName: 'Courier',
    statusCode: 3, statusLabel: 'Pickup Scheduled', pickupLocation: 'Primary', weightKg: 0.5, lengthCm: 10, breadthCm: 10, heightCm: 5,
    labelUrl: null, pickupScheduledAt: null, etd: null, lastSyncedAt: null, cancelledAt: null, progress: 'complete', attempt: 1,
  },
});

type Scenario = readonly [name: string, run: (call: Call, stored: StoredRecords) => Promise<void>];

const expectStatus = async (response: ReturnType<Call>, status: number) => expect((await response).statusCode).toBe(status);

/** Per route key: scenarios that together reach every storage call its handler can make. */
const SCENARIOS: Record<string, readonly Scenario[]> = {
  'GET /health': [
    ['liveness touches nothing', async (call) => expectStatus(call({}), 200)],
    ['deep probes the table', async (call) => {
      documents.on(GetCommand).resolves({});
      await expectStatus(call({ query: { deep: 'true' } }), 200);
    }],
  ],
  'GET /openapi.json': [['the generated document, no table', async (call) => expectStatus(call({}), 200)]],
  'GET /docs': [['the rendered page, no table', async (call) => expectStatus(call({}), 200)]],
  'POST /orders': [
    ['one item: one conditional put', async (call) => {
      documents.on(PutCommand).resolves({});
      await expectStatus(call({ claims: admin, body: { ...twoItemOrder, items: [orderItem('i-1')] } }), 201);
    }],
    ['several items: one transaction of puts', async (call) => {
      documents.on(TransactWriteCommand).resolves({});
      await expectStatus(call({ claims: admin, body: twoItemOrder }), 201);
    }],
    ['a retried ingestion collides, then reads the stored order (same body 200)', async (call, stored) => {
      documents.on(TransactWriteCommand).rejects(transactionCanceled(['ConditionalCheckFailed', 'None']));
      documents.on(QueryCommand).resolves({ Items: stored.orderItems });
      await expectStatus(call({ claims: admin, body: twoItemOrder }), 200);
    }],
    ['the same id with another body: put fails, read, 409', async (call, stored) => {
      documents.on(PutCommand).rejects(conditionFailed());
      documents.on(QueryCommand).resolves({ Items: stored.orderItems });
      await expectStatus(call({ claims: admin, body: { ...twoItemOrder, items: [orderItem('i-1')] } }), 409);
    }],
  ],
  'GET /orders/{orderId}': [
    ['reads the order partition', async (call, stored) => {
      documents.on(QueryCommand).resolves({ Items: stored.orderItems });
      await expectStatus(call({ claims: admin, params: { orderId: 'order-1' } }), 200);
    }],
  ],
  'GET /order-items': [
    ...(
      [
        ['a seller, one order', seller, { orderId: 'order-1' }],
        ['a seller, unparcelled (awaitingPacking)', seller, { unparcelled: 'true' }],
        ['a seller, all its items', seller, {}],
        ['an admin, one seller', admin, { sellerId: 's-1' }],
        ['an admin, everything', admin, {}],
      ] as const
    ).map(([name, who, query]): Scenario => [name, async (call, stored) => {
      documents.on(QueryCommand).resolves({ Items: stored.orderItems });
      await expectStatus(call({ claims: who, query }), 200);
    }]),
  ],
  'POST /parcels': [
    ['without an Idempotency-Key: read the order, one transaction', async (call, stored) => {
      documents.on(QueryCommand).resolves({ Items: stored.orderItems });
      documents.on(TransactWriteCommand).resolves({});
      await expectStatus(call({ claims: seller, body: newParcel }), 201);
    }],
    ['a new Idempotency-Key: claim it, then create', async (call, stored) => {
      documents.on(PutCommand).resolves({});
      documents.on(QueryCommand).resolves({ Items: stored.orderItems });
      documents.on(TransactWriteCommand).resolves({});
      await expectStatus(call({ claims: seller, body: newParcel, headers: { 'idempotency-key': 'key-2' } }), 201);
    }],
    ['a replayed Idempotency-Key: the claim fails carrying what it holds, the parcel is read', async (call, stored) => {
      documents.on(PutCommand).rejects(conditionFailed(stored.parcelClaim));
      documents.on(GetCommand).resolves({ Item: stored.parcel });
      const replay = await call({ claims: seller, body: newParcel, headers: { 'idempotency-key': 'key-1' } });
      expect(replay.statusCode).toBe(201);
      expect(documents.commandCalls(TransactWriteCommand)).toHaveLength(0);
    }],
    ['a replayed key whose first attempt never finished: read, then create with the claimed id', async (call, stored) => {
      documents.on(PutCommand).rejects(conditionFailed(stored.parcelClaim));
      documents.on(GetCommand).resolves({});
      documents.on(QueryCommand).resolves({ Items: stored.orderItems });
      documents.on(TransactWriteCommand).resolves({});
      await expectStatus(call({ claims: seller, body: newParcel, headers: { 'idempotency-key': 'key-1' } }), 201);
    }],
    ['the parcel landed meanwhile: the transaction fails on it, the parcel is read', async (call, stored) => {
      documents.on(PutCommand).rejects(conditionFailed(stored.parcelClaim));
      documents.on(GetCommand).resolvesOnce({}).resolves({ Item: stored.parcel });
      documents.on(QueryCommand).resolves({ Items: stored.orderItems });
      documents.on(TransactWriteCommand).rejects(transactionCanceled(['ConditionalCheckFailed', 'None']));
      await expectStatus(call({ claims: seller, body: newParcel, headers: { 'idempotency-key': 'key-1' } }), 201);
    }],
  ],
  'GET /parcels': [
    ...(
      [
        ['a seller', seller, {}],
        ['a customer', claims('customer', 'c-1'), {}],
        ['a delivery person', claims('delivery', 'd-1'), {}],
        ['an admin, one seller', admin, { sellerId: 's-1' }],
        ['an admin, everything', admin, { status: 'received' }],
      ] as const
    ).map(([name, who, query]): Scenario => [name, async (call, stored) => {
      documents.on(QueryCommand).resolves({ Items: [stored.parcel] });
      await expectStatus(call({ claims: who, query }), 200);
    }]),
  ],
  'GET /parcels/{parcelId}': [
    ['one consistent read', async (call, stored) => {
      documents.on(GetCommand).resolves({ Item: stored.parcel });
      await expectStatus(call({ claims: seller, params: { parcelId: String(stored.parcel.id) } }), 200);
    }],
  ],
  'DELETE /parcels/{parcelId}': [
    ['read, then tombstone the parcel and release its items in one transaction', async (call, stored) => {
      documents.on(GetCommand).resolves({ Item: stored.parcel });
      documents.on(TransactWriteCommand).resolves({});
      await expectStatus(call({ claims: seller, params: { parcelId: String(stored.parcel.id) } }), 204);
    }],
  ],
  'POST /parcels/{parcelId}/status': [
    ['without a delivery person: read the parcel, one transaction', async (call, stored) => {
      documents.on(GetCommand).resolves({ Item: stored.parcel });
      documents.on(TransactWriteCommand).resolves({});
      await expectStatus(call({ claims: seller, params: { parcelId: String(stored.parcel.id) }, body: { status: 'processed' } }), 200);
    }],
    ['naming a delivery person: parcel and person in one batch, one transaction', async (call, stored) => {
      documents.on(BatchGetCommand).resolves({ Responses: { [process.env.TABLE_NAME!]: [stored.parcel, stored.deliveryPerson] } });
      documents.on(TransactWriteCommand).resolves({});
      await expectStatus(call({ claims: seller, params: { parcelId: String(stored.parcel.id) }, body: { status: 'shipped', deliveryPersonId: 'd-1' } }), 200);
    }],
  ],
  'GET /parcels/{parcelId}/invoice': [
    ['first call: read the parcel, its order, the seller and the sequence; take the number; mark the PDF stored', async (call, stored) => {
      documents.on(GetCommand).resolves({ Item: stored.parcel });
      documents.on(QueryCommand).resolves({ Items: stored.orderItems });
      documents.on(BatchGetCommand).resolves({ Responses: { [process.env.TABLE_NAME!]: [stored.seller] } });
      documents.on(TransactWriteCommand).resolves({});
      documents.on(UpdateCommand).resolves({});
      await expectStatus(call({ claims: seller, params: { parcelId: String(stored.parcel.id) } }), 200);
    }],
    ['an invoice whose upload failed: read its document, store it, mark it', async (call, stored) => {
      const invoice = { number: '2026-27/000001', financialYear: '2026-27', sequence: 1, issuedAt: '2026-11-27T10:00:00.000Z', objectKey: 'invoices/s-1/p.pdf', storedAt: null, cancelledAt: null };
      documents.on(GetCommand).resolvesOnce({ Item: { ...stored.parcel, invoice } }).resolves({ Item: { document: sampleInvoice() } });
      documents.on(UpdateCommand).resolves({});
      await expectStatus(call({ claims: seller, params: { parcelId: String(stored.parcel.id) } }), 200);
    }],
  ],
  'POST /parcels/{parcelId}/shiprocket': [
    ['an Idempotency-Key claimed, the attempt recorded, the order read, each step saved, received → processed in one transaction', async (call, stored) => {
      documents.on(PutCommand).resolves({});
      documents.on(GetCommand).resolves({ Item: stored.parcel });
      documents.on(QueryCommand).resolves({ Items: stored.orderItems });
      documents.on(UpdateCommand).resolves({});
      documents.on(TransactWriteCommand).resolves({});
      const body = { pickupLocation: 'Primary', weightKg: 0.5, lengthCm: 10, breadthCm: 10, heightCm: 5 };
      await expectStatus(call({ claims: seller, params: { parcelId: String(stored.parcel.id) }, body, headers: { 'idempotency-key': 'ship-1' } }), 201);
    }],
  ],
  'POST /parcels/{parcelId}/shiprocket/cancel': [
    ['read the parcel, cancel at Shiprocket, one update', async (call, stored) => {
      documents.on(GetCommand).resolves({ Item: withLiveCourier(stored.parcel) });
      documents.on(UpdateCommand).resolves({});
      await expectStatus(call({ claims: seller, params: { parcelId: String(stored.parcel.id) } }), 200);
    }],
  ],
  'POST /parcels/{parcelId}/shiprocket/refresh': [
    ['read the parcel, track, move it in one transaction with its items', async (call, stored) => {
      documents.on(GetCommand).resolves({ Item: withLiveCourier({ ...stored.parcel, status: 'processed' }) });
      documents.on(TransactWriteCommand).resolves({});
      await expectStatus(call({ claims: admin, params: { parcelId: String(stored.parcel.id) } }), 200);
    }],
    ['nothing to move: one update of the courier details', async (call, stored) => {
      documents.on(GetCommand).resolves({ Item: withLiveCourier({ ...stored.parcel, status: 'shipped' }) });
      documents.on(UpdateCommand).resolves({});
      await expectStatus(call({ claims: admin, params: { parcelId: String(stored.parcel.id) } }), 200);
    }],
  ],
  'POST /webhooks/courier': [
    ['a push for a live shipment: one Query by AWB, one read of the parcel, one transaction moving the parcel and its items', async (call, stored) => {
      documents.on(QueryCommand).resolves({ Items: [awbEntry(stored)] });
      documents.on(GetCommand).resolves({ Item: withLiveCourier({ ...stored.parcel, status: 'processed' }) });
      documents.on(TransactWriteCommand).resolves({});
      await expectStatus(call({ headers: { 'x-api-key': 'unit-webhook-token' }, body: { awb: 'AWB1', shipment_status_id: 42, current_timestamp: '27 11 2026 10:00:00' } }), 200);
    }],
    ['a push that changes no status: one update of the courier details', async (call, stored) => {
      documents.on(QueryCommand).resolves({ Items: [awbEntry(stored)] });
      documents.on(GetCommand).resolves({ Item: withLiveCourier({ ...stored.parcel, status: 'shipped' }) });
      documents.on(UpdateCommand).resolves({});
      await expectStatus(call({ headers: { 'x-api-key': 'unit-webhook-token' }, body: { awb: 'AWB1', shipment_status_id: 18, current_timestamp: '27 11 2026 11:00:00' } }), 200);
    }],
    ['a push racing another change: the write is refused, the parcel read again, the push applied once', async (call, stored) => {
      documents.on(QueryCommand).resolves({ Items: [awbEntry(stored)] });
      documents.on(UpdateCommand).rejectsOnce(conditionFailed()).resolves({});
      documents.on(GetCommand).resolves({ Item: withLiveCourier({ ...stored.parcel, status: 'shipped' }) });
      await expectStatus(call({ headers: { 'x-api-key': 'unit-webhook-token' }, body: { awb: 'AWB1', shipment_status_id: 18, current_timestamp: '27 11 2026 12:00:00' } }), 200);
    }],
    ['an unknown AWB: one Query, nothing written', async (call) => {
      documents.on(QueryCommand).resolves({ Items: [] });
      await expectStatus(call({ headers: { 'x-api-key': 'unit-webhook-token' }, body: { awb: 'OTHER', shipment_status_id: 18 } }), 200);
    }],
  ],
  'POST /returns': [
    ['by item id: one Query of the customer-item lookup, one transaction (return, item, parcel copy)', async (call, stored) => {
      documents.on(QueryCommand).resolves({ Items: [stored.deliveredItem] });
      documents.on(TransactWriteCommand).resolves({});
      await expectStatus(call({ claims: customer, body: newReturn }), 201);
    }],
    ['naming the order: one Query of the order, one transaction', async (call, stored) => {
      documents.on(QueryCommand).resolves({ Items: [stored.deliveredItem, stored.orderItems[1]!] });
      documents.on(TransactWriteCommand).resolves({});
      await expectStatus(call({ claims: customer, body: { ...newReturn, orderId: 'order-1' } }), 201);
    }],
    ['an item parcelled before slots were kept: its parcel is read for the slot', async (call, stored) => {
      const { parcelSlot: _slot, ...withoutSlot } = stored.deliveredItem;
      documents.on(QueryCommand).resolves({ Items: [withoutSlot] });
      documents.on(GetCommand).resolves({ Item: stored.parcel });
      documents.on(TransactWriteCommand).resolves({});
      await expectStatus(call({ claims: customer, body: newReturn }), 201);
    }],
    ['a replayed Idempotency-Key: the claim answers, the return is read', async (call, stored) => {
      documents.on(PutCommand).rejects(conditionFailed(stored.returnClaim));
      documents.on(GetCommand).resolves({ Item: stored.ret });
      const replay = await call({ claims: customer, body: newReturn, headers: { 'idempotency-key': 'return-key-1' } });
      expect(replay.statusCode).toBe(201);
      expect(replay.headers?.['idempotent-replayed']).toBe('true');
    }],
  ],
  'GET /returns': [
    ...(
      [
        ['a seller', seller, {}],
        ['a customer', customer, { status: 'requested' }],
        ['a delivery person', claims('delivery', 'd-1'), {}],
        ['the admin queue of one status', admin, { status: 'requested' }],
        ['an admin, everything', admin, {}],
      ] as const
    ).map(([name, who, query]): Scenario => [name, async (call, stored) => {
      documents.on(QueryCommand).resolves({ Items: [stored.ret] });
      await expectStatus(call({ claims: who, query }), 200);
    }]),
  ],
  'GET /returns/{returnId}': [
    ['one consistent read', async (call, stored) => {
      documents.on(GetCommand).resolves({ Item: stored.ret });
      await expectStatus(call({ claims: customer, params: { returnId: String(stored.ret.id) } }), 200);
    }],
  ],
  ...Object.fromEntries(
    (
      [
        ['approve', 'requested', {}],
        ['decline', 'requested', { reason: 'Worn' }],
        ['pickup', 'approved', {}],
        ['receive', 'approved', {}],
      ] as const
    ).map(([change, status, body]) => [
      `POST /returns/{returnId}/${change}`,
      [[`read the return, one transaction (return, item, parcel copy)`, async (call: Call, stored: StoredRecords) => {
        documents.on(GetCommand).resolves({ Item: { ...stored.ret, status } });
        documents.on(TransactWriteCommand).resolves({});
        await expectStatus(call({ claims: admin, params: { returnId: String(stored.ret.id) }, body }), 200);
      }]] satisfies Scenario[],
    ]),
  ),
  'POST /returns/{returnId}/assign': [
    ['return and delivery person in one batch, one update of the return (its status stays)', async (call, stored) => {
      documents.on(BatchGetCommand).resolves({ Responses: { [process.env.TABLE_NAME!]: [{ ...stored.ret, status: 'approved' }, stored.deliveryPerson] } });
      documents.on(UpdateCommand).resolves({});
      await expectStatus(call({ claims: admin, params: { returnId: String(stored.ret.id) }, body: { deliveryPersonId: 'd-1' } }), 200);
    }],
  ],
  'PUT /sellers/{sellerId}': [
    ['creates', async (call) => {
      documents.on(PutCommand).resolves({});
      await expectStatus(call({ claims: admin, params: { sellerId: 's-1' }, body: { name: 'N', storeName: 'S', address } }), 201);
    }],
    ['replaces', async (call, stored) => {
      documents.on(PutCommand).resolves({ Attributes: stored.seller });
      await expectStatus(call({ claims: admin, params: { sellerId: 's-1' }, body: { name: 'N', storeName: 'S', address } }), 200);
    }],
  ],
  'GET /sellers/{sellerId}': [
    ['one read', async (call, stored) => {
      documents.on(GetCommand).resolves({ Item: stored.seller });
      await expectStatus(call({ claims: seller, params: { sellerId: 's-1' } }), 200);
    }],
  ],
  'POST /delivery-persons': [
    ['creates with one conditional put', async (call) => {
      documents.on(PutCommand).resolves({});
      await expectStatus(call({ claims: admin, body: { name: 'D', phone: address.phone } }), 201);
    }],
    ['an existing id: the put fails, 409', async (call) => {
      documents.on(PutCommand).rejects(conditionFailed());
      await expectStatus(call({ claims: admin, body: { id: 'd-1', name: 'D', phone: address.phone } }), 409);
    }],
  ],
  'GET /delivery-persons': [
    ['one query of the list', async (call, stored) => {
      documents.on(QueryCommand).resolves({ Items: [stored.deliveryPerson] });
      await expectStatus(call({ claims: seller }), 200);
    }],
  ],
};

/**
 * Runs `run` on a fresh recording client; answers the IAM actions of every command it sent, and
 * each Query also as `Query@<table or index>` (where it went).
 */
async function actionsSentBy(run: () => Promise<void>): Promise<string[]> {
  documents.reset();
  await run();
  return documents.calls().flatMap((call) => {
    const command = call.args[0];
    const target = command instanceof QueryCommand ? [`Query@${command.input.IndexName ?? 'table'}`] : [];
    return [...iamActionsOf(command), ...target];
  });
}

/** A declaration as `actionsSentBy` reports: its actions, and `Query@…` for each place its Queries may go. */
const declaredActions = (access: RouteAccess) => [...(access.table ?? []), ...(access.queries ?? []).map((target) => `Query@${target}`)].sort();

describe('each route declares exactly the DynamoDB actions its handler sends', () => {
  let stored: StoredRecords;
  beforeAll(async () => {
    stored = await captureStoredRecords();
  });

  it('has scenarios for every route of the table and for no other', () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual(routes.map(routeKey).sort());
  });

  it.each(routes.map((route) => [routeKey(route), route] as const))('%s', async (key, route) => {
    const scenarios = SCENARIOS[key] ?? [];
    expect(scenarios.length, `${key} has no scenario in route-grants.test.ts`).toBeGreaterThan(0);
    const call = caller(key, (await handlerModule(route.handler)).handler);
    const sent = new Set<string>();
    for (const [name, run] of scenarios) {
      const actions = await actionsSentBy(() => run(call, stored)).catch((error: unknown) => {
        throw new Error(`${key} — ${name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      });
      for (const action of actions) sent.add(action);
    }
    expect([...sent].sort()).toEqual(declaredActions(route.access));
  });

  it('the not-found fallback touches nothing', async () => {
    const call = caller('GET /nowhere', (await handlerModule(FALLBACK_HANDLER)).handler);
    const actions = await actionsSentBy(async () => expectStatus(call({}), 404));
    expect(actions).toEqual([]);
  });
});

describe('each scheduled job declares exactly the DynamoDB actions its handler sends', () => {
  let stored: StoredRecords;
  beforeAll(async () => {
    stored = await captureStoredRecords();
  });

  const runSync = async () => (await handlerModule('jobs/sync-courier-tracking')).handler({}, { getRemainingTimeInMillis: () => 100_000 });

  it('sync-courier-tracking: reads its cursor, queries the live shipments, writes the changed ones and its cursor', async () => {
    const job = jobs.find((entry) => entry.name === 'sync-courier-tracking')!;
    const sent = new Set<string>();
    const scenarios: (() => Promise<void>)[] = [
      // A shipment that moves (one transaction with its items) and one whose details only change (one update).
      async () => {
        documents.on(GetCommand).resolves({});
        documents.on(QueryCommand).resolvesOnce({ Items: [withLiveCourier({ ...stored.parcel, status: 'processed' })] }).resolves({ Items: [] });
        documents.on(TransactWriteCommand).resolves({});
        documents.on(PutCommand).resolves({});
        await runSync();
      },
      async () => {
        documents.on(GetCommand).resolves({ Item: { cursor: { segment: 1 } } });
        documents.on(QueryCommand).resolvesOnce({ Items: [withLiveCourier({ ...stored.parcel, status: 'shipped' })] }).resolves({ Items: [] });
        documents.on(UpdateCommand).resolves({});
        documents.on(PutCommand).resolves({});
        await runSync();
      },
    ];
    for (const scenario of scenarios) for (const action of await actionsSentBy(scenario)) sent.add(action);
    expect([...sent].sort()).toEqual(declaredActions(job.access));
  });
});
