import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShiprocketSimulator } from '../../local/shiprocket-simulator/simulator.ts';
import { clientOf, testSimulator } from './shiprocket-simulator-support.ts';

/**
 * The simulator's answers have the shapes of Shiprocket's published examples (shared/, beside the
 * repository): every field of the example is there, with the same JSON type where both have a
 * value (null matches anything: Shiprocket sends null for many fields). Values are the simulator's own.
 */
const published = fileURLToPath(new URL('../../../shared/fixtures/shiprocket/', import.meta.url));
const example = (name: string) => JSON.parse(readFileSync(`${published}${name}`, 'utf8'));

function shapeDifferences(actual: unknown, expected: unknown, path = '$', found: string[] = []): string[] {
  if (expected === null || actual === null) return found;
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) found.push(`${path}: an array expected`);
    else if (expected.length > 0 && actual.length > 0) shapeDifferences(actual[0], expected[0], `${path}[0]`, found);
    return found;
  }
  if (typeof expected === 'object') {
    if (typeof actual !== 'object' || Array.isArray(actual)) return [...found, `${path}: an object expected`];
    for (const [key, value] of Object.entries(expected)) {
      if (!(key in actual)) found.push(`${path}.${key} missing`);
      else shapeDifferences((actual as Record<string, unknown>)[key], value, `${path}.${key}`, found);
    }
    return found;
  }
  if (typeof actual !== typeof expected) found.push(`${path}: ${typeof expected} expected, got ${JSON.stringify(actual)}`);
  return found;
}

describe.skipIf(!existsSync(published))('shapes of the published examples', () => {
  let sim: ShiprocketSimulator;
  let client: ReturnType<typeof clientOf>;
  let order: Awaited<ReturnType<ReturnType<typeof clientOf>['shippableOrder']>>;
  beforeAll(async () => {
    ({ sim, client } = await testSimulator());
    order = await client.shippableOrder();
    await client.api('POST', '/courier/generate/label', { shipment_id: [order.shipment_id] });
    await sim.setShipmentStatus(order.awb, 42);
  });
  afterAll(() => sim.close());

  it('the published create request itself is accepted (once its pickup nickname is registered)', async () => {
    const request = example('orders-create-adhoc.request.json');
    sim.addPickupLocation(request.pickup_location);
    const created = await client.api('POST', '/orders/create/adhoc', request);
    expect(shapeDifferences(created.body, example('orders-create-adhoc.response.json'))).toEqual([]);
  });

  it.each([
    ['serviceability', () => client.api('GET', `/courier/serviceability/?order_id=${order.order_id}`), 'courier-serviceability.response.json'],
    ['serviceability, order not found', () => client.api('GET', '/courier/serviceability/?order_id=7'), 'courier-serviceability.order-not-found.response.json'],
    ['serviceability, fields missing', () => client.api('GET', '/courier/serviceability/'), 'courier-serviceability.error-422.json'],
    ['create, invalid', () => client.api('POST', '/orders/create/adhoc', {}), 'orders-create-adhoc.error-422.json'],
    ['assign AWB', async () => client.api('POST', '/courier/assign/awb', { shipment_id: (await client.createOrder()).shipment_id }), 'courier-assign-awb.response.json'],
    ['assign AWB, no shipment_id', () => client.api('POST', '/courier/assign/awb', {}), 'courier-assign-awb.error-422.json'],
    ['pickup', async () => client.api('POST', '/courier/generate/pickup', { shipment_id: [(await client.shippableOrder()).shipment_id] }), 'courier-generate-pickup.response.json'],
    ['pickup, bad id', () => client.api('POST', '/courier/generate/pickup', { shipment_id: [3] }), 'courier-generate-pickup.error-400.json'],
    ['label', () => client.api('POST', '/courier/generate/label', { shipment_id: [order.shipment_id] }), 'courier-generate-label.response.json'],
    ['label, nothing printable', () => client.api('POST', '/courier/generate/label', { shipment_id: [3] }), 'courier-generate-label.not-created.response.json'],
    ['label, not an array', () => client.api('POST', '/courier/generate/label', { shipment_id: 3 }), 'courier-generate-label.error-422.json'],
    ['cancel, no ids', () => client.api('POST', '/orders/cancel', {}), 'orders-cancel.error-422.json'],
    ['track by AWB', () => client.api('GET', `/courier/track/awb/${order.awb}`), 'track-awb.response.json'],
    ['track by shipment', () => client.api('GET', `/courier/track/shipment/${order.shipment_id}`), 'track-shipment.response.json'],
    ['track by channel order id', () => client.api('GET', `/courier/track?order_id=${sim.orders()[0]!.channelOrderId}`), 'track-order.response.json'],
    ['track, nothing yet', async () => client.api('GET', `/courier/track/shipment/${(await client.createOrder()).shipment_id}`), 'track-not-found.response.json'],
    ['track, missing path', () => client.api('GET', '/courier/track/awb/'), 'track-missing-path.error-404.json'],
    ['bulk track, none known', () => client.api('POST', '/courier/track/awbs', { awbs: ['1'] }), 'track-awbs-bulk.not-found.response.json'],
  ])('%s', async (_, call, file) => {
    expect(shapeDifferences((await call()).body, example(file))).toEqual([]);
  });

  it('bulk tracking, per AWB', async () => {
    const bulk = (await client.api('POST', '/courier/track/awbs', { awbs: [order.awb] })).body;
    expect(shapeDifferences(bulk[order.awb], Object.values(example('track-awbs-bulk.response.json'))[0])).toEqual([]);
  });

  it('the tracking webhook', async () => {
    const delivered: unknown[] = [];
    const { createServer } = await import('node:http');
    const server = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString()));
      request.on('end', () => {
        delivered.push(JSON.parse(text));
        response.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    sim.setWebhook({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}/webhooks/courier`, token: 'shape-test' });
    await sim.setShipmentStatus(order.awb, 18);
    sim.setWebhook(undefined);
    server.close();
    expect(shapeDifferences(delivered[0], example('webhook-tracking.payload.json'))).toEqual([]);
  });
});
