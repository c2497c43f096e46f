import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signLocalToken } from '../local/local-tokens.ts';
import { startLocalRuntime } from '../local/runtime.ts';
import { freePort } from '../test/support/free-port.ts';

export interface RoundTripRow {
  route: string;
  roundTrips: number;
  commands: string;
  target: string;
  ok: boolean;
  medianMs: number;
}


const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * Calls every route over HTTP against DynamoDB Local and counts the DynamoDB requests each one
 * makes, with a middleware on the handlers' own SDK client (counted, not guessed).
 */
export async function measureRoundTrips(repeats = 15): Promise<RoundTripRow[]> {
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  process.env.TABLE_NAME = 'bench';
  const s3Directory = mkdtempSync(join(tmpdir(), 'bench-s3-'));
  const runtime = await startLocalRuntime({ apiPort: await freePort(), dynamoPort: await freePort(), s3Port: await freePort(), s3Directory });
  const { documentClient } = await import('../functions/storage/dynamo-client.ts');
  const { objectStoreClient } = await import('../functions/storage/object-store.ts');
  let sent: string[] = [];
  for (const [client, prefix] of [[documentClient(), ''], [objectStoreClient(), 'S3:']] as const) {
    (client.middlewareStack as { add: (middleware: unknown, options: unknown) => void }).add(
      (next: (args: unknown) => unknown, context: { commandName?: string }) => async (args: unknown) => {
        sent.push(`${prefix}${context.commandName ?? 'unknown'}`);
        return next(args);
      },
      // Counted where a request really goes out: presigning a link builds one but never sends it.
      { step: 'finalizeRequest', name: 'countRoundTrips' },
    );
  }

  const tokens = {
    system: await signLocalToken('system', 'storefront'),
    admin: await signLocalToken('admin', 'admin-1'),
    seller: await signLocalToken('seller', 'bench-seller'),
    customer: await signLocalToken('customer', 'bench-customer'),
    delivery: await signLocalToken('delivery', 'bench-dp'),
  };
  const rows: RoundTripRow[] = [];
  let sequence = 0;
  const request = async (role: keyof typeof tokens, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${runtime.apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens[role]}`, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status >= 400) throw new Error(`${method} ${path} → ${response.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  const address = { name: 'A', phone: '+91 98450 12345', line1: 'L', city: 'Bengaluru', state: 'KA', postalCode: '560001', country: 'India' };
  const newOrder = (items: number) => ({
    id: `bench-order-${++sequence}`,
    customerId: 'bench-customer',
    paymentMethod: 'prepaid',
    shippingAddress: address,
    items: Array.from({ length: items }, (_, i) => ({ sellerId: 'bench-seller', productName: 'P', sku: `S${i}`, quantity: 1, unitPrice: 100, taxPercent: 5 })),
  });

  /** Runs `call` `repeats` times; every run must send the same DynamoDB requests. */
  async function measure(route: string, target: string, expected: (commands: string[]) => boolean, call: () => Promise<unknown>) {
    const times: number[] = [];
    let commands: string[] = [];
    for (let i = 0; i < repeats; i++) {
      sent = [];
      const started = performance.now();
      await call();
      times.push(performance.now() - started);
      if (i > 0 && sent.join() !== commands.join()) throw new Error(`${route}: round trips vary (${commands} vs ${sent})`);
      commands = sent;
    }
    rows.push({ route, roundTrips: commands.length, commands: commands.map((c) => c.replace('Command', '')).join(' + '), target, ok: expected(commands), medianMs: median(times) });
  }
  const only = (...names: string[]) => (commands: string[]) => commands.join() === names.join();

  /** Returns: items of one locally delivered parcel, each asked for, then decided, collected and received. */
  async function measureReturns() {
    const delivered = await request('system', 'POST', '/orders', newOrder(repeats * 2));
    const itemIds: string[] = delivered.items.map((item: { id: string }) => item.id);
    const parcel = await request('seller', 'POST', '/parcels', { orderId: delivered.id, itemIds });
    await request('seller', 'POST', `/parcels/${parcel.id}/status`, { status: 'shipped', deliveryPersonId: 'bench-dp' });
    await request('seller', 'POST', `/parcels/${parcel.id}/status`, { status: 'delivered' });
    const toDecide: string[] = [];
    const toDecline: string[] = [];
    const change = '1 read + 1 transaction (return, item, parcel copy)';
    let next = 0;
    await measure('POST /returns (by item id)', '1 Query + 1 transaction', only('QueryCommand', 'TransactWriteItemsCommand'), async () =>
      toDecide.push((await request('customer', 'POST', '/returns', { orderItemId: itemIds[next++], reason: 'Too small' })).id),
    );
    await measure('POST /returns (with orderId)', '1 Query + 1 transaction', only('QueryCommand', 'TransactWriteItemsCommand'), async () =>
      toDecline.push((await request('customer', 'POST', '/returns', { orderItemId: itemIds[next++], orderId: delivered.id, reason: 'Too small' })).id),
    );
    await measure('GET /returns (customer)', '1 Query', only('QueryCommand'), () => request('customer', 'GET', '/returns'));
    await measure('GET /returns?status=requested (admin queue)', '1 Query', only('QueryCommand'), () => request('admin', 'GET', '/returns?status=requested'));
    await measure('GET /returns/{returnId}', '1 read', only('GetItemCommand'), () => request('seller', 'GET', `/returns/${toDecide[0]}`));
    let index = 0;
    await measure('POST /returns/{id}/approve', change, only('GetItemCommand', 'TransactWriteItemsCommand'), () =>
      request('admin', 'POST', `/returns/${toDecide[index++]}/approve`, {}),
    );
    index = 0;
    await measure('POST /returns/{id}/decline', change, only('GetItemCommand', 'TransactWriteItemsCommand'), () =>
      request('admin', 'POST', `/returns/${toDecline[index++]}/decline`, { reason: 'Worn' }),
    );
    index = 0;
    await measure('POST /returns/{id}/assign', '1 batch read + 1 write', only('BatchGetItemCommand', 'UpdateItemCommand'), () =>
      request('admin', 'POST', `/returns/${toDecide[index++]}/assign`, { deliveryPersonId: 'bench-dp' }),
    );
    await measure('GET /returns (delivery person)', '1 Query', only('QueryCommand'), () => request('delivery', 'GET', '/returns'));
    index = 0;
    await measure('POST /returns/{id}/pickup (delivery person)', change, only('GetItemCommand', 'TransactWriteItemsCommand'), () =>
      request('delivery', 'POST', `/returns/${toDecide[index++]}/pickup`, {}),
    );
    index = 0;
    await measure('POST /returns/{id}/receive', change, only('GetItemCommand', 'TransactWriteItemsCommand'), () =>
      request('admin', 'POST', `/returns/${toDecide[index++]}/receive`, {}),
    );
  }

  try {
    await request('admin', 'POST', '/delivery-persons', { id: 'bench-dp', name: 'D', phone: '+91 90000 11111' });
    await measure('POST /orders (1 item)', '1 write', only('PutItemCommand'), () => request('system', 'POST', '/orders', newOrder(1)));
    await measure('POST /orders (10 items)', '1 transaction', only('TransactWriteItemsCommand'), () => request('system', 'POST', '/orders', newOrder(10)));
    const retried = newOrder(3);
    await request('system', 'POST', '/orders', retried);
    await measure('POST /orders (retry, same id and body)', '1 write + 1 read', only('TransactWriteItemsCommand', 'QueryCommand'), () => request('system', 'POST', '/orders', retried));
    const order = await request('system', 'POST', '/orders', newOrder(100));
    await measure('GET /orders/{orderId}', '1', only('QueryCommand'), () => request('customer', 'GET', `/orders/${order.id}`));
    await measure('GET /order-items', '1', only('QueryCommand'), () => request('seller', 'GET', '/order-items?limit=50'));
    await measure('GET /order-items?unparcelled=true', '1', only('QueryCommand'), () => request('seller', 'GET', '/order-items?unparcelled=true'));
    const itemIds: string[] = order.items.map((item: { id: string }) => item.id);
    let next = 0;
    await measure('POST /parcels (3 items)', '1 transaction + ≤1 read', only('QueryCommand', 'TransactWriteItemsCommand'), () =>
      request('seller', 'POST', '/parcels', { orderId: order.id, itemIds: itemIds.slice(next, (next += 3)) }),
    );
    let keyed = 0;
    await measure('POST /parcels (Idempotency-Key, first call)', 'key claim + 1 read + 1 transaction', only('PutItemCommand', 'QueryCommand', 'TransactWriteItemsCommand'), () =>
      request('seller', 'POST', '/parcels', { orderId: order.id, itemIds: itemIds.slice(next, (next += 1)) }, { 'idempotency-key': `bench-key-${++keyed}` }),
    );
    const replayed = { orderId: order.id, itemIds: itemIds.slice(next, (next += 1)) };
    await request('seller', 'POST', '/parcels', replayed, { 'idempotency-key': 'bench-replay' });
    await measure('POST /parcels (Idempotency-Key, replay)', 'key claim answers + 1 read', only('PutItemCommand', 'GetItemCommand'), () =>
      request('seller', 'POST', '/parcels', replayed, { 'idempotency-key': 'bench-replay' }),
    );
    const parcels = (await request('seller', 'GET', '/parcels?limit=100')).items as { id: string }[];
    const uninvoiced = [...parcels];
    await measure(
      'GET /parcels/{id}/invoice (first call)',
      'parcel + order + seller/sequence reads, 1 transaction, 1 S3 put, 1 update',
      only('GetItemCommand', 'QueryCommand', 'BatchGetItemCommand', 'TransactWriteItemsCommand', 'S3:PutObjectCommand', 'UpdateItemCommand'),
      () => request('seller', 'GET', `/parcels/${uninvoiced.pop()!.id}/invoice`),
    );
    await request('seller', 'GET', `/parcels/${parcels[0]!.id}/invoice`);
    await measure('GET /parcels/{id}/invoice (repeat)', '1 read, 0 S3 (link signed locally)', only('GetItemCommand'), () =>
      request('seller', 'GET', `/parcels/${parcels[0]!.id}/invoice`),
    );
    await measure('GET /parcels', '1 Query', only('QueryCommand'), () => request('seller', 'GET', '/parcels'));
    await measure('GET /parcels/{parcelId}', '1 read', only('GetItemCommand'), () => request('seller', 'GET', `/parcels/${parcels[0]!.id}`));
    let index = 0;
    await measure('POST /parcels/{id}/status', '1 read + 1 transaction', only('GetItemCommand', 'TransactWriteItemsCommand'), () =>
      request('seller', 'POST', `/parcels/${parcels[index++]!.id}/status`, { status: 'processed' }),
    );
    index = 0;
    await measure('POST /parcels/{id}/status (+delivery person)', '1 read + 1 transaction', only('BatchGetItemCommand', 'TransactWriteItemsCommand'), () =>
      request('seller', 'POST', `/parcels/${parcels[index++]!.id}/status`, { status: 'shipped', deliveryPersonId: 'bench-dp' }),
    );
    const deletable: { id: string }[] = [];
    for (let i = 0; i < repeats; i++) deletable.push(await request('seller', 'POST', '/parcels', { orderId: order.id, itemIds: itemIds.slice(next, (next += 1)) }));
    await measure('DELETE /parcels/{parcelId}', '1 read + 1 transaction', only('GetItemCommand', 'TransactWriteItemsCommand'), () =>
      request('seller', 'DELETE', `/parcels/${deletable.pop()!.id}`),
    );
    await measure('PUT /sellers/{sellerId}', '1 write', only('PutItemCommand'), () =>
      request('admin', 'PUT', '/sellers/bench-seller', { name: 'S', storeName: 'S', address }),
    );
    await measure('GET /sellers/{sellerId}', '1', only('GetItemCommand'), () => request('seller', 'GET', '/sellers/bench-seller'));
    await measure('GET /delivery-persons', '1', only('QueryCommand'), () => request('seller', 'GET', '/delivery-persons'));
    await measureReturns();
    await measure('GET /health', '0', only(), () => fetch(`${runtime.apiUrl}/health`).then((r) => r.text()));
  } finally {
    await runtime.stop();
    rmSync(s3Directory, { recursive: true, force: true });
  }
  return rows;
}
