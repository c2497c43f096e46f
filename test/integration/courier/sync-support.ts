/**
 * What the courier sync tests share: a local runtime of their own (DynamoDB Local in memory, the
 * Shiprocket simulator, the API), shipments made through the API, and reads of what was stored.
 */
import { expect } from 'vitest';
import type { SyncReport } from '../../../functions/domain/courier/sync-courier-tracking.ts';
import type { Role } from '../../../functions/domain/principal.ts';
import type { ParcelStatus } from '../../../functions/domain/parcels/parcel-status.ts';
import { signLocalToken } from '../../../local/local-tokens.ts';
import { startLocalRuntime, type LocalRuntime, type LocalRuntimeOptions } from '../../../local/runtime.ts';
import type { ShiprocketSimulator } from '../../../local/shiprocket-simulator/simulator.ts';
import { freePort } from '../../support/free-port.ts';
import { address, itemInput, uniqueId } from '../support/fixtures.ts';

export const SYNC = 'sync-courier-tracking';

export interface SyncRuntime {
  runtime: LocalRuntime;
  simulator: ShiprocketSimulator;
  /** One request to this runtime's API as `role`/`sub` (or with `headers` only, e.g. the webhook's key). */
  call(method: string, path: string, options?: { as?: [Role, string]; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; body: any }>;
  sync(): Promise<SyncReport>;
  stop(): Promise<void>;
}

/**
 * A runtime of its own, with a simulator of its own: the shared one's live shipments and faults
 * would be in every sync run. The environment is put back as it was on stop.
 */
export async function startSyncRuntime(options: Partial<LocalRuntimeOptions> = {}): Promise<SyncRuntime> {
  const environment = { ...process.env };
  // Inherited from the global setup: with SHIPROCKET_BASE_URL set, the runtime would start no simulator.
  for (const name of ['SHIPROCKET_BASE_URL', 'SHIPROCKET_EMAIL', 'SHIPROCKET_PASSWORD']) delete process.env[name];
  const runtime = await startLocalRuntime({ apiPort: await freePort(), dynamoPort: await freePort(), shiprocketSimPort: await freePort(), jobs: false, ...options });
  const call: SyncRuntime['call'] = async (method, path, { as, body, headers = {} } = {}) => {
    const token = as && (await signLocalToken(...as));
    const response = await fetch(`${runtime.apiUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  return {
    runtime,
    simulator: runtime.shiprocketSimulator!,
    call,
    sync: () => runtime.runJob(SYNC) as Promise<SyncReport>,
    async stop() {
      await runtime.stop();
      for (const name of Object.keys(process.env)) if (!(name in environment)) delete process.env[name];
      Object.assign(process.env, environment);
    },
  };
}

/**
 * The bulk tracking calls the simulator received from `since` on (an ISO time taken before; its log
 * keeps only the last 1000 requests, so counts are by time, not by position).
 */
export const trackCallsSince = (simulator: ShiprocketSimulator, since: string) =>
  simulator.requests().filter((request) => request.path === '/v1/external/courier/track/awbs' && request.at >= since);

/** Runs `work` on each item, at most `limit` at once. */
export async function inPool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export interface Shipment {
  parcelId: string;
  awb: string;
}

/**
 * `count` live Shiprocket shipments made through the API, as a seller makes them: a seller profile
 * with the pickup location `Primary`, then per shipment an order, a parcel and
 * `POST /parcels/{id}/shiprocket` (the parcel is `processed`, courier status 3).
 */
export async function makeShipments({ call }: SyncRuntime, count: number): Promise<Shipment[]> {
  const sellerId = uniqueId('sync-seller');
  const profile = await call('PUT', `/sellers/${sellerId}`, {
    as: ['admin', 'admin-1'],
    body: { name: 'Meera Iyer', storeName: 'Aurora Weaves', pickupLocation: 'Primary', address: { ...address, name: 'Aurora Weaves', postalCode: '560034' } },
  });
  expect(profile.status, JSON.stringify(profile.body)).toBe(201);
  return inPool(Array.from({ length: count }, (_, i) => i), 12, async () => {
    const order = await call('POST', '/orders', {
      as: ['system', 'storefront'],
      body: { id: uniqueId('order'), customerId: uniqueId('customer'), paymentMethod: 'prepaid', shippingAddress: address, items: [itemInput(sellerId)] },
    });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    const seller: [Role, string] = ['seller', sellerId];
    const parcel = await call('POST', '/parcels', { as: seller, body: { orderId: order.body.id, itemIds: [order.body.items[0].id] } });
    expect(parcel.status, JSON.stringify(parcel.body)).toBe(201);
    const shipped = await call('POST', `/parcels/${parcel.body.id}/shiprocket`, { as: seller, body: { weightKg: 0.5, lengthCm: 20, breadthCm: 15, heightCm: 5 } });
    expect(shipped.status, JSON.stringify(shipped.body)).toBe(201);
    return { parcelId: parcel.body.id as string, awb: shipped.body.courier.awb as string };
  });
}

export interface ParcelState {
  status: ParcelStatus;
  statusCode: number | null;
  events: number;
  version: number;
  live: boolean;
}

/** The parcels as stored (strongly consistent reads through the app's own storage functions). */
export async function parcelStates(shipments: readonly Shipment[]): Promise<Map<string, ParcelState>> {
  const { readParcel } = await import('../../../functions/storage/parcels-table.ts');
  const states = await inPool(shipments, 16, async ({ parcelId }) => {
    const stored = await readParcel(parcelId);
    if (!stored) throw new Error(`parcel ${parcelId} is not stored`);
    const { parcel, version } = stored;
    const state: ParcelState = { status: parcel.status, statusCode: parcel.courier?.statusCode ?? null, events: parcel.events.length, version, live: parcel.courier?.cancelledAt === null };
    return [parcelId, state] as const;
  });
  return new Map(states);
}
