import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_BOUND_MS } from '../../../functions/time-budget.ts';
import { signLocalToken } from '../../../local/local-tokens.ts';
import { startLocalRuntime, type LocalRuntime } from '../../../local/runtime.ts';
import { freePort } from '../../support/free-port.ts';

/**
 * A runtime of its own: pausing the shared DynamoDB Local would stall every other test file.
 * The database process is frozen with SIGSTOP (a stalled server: connections accepted, no answer).
 */
let runtime: LocalRuntime;
beforeAll(async () => {
  runtime = await startLocalRuntime({ apiPort: await freePort(), dynamoPort: await freePort() });
}, 60_000);
afterAll(async () => {
  process.kill(runtime.dynamoPid, 'SIGCONT');
  await runtime.stop();
});

async function send(method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${runtime.apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

describe('a stalled DynamoDB', () => {
  it(`answers POST /parcels with 503 within the ${REQUEST_BOUND_MS / 1000} s bound, and a retry with the same Idempotency-Key gets one parcel`, async () => {
    const seller = await signLocalToken('seller', 'stall-seller');
    const system = await signLocalToken('system', 'storefront');
    const order = await send('POST', '/orders', system, {
      customerId: 'stall-customer',
      paymentMethod: 'prepaid',
      shippingAddress: { name: 'A', phone: '+91 98450 12345', line1: 'L', city: 'Bengaluru', state: 'Karnataka', postalCode: '560001', country: 'India' },
      items: [{ sellerId: 'stall-seller', productName: 'P', sku: 'S', quantity: 1, unitPrice: 100, taxPercent: 5 }],
    });
    expect(order.status).toBe(201);
    const body = { orderId: order.body.id, itemIds: [order.body.items[0].id] };
    const key = randomUUID();

    process.kill(runtime.dynamoPid, 'SIGSTOP');
    const started = performance.now();
    const stalled = await send('POST', '/parcels', seller, body, { 'idempotency-key': key });
    const elapsed = performance.now() - started;
    process.kill(runtime.dynamoPid, 'SIGCONT');

    expect(stalled.status).toBe(503);
    expect(['UNAVAILABLE', 'OUTCOME_UNKNOWN']).toContain(stalled.body.error.code);
    expect(elapsed).toBeLessThan(REQUEST_BOUND_MS + 1_000);

    // Whatever the frozen database did with the requests it had already received, the retry
    // finishes the same create: one parcel, answered as 201, never "already in a parcel".
    const retried = await send('POST', '/parcels', seller, body, { 'idempotency-key': key });
    expect(retried.status, JSON.stringify(retried.body)).toBe(201);
    const again = await send('POST', '/parcels', seller, body, { 'idempotency-key': key });
    expect([again.status, again.body.id, again.headers.get('idempotent-replayed')]).toEqual([201, retried.body.id, 'true']);
    const listed = await send('GET', '/parcels', seller);
    expect(listed.body.items.map((parcel: { id: string }) => parcel.id)).toEqual([retried.body.id]);
  }, 40_000);
});
