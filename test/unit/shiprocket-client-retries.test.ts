import { describe, expect, it } from 'vitest';
import type { CourierOrderInput } from '../../functions/courier/shiprocket-api.ts';
import { BACKOFF_BASE_MS, MAX_ATTEMPTS } from '../../functions/courier/shiprocket-http.ts';
import { withDeadline } from '../../functions/time-budget.ts';
import { FakeShiprocket, FastSleep, MemoryTokenStore, fakeClient, hang, json } from './shiprocket-client-fakes.ts';

const tracked = { tracking_data: { track_status: 0, error: 'No activities found' } };
const address = { name: 'Meera Iyer', phone: '9876500001', line1: '4 Lake Road', city: 'Chennai', state: 'Tamil Nadu', postalCode: '600001', country: 'India' };
const order: CourierOrderInput = {
  channelOrderId: 'P-RETRY-1',
  orderDate: '2026-11-26T08:35:00Z',
  pickupLocation: 'Aurora Warehouse',
  billing: address,
  shipping: address,
  items: [{ name: 'Mug', sku: 'MUG-1', units: 1, sellingPrice: 250, tax: 18, hsn: null }],
  paymentMethod: 'Prepaid',
  subTotal: 250,
  lengthCm: 10,
  breadthCm: 10,
  heightCm: 10,
  weightKg: 0.5,
};
const created = { order_id: 900001, shipment_id: 800001, status: 'NEW', status_code: 1, awb_code: '', courier_company_id: '', courier_name: '' };

/** Answers the given responses in turn, then the last one again and again. */
function inTurn(...answers: (() => Response | Promise<Response>)[]) {
  let call = 0;
  return () => answers[Math.min(call++, answers.length - 1)]!();
}

const connectionRefused = () => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) }));
const connectionReset = () => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) }));

describe('retries', () => {
  it('429 with Retry-After: waits as told, then succeeds', async () => {
    const fake = new FakeShiprocket().on('GET /courier/track/awb/*', inTurn(() => json({ message: 'Too Many Attempts.' }, 429, { 'retry-after': '2' }), () => json(tracked)));
    const sleeper = new FastSleep();
    await expect(fakeClient(fake, new MemoryTokenStore(), { sleeper }).trackAwb('A1')).resolves.toMatchObject({ found: false });
    expect(sleeper.waits).toEqual([2_000]);
  });

  it('429 without Retry-After: exponential backoff with full jitter, then succeeds', async () => {
    const fake = new FakeShiprocket().on('GET /courier/track/awb/*', inTurn(() => json({}, 429), () => json({}, 429), () => json(tracked)));
    const sleeper = new FastSleep();
    await fakeClient(fake, new MemoryTokenStore(), { sleeper, random: () => 0.75 }).trackAwb('A1');
    expect(sleeper.waits).toEqual([0.75 * BACKOFF_BASE_MS, 0.75 * BACKOFF_BASE_MS * 2]);
  });

  it('a Retry-After longer than the request can wait: unavailable at once', async () => {
    const fake = new FakeShiprocket().on('GET /courier/track/awb/*', () => json({ message: 'Too Many Attempts.' }, 429, { 'retry-after': '60' }));
    const sleeper = new FastSleep();
    await expect(fakeClient(fake, new MemoryTokenStore(), { sleeper }).trackAwb('A1')).rejects.toMatchObject({ failure: 'unavailable', httpStatus: 429, message: expect.stringContaining('wait 60 s') });
    expect(sleeper.waits).toEqual([]);
  });

  it('a permanent 500: unavailable after 3 attempts', async () => {
    const fake = new FakeShiprocket().on('POST /orders/cancel', () => json({ message: 'Trying to get property of non-object', status_code: 500 }, 500));
    await expect(fakeClient(fake, new MemoryTokenStore()).cancelOrder('900001')).rejects.toMatchObject({
      failure: 'unavailable',
      httpStatus: 500,
      message: expect.stringContaining('after 3 attempts: 500: Trying to get property of non-object'),
    });
    expect(fake.requestsTo('POST /orders/cancel')).toHaveLength(MAX_ATTEMPTS);
  });

  it('an answer that never comes: each attempt times out, unavailable after 3', async () => {
    const fake = new FakeShiprocket().on('GET /courier/track/awb/*', hang);
    await expect(fakeClient(fake, new MemoryTokenStore(), { perCallTimeoutMs: 30 }).trackAwb('A1')).rejects.toMatchObject({
      failure: 'unavailable',
      httpStatus: undefined,
      message: expect.stringContaining('per-call timeout'),
    });
    expect(fake.requestsTo('GET /courier/track/awb/A1')).toHaveLength(3);
  });

  it('never past the request’s deadline: a hanging call fails when the deadline comes, without further attempts', async () => {
    const fake = new FakeShiprocket().on('GET /courier/track/awb/*', () => json(tracked));
    const client = fakeClient(fake, new MemoryTokenStore());
    await client.trackAwb('warm-up');
    fake.on('GET /courier/track/awb/*', hang);
    const started = Date.now();
    await expect(withDeadline(1_000, () => client.trackAwb('A1'))).rejects.toMatchObject({ failure: 'unavailable', message: expect.stringContaining("request's time ran out") });
    expect(Date.now() - started).toBeLessThan(900);
    expect(fake.requestsTo('GET /courier/track/awb/A1')).toHaveLength(1);
  });

  it('network errors are retried', async () => {
    const fake = new FakeShiprocket().on('GET /courier/track/awb/*', inTurn(connectionReset, () => json(tracked)));
    await expect(fakeClient(fake, new MemoryTokenStore()).trackAwb('A1')).resolves.toMatchObject({ found: false });
  });

  it('an answer that is not JSON: unavailable', async () => {
    const fake = new FakeShiprocket().on('GET /courier/track/awb/*', () => new Response('<html>oops</html>', { status: 200 }));
    await expect(fakeClient(fake, new MemoryTokenStore()).trackAwb('A1')).rejects.toMatchObject({ failure: 'unavailable', httpStatus: 200 });
  });

  it('a 502 gateway page (not JSON): retried like any 5xx', async () => {
    const fake = new FakeShiprocket().on('GET /courier/track/awb/*', inTurn(() => new Response('<html>Bad Gateway</html>', { status: 502 }), () => json(tracked)));
    await expect(fakeClient(fake, new MemoryTokenStore()).trackAwb('A1')).resolves.toMatchObject({ found: false });
  });
});

