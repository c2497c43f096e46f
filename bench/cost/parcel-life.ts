/**
 * One whole parcel life against the local system (DynamoDB Local, the S3 emulator, the Shiprocket
 * simulator pushing its webhooks), each step through the HTTP API as in production, counted by a
 * `Meter` phase by phase.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signLocalToken } from '../../local/local-tokens.ts';
import { startLocalRuntime, type LocalRuntime } from '../../local/runtime.ts';
import { freePort } from '../../test/support/free-port.ts';
import { storedBytes } from './item-size.ts';
import { Meter, sumUnits } from './meter.ts';

/** Tracking pushed by the courier between pickup and delivery: 8 updates, as the issue prices them. */
export const TRACKING_UPDATES = [
  { statusId: 42, label: 'Picked Up' },
  { statusId: 6, label: 'Shipped' },
  { statusId: 18, label: 'In Transit' },
  { statusId: 18, label: 'In Transit (next hub)' },
  { statusId: 38, label: 'Reached at Destination Hub' },
  { statusId: 17, label: 'Out For Delivery' },
  { statusId: 21, label: 'Undelivered (first attempt failed)' },
  { statusId: 7, label: 'Delivered' },
] as const;

export interface LifeRun {
  items: number;
  meter: Meter;
  /** Measured for the scheduled sync's share: one pass over this one live shipment. */
  /** The sync's share: read units of this shipment per pass (from its entry's size), and a measured pass over it alone. */
  syncPass: { readUnits: number; ms: number; measuredReadUnits: number };
  invoiceBytes: number;
  returnsCounted: boolean;
  /** What this life leaves stored in DynamoDB, by `table` / `index:<name>` (the S3 invoice is `invoiceBytes`). */
  storedBytes: Record<string, number>;
}

const address = { name: 'Asha Rao', phone: '+91 98450 12345', line1: '12 MG Road', city: 'Bengaluru', state: 'Karnataka', postalCode: '560001', country: 'India' };

export interface LocalSystem {
  runtime: LocalRuntime;
  stop(): Promise<void>;
}

/** Starts the local system once: its own table, emulator directory and simulator, no job timers. */
export async function startMeteredSystem(): Promise<LocalSystem> {
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  process.env.TABLE_NAME = 'bench-cost';
  delete process.env.SHIPROCKET_BASE_URL;
  const s3Directory = mkdtempSync(join(tmpdir(), 'bench-cost-s3-'));
  const runtime = await startLocalRuntime({
    apiPort: await freePort(),
    dynamoPort: await freePort(),
    s3Port: await freePort(),
    s3Directory,
    shiprocketSimPort: await freePort(),
    jobs: false,
  });
  return {
    runtime,
    async stop() {
      await runtime.stop();
      rmSync(s3Directory, { recursive: true, force: true });
    },
  };
}

let lives = 0;

