import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ShiprocketSimulator } from '../../local/shiprocket-simulator/simulator.ts';
import { anOrder, clientOf, send, testSimulator } from './shiprocket-simulator-support.ts';

/** The simulator's control endpoints (/__sim), its faults and its webhook push. */

let sim: ShiprocketSimulator;
let client: ReturnType<typeof clientOf>;
beforeAll(async () => ({ sim, client } = await testSimulator()));
afterAll(() => sim.close());
afterEach(() => sim.clearFaults());

/** A webhook receiver: records what arrives, answers `status`. */
async function receiver(status = 200) {
  const received: { headers: IncomingHttpHeaders; body: any; path: string }[] = [];
  const server: Server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      received.push({ headers: request.headers, body: JSON.parse(text), path: request.url ?? '' });
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/courier`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('POST /__sim/shipments/{awb}/status', () => {
  it('sets the status, records a scan and pushes the tracking webhook with x-api-key', async () => {
    const hook = await receiver();
    sim.setWebhook({ url: hook.url, token: 'test-hook-token' });
    try {
      const body = anOrder();
      const order = await client.shippableOrder(body);
      await client.api('POST', '/courier/generate/pickup', { shipment_id: [order.shipment_id] });
      await client.control('POST', `/shipments/${order.awb}/status`, { statusId: 42 });
      const answer = await client.control('POST', `/shipments/${order.awb}/status`, { statusId: 18 });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        awb: order.awb,
        shipmentId: order.shipment_id,
        orderId: order.order_id,
        channelOrderId: body.order_id,
        shipmentStatusId: 18,
        shipmentStatus: 'IN TRANSIT',
        currentStatusId: 20,
        currentStatus: 'IN TRANSIT',
        webhook: { sent: true, status: 200 },
      });
      expect(hook.received).toHaveLength(2);
      const { headers, body: payload, path } = hook.received[1]!;
      expect(path).toBe('/webhooks/courier');
      expect(headers['x-api-key']).toBe('test-hook-token');
      expect(headers['content-type']).toBe('application/json');
      expect(payload).toMatchObject({
        awb: order.awb,
        courier_name: expect.any(String),
        current_status: 'IN TRANSIT',
        current_status_id: 20,
        shipment_status: 'IN TRANSIT',
        shipment_status_id: 18,
        current_timestamp: expect.stringMatching(/^\d{2} \d{2} \d{4} \d{2}:\d{2}:\d{2}$/),
        order_id: body.order_id,
        sr_order_id: order.order_id,
        awb_assigned_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
        pickup_scheduled_date: expect.any(String),
        etd: expect.any(String),
        is_return: 0,
        channel_id: expect.any(Number),
      });
      // Scans oldest first, as pushed; "NA" for the courier's first record.
      expect(payload.scans.map((scan: Record<string, string>) => [scan['sr-status'], scan['sr-status-label']])).toEqual([
        ['NA', 'NA'],
        ['42', 'PICKED UP'],
        ['18', 'IN TRANSIT'],
      ]);
      expect(hook.received[0]!.body).toMatchObject({ shipment_status_id: 42, current_status_id: 51, current_status: 'PICKED UP' });
      expect(sim.webhookDeliveries().map((delivery) => [delivery.awb, delivery.status])).toEqual([
        [order.awb, 200],
        [order.awb, 200],
      ]);

      // webhook: false records the status without a push.
      const quiet = await client.control('POST', `/shipments/${order.awb}/status`, { statusId: 17, webhook: false });
      expect(quiet.body).toMatchObject({ currentStatusId: 19, currentStatus: 'OUT FOR DELIVERY', webhook: { sent: false } });
      expect(hook.received).toHaveLength(2);
    } finally {
      sim.setWebhook(undefined);
      await hook.close();
    }
  });

  it('maps shipment codes to order codes (delivered, RTO, lost) and keeps codes outside the table', async () => {
    const order = await client.shippableOrder();
    const set = async (statusId: number) => (await client.control('POST', `/shipments/${order.awb}/status`, { statusId })).body;
    expect(await set(7)).toMatchObject({ shipmentStatus: 'DELIVERED', currentStatusId: 7, currentStatus: 'DELIVERED', webhook: { sent: false, reason: 'no webhook configured' } });
    expect(await set(9)).toMatchObject({ currentStatusId: 15 });
    expect(await set(12)).toMatchObject({ currentStatusId: 33, currentStatus: 'LOST' });
    expect(await set(99)).toMatchObject({ shipmentStatusId: 99, shipmentStatus: 'NA', currentStatusId: 33 });
    const tracked = (await client.api('GET', `/courier/track/awb/${order.awb}`)).body.tracking_data;
    expect(tracked.shipment_status).toBe(99);
    expect(tracked.shipment_track_activities[0]).toMatchObject({ 'sr-status': '99', 'sr-status-label': 'NA' });
  });

  it('answers an unknown AWB with 404 and a bad body with 400', async () => {
    expect(await client.control('POST', '/shipments/000/status', { statusId: 18 })).toMatchObject({ status: 404, body: { error: expect.stringContaining('000') } });
    expect((await client.control('POST', '/shipments/000/status', { statusId: 'shipped' })).status).toBe(400);
  });

  it('reports a webhook receiver that is down without failing the status change', async () => {
    const hook = await receiver();
    await hook.close();
    sim.setWebhook({ url: hook.url, token: 't' });
    try {
      const order = await client.shippableOrder();
      const answer = await client.control('POST', `/shipments/${order.awb}/status`, { statusId: 42 });
      expect(answer.body.webhook).toEqual({ sent: true, error: expect.any(String) });
      expect(sim.orders().find((o) => o.awb === order.awb)!.shipmentStatus).toBe(42);
    } finally {
      sim.setWebhook(undefined);
    }
  });

  it('refuses webhook URLs Shiprocket refuses (containing "sr", "kr", "shiprocket", "kartrocket")', async () => {
    expect(() => sim.setWebhook({ url: 'http://127.0.0.1:9/shiprocket-hook', token: 't' })).toThrow(/shiprocket/);
    expect(await client.control('PUT', '/webhook', { url: 'http://127.0.0.1:9/hooks/sr', token: 't' })).toMatchObject({ status: 422 });
    expect((await client.control('PUT', '/webhook', { url: 'http://127.0.0.1:9/webhooks/courier', token: 't' })).status).toBe(200);
    expect((await client.control('DELETE', '/webhook')).status).toBe(200);
  });
});

describe('faults', () => {
  it('expired-token: 401 "Token has expired" and the token stays dead; a new login works', async () => {
    const own = clientOf(sim);
    await own.login();
    await client.control('POST', '/faults', { kind: 'expired-token', method: 'GET', path: '/orders' });
    expect(await own.api('GET', '/orders')).toMatchObject({ status: 401, body: { message: 'Token has expired', status_code: 401 } });
    expect((await own.api('GET', '/orders')).status).toBe(401);
    await own.login();
    expect((await own.api('GET', '/orders')).status).toBe(200);
  });

  it('rate-limit fires N times (429 with retry-after), then answers normally', async () => {
    sim.injectFaults({ kind: 'rate-limit', path: '/courier/track/*', times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await client.api('GET', '/courier/track/awb/123')).status);
    expect(statuses).toEqual([429, 429, 200]);
    sim.injectFaults({ kind: 'rate-limit' });
    const limited = await client.api('GET', '/orders');
    expect([limited.body.status_code, limited.headers.get('retry-after')]).toEqual([429, '1']);
  });

  it('server-error answers 500 { message, status_code }; faults match method and path only', async () => {
    sim.injectFaults({ kind: 'server-error', method: 'POST', path: '/courier/assign/awb' });
    expect((await client.api('GET', '/orders')).status).toBe(200);
    expect(sim.pendingFaults()).toEqual([{ kind: 'server-error', method: 'POST', path: '/courier/assign/awb', remaining: 1, delayMs: 1000 }]);
    expect(await client.api('POST', '/courier/assign/awb', { shipment_id: 1 })).toMatchObject({ status: 500, body: { status_code: 500 } });
    expect(sim.pendingFaults()).toEqual([]);
  });

  it('hang: no answer until the client gives up; close() ends such connections', async () => {
    const own = await testSimulator();
    own.sim.injectFaults({ kind: 'hang', path: '/orders', times: 2 });
    await expect(own.client.api('GET', '/orders', undefined, { signal: AbortSignal.timeout(150) })).rejects.toThrow(/abort|timeout/i);
    const forever = own.client.api('GET', '/orders');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    await own.sim.close();
    expect(performance.now() - started).toBeLessThan(1_000);
    await expect(forever).rejects.toThrow();
  });

  it('drop-response: the order is created, the connection dies without an answer, and a search finds the order', async () => {
    sim.injectFaults({ kind: 'drop-response', method: 'POST', path: '/orders/create/adhoc' });
    const body = anOrder();
    await expect(client.api('POST', '/orders/create/adhoc', body)).rejects.toThrow();
    const found = await client.api('GET', `/orders?search=${body.order_id}`);
    expect(found.body.data).toHaveLength(1);
    expect(found.body.data[0]).toMatchObject({ channel_order_id: body.order_id, status: 'NEW' });
    expect(sim.requests().filter((request) => request.fault === 'drop-response')).toHaveLength(1);
  });

  it('delay: the normal answer, later', async () => {
    sim.injectFaults({ kind: 'delay', delayMs: 120 });
    const started = performance.now();
    expect((await client.api('GET', '/orders')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('are queued over HTTP one at a time or as a list, listed, and cleared; a bad one is refused', async () => {
    expect((await client.control('POST', '/faults', [{ kind: 'server-error' }, { kind: 'hang', path: '/auth/login', times: 3 }])).body.pending).toHaveLength(2);
    expect((await client.control('POST', '/faults', { faults: [{ kind: 'delay', delayMs: 1 }] })).body.pending).toHaveLength(3);
    expect((await client.control('GET', '/faults')).body.pending.map((fault: { kind: string }) => fault.kind)).toEqual(['server-error', 'hang', 'delay']);
    expect(await client.control('POST', '/faults', { kind: 'meteor' })).toMatchObject({ status: 400, body: { error: expect.any(String) } });
    expect((await client.control('DELETE', '/faults')).body).toEqual({ pending: [] });
  });
});

describe('state and reset', () => {
  it('shows orders, logins and pickup locations, and a reset forgets them (tokens included)', async () => {
    const own = await testSimulator({ pickupLocations: ['Primary', 'Annex'] });
    try {
      own.sim.addPickupLocation('Learned');
      await own.client.createOrder();
      const state = await own.client.control('GET', '/state');
      expect(state.body).toMatchObject({ loginCount: 1, orders: [{ channelOrderId: expect.any(String), statusCode: 1, shipmentStatus: null }] });
      expect(state.body.pickupLocations.map((location: { name: string }) => location.name)).toEqual(['Primary', 'Annex', 'Learned']);
      expect((await own.client.control('POST', '/reset')).body).toMatchObject({ orders: [], loginCount: 0 });
      expect(own.sim.pickupLocations().map((location) => location.name)).toEqual(['Primary', 'Annex']);
      expect((await own.client.api('GET', '/orders')).body).toEqual({ message: 'Token is invalid', status_code: 401 });
      expect((await own.client.control('POST', '/tokens/expire')).status).toBe(200);
    } finally {
      await own.sim.close();
    }
  });

  it('answers unknown control paths with 404', async () => {
    expect((await send(`${sim.controlUrl}/nothing`, 'GET')).status).toBe(404);
  });
});