describe('creating an order is never repeated when it may have been made', () => {
  it('a 500: one attempt, unavailable, saying the order may exist', async () => {
    const fake = new FakeShiprocket().on('POST /orders/create/adhoc', () => json({ message: 'Server Error' }, 500));
    await expect(fakeClient(fake, new MemoryTokenStore()).createOrder(order)).rejects.toMatchObject({ failure: 'unavailable', message: expect.stringContaining('may or may not have been created') });
    expect(fake.requestsTo('POST /orders/create/adhoc')).toHaveLength(1);
  });

  it('no answer in time: one attempt', async () => {
    const fake = new FakeShiprocket().on('POST /orders/create/adhoc', hang);
    await expect(fakeClient(fake, new MemoryTokenStore(), { perCallTimeoutMs: 30 }).createOrder(order)).rejects.toMatchObject({ failure: 'unavailable' });
    expect(fake.requestsTo('POST /orders/create/adhoc')).toHaveLength(1);
  });

  it('429 and a refused connection (nothing was made): repeated, then created once', async () => {
    const fake = new FakeShiprocket().on('POST /orders/create/adhoc', inTurn(() => json({}, 429), connectionRefused, () => json(created)));
    await expect(fakeClient(fake, new MemoryTokenStore()).createOrder(order)).resolves.toMatchObject({ orderId: '900001', shipmentId: '800001' });
    expect(fake.requestsTo('POST /orders/create/adhoc')).toHaveLength(3);
  });

  it('401 (nothing was made): one re-login and one repeat', async () => {
    const fake = new FakeShiprocket().on('POST /orders/create/adhoc', () => json(created));
    const store = new MemoryTokenStore();
    const client = fakeClient(fake, store);
    await client.trackAwb('x').catch(() => undefined);
    fake.revokeTokens();
    await expect(client.createOrder(order)).resolves.toMatchObject({ orderId: '900001' });
    expect(fake.requestsTo('POST /orders/create/adhoc').map((request) => request.token)).toEqual(['token-1', 'token-2']);
  });
});

describe('AWB and pickup after an attempt with unknown outcome', () => {
  it('a refusal of the repeat ("AWB is already assigned") may be the first attempt’s success: unavailable, not rejected', async () => {
    const fake = new FakeShiprocket().on(
      'POST /courier/assign/awb',
      inTurn(
        () => json({ message: 'Server Error' }, 504),
        () => json({ message: 'Oops! Cannot reassign courier for this shipment.', status_code: 400 }, 400),
      ),
    );
    await expect(fakeClient(fake, new MemoryTokenStore()).assignAwb('800001')).rejects.toMatchObject({
      failure: 'unavailable',
      message: expect.stringContaining('may have succeeded'),
    });
  });

  it('a first refusal is a refusal', async () => {
    const fake = new FakeShiprocket().on('POST /courier/assign/awb', () => json({ message: 'Oops! Cannot reassign courier for this shipment.', status_code: 400 }, 400));
    await expect(fakeClient(fake, new MemoryTokenStore()).assignAwb('800001')).rejects.toMatchObject({ failure: 'rejected', httpStatus: 400, message: 'Oops! Cannot reassign courier for this shipment.' });
  });
});