/** Drives one parcel of `items` items from order to a received return, phase by phase. */
export async function driveParcelLife(system: LocalSystem, items: number): Promise<LifeRun> {
  const { runtime } = system;
  const meter = new Meter();
  const { documentClient } = await import('../../functions/storage/dynamo-client.ts');
  const { objectStoreClient } = await import('../../functions/storage/object-store.ts');
  meter.watchDynamo(documentClient());
  meter.watchS3(objectStoreClient());
  const life = ++lives;
  const sellerId = `cost-seller-${life}`;
  const customerId = `cost-customer-${life}`;
  const tokens = {
    system: await signLocalToken('system', 'storefront'),
    admin: await signLocalToken('admin', 'cost-admin'),
    seller: await signLocalToken('seller', sellerId),
    customer: await signLocalToken('customer', customerId),
  };
  const request = async (role: keyof typeof tokens, method: string, path: string, body?: unknown) => {
    const response = await meter.invocation(() =>
      fetch(`${runtime.apiUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${tokens[role]}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }).then(async (answer) => ({ status: answer.status, text: await answer.text() })),
    );
    if (response.status >= 400) throw new Error(`${method} ${path} → ${response.status} ${response.text}`);
    return response.text ? JSON.parse(response.text) : undefined;
  };

  meter.enter('setup (not priced)');
  await request('admin', 'PUT', `/sellers/${sellerId}`, { name: 'Aurora Textiles', storeName: 'Aurora', gstin: '29ABCDE1234F1Z5', address, pickupLocation: 'Primary' });

  meter.enter('order ingestion');
  const order = await request('system', 'POST', '/orders', {
    id: `cost-order-${life}`,
    customerId,
    paymentMethod: 'prepaid',
    shippingAddress: address,
    items: Array.from({ length: items }, (_, i) => ({ sellerId, productName: `Handloom cotton saree ${i + 1}`, sku: `SAR-${i}`, quantity: 1, unitPrice: 149_900, taxPercent: 5, hsn: '5208' })),
  });

  meter.enter('create parcel');
  const parcel = await request('seller', 'POST', '/parcels', { orderId: order.id, itemIds: order.items.map((item: { id: string }) => item.id) });

  meter.enter('invoice');
  const invoice = await request('seller', 'GET', `/parcels/${parcel.id}/invoice`);
  const pdf = await fetch(invoice.url);
  const invoiceBytes = (await pdf.arrayBuffer()).byteLength;
  // The seller opening the link is one S3 GET the handlers never see.
  meter.phases.get('invoice')!.s3Gets += 1;

  meter.enter('courier create');
  const shipped = await request('seller', 'POST', `/parcels/${parcel.id}/shiprocket`, { weightKg: 0.8, lengthCm: 30, breadthCm: 25, heightCm: 5 });
  const awb: string = shipped.courier.awb;

  // The sync's share: what one pass reads with this shipment live, less what it reads with none.
  const syncPass = await measureSyncPass(runtime, meter);

  let liveEntryBytes = 0;
  for (const [i, update] of TRACKING_UPDATES.entries()) {
    meter.enter(`webhook: ${update.label}`);
    await meter.invocation(() => runtime.shiprocketSimulator!.setShipmentStatus(awb, update.statusId));
    // Mid-transit, what the sync reads of this shipment on every pass: its live-shipments entry.
    if (i === TRACKING_UPDATES.length / 2) liveEntryBytes = await liveShipmentEntryBytes(meter, parcel.id);
  }
  meter.enter('setup (not priced)');
  const delivered = await request('seller', 'GET', `/parcels/${parcel.id}`);
  if (delivered.status !== 'delivered') throw new Error(`after the tracking updates the parcel is ${delivered.status}, not delivered`);

  const returnsCounted = await driveReturn(meter, request, order.id, order.items[0].id);
  const storedBytes = await storedBytesOf(meter);
  // A pass reads the fleet in pages; a shipment's share is its entry's size in 4 KB units, eventually consistent.
  const shareOfPass = (liveEntryBytes / 4096) * 0.5;
  return { items, meter, storedBytes, syncPass: { readUnits: shareOfPass, ms: syncPass.ms, measuredReadUnits: syncPass.readUnits - emptySyncPass.readUnits }, invoiceBytes, returnsCounted };
}

async function liveShipmentEntryBytes(meter: Meter, parcelId: string): Promise<number> {
  const record = (await meter.readRecords(process.env.TABLE_NAME!, [{ pk: `PARCEL#${parcelId}`, sk: 'PARCEL' }])).values().next().value;
  return record ? (storedBytes(record)['index:liveShipments'] ?? 0) : 0;
}

/** The records the life wrote, as they are at its end, and their copies in the indexes. */
async function storedBytesOf(meter: Meter): Promise<Record<string, number>> {
  const records = [...meter.writtenRecords.values()].filter((record) => !record.pk.startsWith('SELLER#cost-seller') || record.sk !== 'PROFILE');
  const bytes: Record<string, number> = {};
  for (const tableName of new Set(records.map((record) => record.tableName))) {
    const keys = records.filter((record) => record.tableName === tableName);
    for (const item of (await meter.readRecords(tableName, keys)).values()) {
      for (const [target, size] of Object.entries(storedBytes(item))) bytes[target] = (bytes[target] ?? 0) + size;
    }
  }
  return bytes;
}

let emptySyncPass = { readUnits: 0, ms: 0 };

/** A sync pass over a fleet without this parcel: its fixed cost (cursor, empty segments), not the shipment's. */
export async function measureEmptySyncPass(system: LocalSystem): Promise<void> {
  emptySyncPass = await measureSyncPass(system.runtime, new Meter());
}

async function measureSyncPass(runtime: LocalRuntime, meter: Meter): Promise<{ readUnits: number; ms: number }> {
  const { documentClient } = await import('../../functions/storage/dynamo-client.ts');
  meter.watchDynamo(documentClient());
  meter.enter('sync pass');
  const started = performance.now();
  await runtime.runJob('sync-courier-tracking');
  const ms = performance.now() - started;
  const readUnits = sumUnits(meter.phases.get('sync pass')!.readUnits);
  meter.phases.delete('sync pass');
  return { readUnits, ms };
}

type Request = (role: 'system' | 'admin' | 'seller' | 'customer', method: string, path: string, body?: unknown) => Promise<any>;

/** One return through to received (request, approve, receive), when the returns routes exist. */
async function driveReturn(meter: Meter, request: Request, orderId: string, orderItemId: string): Promise<boolean> {
  const { routes } = await import('../../functions/routes.ts');
  if (!routes.some((route) => route.path === '/returns')) return false;
  meter.enter('return requested');
  const created = await request('customer', 'POST', '/returns', { orderItemId, orderId, reason: 'The colour differs from the photo.' });
  meter.enter('return approved');
  await request('admin', 'POST', `/returns/${created.id}/approve`, {});
  meter.enter('return received');
  await request('admin', 'POST', `/returns/${created.id}/receive`, {});
  return true;
}
