import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import type { CourierOrderInput, ShiprocketApi } from '../../functions/courier/shiprocket-api.ts';
import { createShiprocketClient } from '../../functions/courier/shiprocket-client.ts';
import { tableTokenStore } from '../../functions/courier/shiprocket-token.ts';
import { SIMULATOR_EMAIL, SIMULATOR_PASSWORD, startShiprocketSimulator, type ShiprocketSimulator } from '../../local/shiprocket-simulator/simulator.ts';

/** The client against the project's Shiprocket simulator over HTTP, its token in DynamoDB Local. */
let simulator: ShiprocketSimulator;
let client: ShiprocketApi;
const waits: number[] = [];

beforeAll(async () => {
  vi.stubEnv('DYNAMODB_ENDPOINT', inject('dynamoEndpoint'));
  vi.stubEnv('TABLE_NAME', inject('tableName'));
  simulator = await startShiprocketSimulator({ port: 0, pickupLocations: ['Aurora Warehouse'] });
  client = createShiprocketClient({
    baseUrl: simulator.url,
    credentials: async () => ({ email: SIMULATOR_EMAIL, password: SIMULATOR_PASSWORD }),
    tokenStore: tableTokenStore(`shiprocket-test-${randomUUID()}`),
    // Backoff and Retry-After are recorded, not waited (the simulator's 429 asks for 1 s).
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
});
afterAll(async () => {
  await simulator?.close();
  vi.unstubAllEnvs();
});
beforeEach(() => simulator.clearFaults());

const address = { name: 'Meera Iyer', phone: '+91 98450 12345', email: 'meera@example.test', line1: '4 Lake Road', city: 'Chennai', state: 'Tamil Nadu', postalCode: '600001', country: 'India' };
const order = (channelOrderId: string): CourierOrderInput => ({
  channelOrderId,
  orderDate: '2026-11-26T08:35:00.000Z',
  pickupLocation: 'Aurora Warehouse',
  billing: address,
  shipping: { ...address, name: 'Ravi' },
  items: [{ name: 'Brass lamp', sku: 'LAMP-7', units: 2, sellingPrice: 1499.5, tax: 12, hsn: '9405' }],
  paymentMethod: 'COD',
  subTotal: 2999,
  lengthCm: 30,
  breadthCm: 20,
  heightCm: 15,
  weightKg: 1.25,
});

describe('the Shiprocket client against the simulator', () => {
  it('logs in once, creates, finds, assigns an AWB, books the pickup, prints the label, tracks, cancels', async () => {
    const channelOrderId = `P-${randomUUID().slice(0, 8)}`;
    const created = await client.createOrder(order(channelOrderId));
    expect(created).toMatchObject({ channelOrderId, awb: null, courierId: null, courierName: null });
    await client.createOrder(order(`${channelOrderId}-2`));
    await expect(client.findOrder(channelOrderId)).resolves.toEqual(created);
    await expect(client.findOrder(`${channelOrderId}-9`)).resolves.toBeUndefined();

    const assignment = await client.assignAwb(created.shipmentId);
    expect(assignment).toMatchObject({ awb: expect.any(String), courierId: expect.any(Number), courierName: expect.any(String), pickupScheduledAt: expect.stringMatching(/Z$/) });
    await expect(client.findOrder(channelOrderId)).resolves.toMatchObject({ awb: assignment.awb, courierName: assignment.courierName });
    await expect(client.assignAwb(created.shipmentId)).rejects.toMatchObject({ failure: 'rejected', message: 'AWB is already assigned' });

    await expect(client.generateLabel(created.shipmentId)).resolves.toEqual({ labelUrl: expect.stringContaining('.pdf') });
    await expect(client.requestPickup(created.shipmentId)).resolves.toMatchObject({ pickupScheduledAt: expect.stringMatching(/Z$/), tokenNumber: expect.stringContaining('Reference No') });

    const tracked = await client.trackAwb(assignment.awb);
    expect(tracked).toMatchObject({ found: true, awb: assignment.awb, shipmentStatus: 3 });
    expect(tracked.activities[0]).toMatchObject({ at: expect.stringMatching(/Z$/) });
    expect(tracked.activities.at(-1)).toMatchObject({ srStatus: null, srStatusLabel: null });
    const bulk = await client.trackAwbs([assignment.awb, 'NO-SUCH-AWB']);
    expect([...bulk.keys()]).toEqual([assignment.awb]);

    await expect(client.cancelOrder(created.orderId)).resolves.toBeUndefined();
    await expect(client.cancelOrder(created.orderId)).resolves.toBeUndefined(); // "already cancelled"
    expect(simulator.loginCount()).toBe(1);
  });

  it('refuses an unknown pickup nickname with Shiprocket’s message, and invalid data with its field errors', async () => {
    await expect(client.createOrder({ ...order(`P-${randomUUID().slice(0, 8)}`), pickupLocation: 'Nowhere' })).rejects.toMatchObject({
      failure: 'rejected',
      httpStatus: 422,
      message: expect.stringMatching(/^Wrong Pickup location entered/),
      fieldErrors: { pickup_location: [expect.stringMatching(/^Wrong Pickup location entered/)] },
    });
    await expect(client.createOrder({ ...order(`P-${randomUUID().slice(0, 8)}`), billing: { ...address, postalCode: '6000' } })).rejects.toMatchObject({
      failure: 'rejected',
      httpStatus: 422,
      fieldErrors: { billing_pincode: expect.any(Array) },
    });
  });

  it('logs in again once when the token expires; retries a 429 after its Retry-After and a 500 with backoff', async () => {
    const logins = simulator.loginCount();
    simulator.expireTokens();
    await expect(client.trackAwbs(['NONE'])).resolves.toEqual(new Map());
    expect(simulator.loginCount()).toBe(logins + 1);

    waits.length = 0;
    simulator.injectFaults({ kind: 'rate-limit', path: '/courier/track/awbs' }, { kind: 'server-error', path: '/courier/track/awbs' });
    await expect(client.trackAwbs(['NONE'])).resolves.toEqual(new Map());
    expect(waits[0]).toBe(1_000);
    expect(waits).toHaveLength(2);
  });

  it('does not create twice when the answer to a create is lost: unavailable, and findOrder finds the order made', async () => {
    const channelOrderId = `P-${randomUUID().slice(0, 8)}`;
    simulator.injectFaults({ kind: 'drop-response', method: 'POST', path: '/orders/create/adhoc' });
    await expect(client.createOrder(order(channelOrderId))).rejects.toMatchObject({ failure: 'unavailable', message: expect.stringContaining('may or may not have been created') });
    expect(simulator.orders().filter((made) => made.channelOrderId === channelOrderId)).toHaveLength(1);
    await expect(client.findOrder(channelOrderId)).resolves.toMatchObject({ channelOrderId });
  });
});
