import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';

export interface CpuRow {
  route: string;
  cpuMicros: number;
  wallMicros: number;
}

const context = { awsRequestId: 'bench', functionName: 'bench', getRemainingTimeInMillis: () => 3000 } as unknown as Context;

function event(routeKey: string, role: string, sub: string, extra: { body?: unknown; params?: Record<string, string>; query?: Record<string, string> } = {}) {
  return {
    version: '2.0',
    routeKey,
    rawPath: '/',
    headers: {},
    body: extra.body === undefined ? undefined : JSON.stringify(extra.body),
    isBase64Encoded: false,
    pathParameters: extra.params,
    queryStringParameters: extra.query,
    requestContext: { requestId: 'bench', routeKey, authorizer: { jwt: { claims: { sub, role }, scopes: [] } } },
  } as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;
}

const itemRecord = (i: number) => ({
  pk: 'ORDER#o-1', sk: `ITEM#${String(i).padStart(3, '0')}`, kind: 'ITEM', id: `i-${i}`, orderId: 'o-1', sellerId: 's-1', customerId: 'c-1',
  productName: 'Handloom cotton saree', sku: `SKU-${i}`, variant: null, quantity: 1, unitPrice: 149900, taxPercent: 5, hsn: '5208', returnable: true,
  returnWindowDays: 7, status: 'received', returnStatus: null, placedAt: '2026-11-26T10:00:00.000Z', deliveredAt: null,
  order: { paymentMethod: 'prepaid', currency: 'INR', shippingAddress: { name: 'A', phone: '1', line1: 'L', city: 'C', state: 'S', postalCode: '560001', country: 'IN' } },
  requestHash: 'h', bySellerPk: 'SELLER#s-1#ITEM', bySellerSk: `x#${i}`, byKindPk: 'ITEM', byKindSk: `x#${i}`,
});
const parcelRecord = {
  pk: 'PARCEL#p-1', sk: 'PARCEL', kind: 'PARCEL', id: 'p-1', parcelId: 'p-1', orderId: 'o-1', sellerId: 's-1', customerId: 'c-1', status: 'received',
  shippingMethod: null, deliveryPersonId: null, courier: null, invoiceNumber: null, createdAt: 't', updatedAt: 't', deliveredAt: null, version: 1,
  events: [{ at: 't', status: 'received', source: 'seller', actor: 's-1', note: null }],
  items: Array.from({ length: 10 }, (_, i) => itemRecord(i)),
};

/** CPU time our code spends per request when DynamoDB answers instantly (the SDK is mocked). */
export async function measureHandlerCpu(iterations = 400): Promise<CpuRow[]> {
  process.env.TABLE_NAME = 'bench';
  process.env.AWS_REGION = 'ap-south-1';
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  // The handlers' document client is mocked; records are cloned per call as the SDK would unmarshall them.
  const dynamo = mockClient(DynamoDBDocumentClient);
  dynamo.on(QueryCommand).callsFake(() => ({ Items: Array.from({ length: 20 }, (_, i) => itemRecord(i)) }));
  dynamo.on(GetCommand).callsFake(() => ({ Item: structuredClone(parcelRecord) }));
  dynamo.on(BatchGetCommand).callsFake(() => ({ Responses: { bench: [structuredClone(parcelRecord)] } }));
  dynamo.on(PutCommand).resolves({});
  dynamo.on(TransactWriteCommand).resolves({});

  const load = async (name: string) => ((await import(`../functions/handlers/${name}.ts`)) as { handler: (e: unknown, c: Context) => Promise<{ statusCode?: number }> }).handler;
  const address = { name: 'A', phone: '+91 98450 12345', line1: 'L', city: 'Bengaluru', state: 'KA', postalCode: '560001', country: 'India' };
  const orderBody = {
    customerId: 'c-1', paymentMethod: 'prepaid', shippingAddress: address,
    items: Array.from({ length: 10 }, (_, i) => ({ sellerId: 's-1', productName: 'P', sku: `S${i}`, quantity: 1, unitPrice: 100, taxPercent: 5 })),
  };
  const cases: [string, string, APIGatewayProxyEventV2WithJWTAuthorizer][] = [
    ['POST /orders (10 items)', 'orders/create-order', event('POST /orders', 'system', 'sf', { body: orderBody })],
    ['GET /orders/{orderId}', 'orders/get-order', event('GET /orders/{orderId}', 'admin', 'a', { params: { orderId: 'o-1' } })],
    ['GET /order-items', 'order-items/list-order-items', event('GET /order-items', 'seller', 's-1', { query: { limit: '20' } })],
    ['POST /parcels (3 items)', 'parcels/create-parcel', event('POST /parcels', 'seller', 's-1', { body: { orderId: 'o-1', itemIds: ['i-1', 'i-2', 'i-3'] } })],
    ['GET /parcels/{parcelId}', 'parcels/get-parcel', event('GET /parcels/{parcelId}', 'seller', 's-1', { params: { parcelId: 'p-1' } })],
    ['POST /parcels/{id}/status', 'parcels/update-parcel-status', event('POST /parcels/{parcelId}/status', 'seller', 's-1', { params: { parcelId: 'p-1' }, body: { status: 'processed' } })],
    ['DELETE /parcels/{parcelId}', 'parcels/delete-parcel', event('DELETE /parcels/{parcelId}', 'seller', 's-1', { params: { parcelId: 'p-1' } })],
  ];
  const rows: CpuRow[] = [];
  try {
    for (const [route, module, input] of cases) {
      const handler = await load(module);
      for (let i = 0; i < 50; i++) await handler(structuredClone(input), context);
      const result = await handler(structuredClone(input), context);
      if ((result.statusCode ?? 500) >= 400) throw new Error(`${route} answered ${result.statusCode}`);
      const cpuBefore = process.cpuUsage();
      const wallBefore = performance.now();
      for (let i = 0; i < iterations; i++) await handler(structuredClone(input), context);
      const cpu = process.cpuUsage(cpuBefore);
      rows.push({ route, cpuMicros: (cpu.user + cpu.system) / iterations, wallMicros: ((performance.now() - wallBefore) * 1000) / iterations });
    }
  } finally {
    dynamo.restore();
  }
  return rows;
}
