/**
 * The scheduled courier sync against the Shiprocket simulator and DynamoDB Local: courier calls,
 * DynamoDB requests (with the capacity DynamoDB Local reports for each: table and indexes) and wall
 * time of one run over N live shipments of which 30% changed at the courier; and the round trips of
 * the courier webhook per push.
 *
 * Seeding (not measured) is in `seedLiveShipments`: one shipment made by the app's own code path,
 * the others cloned from its records with their own courier orders at the simulator.
 */
import { startLocalRuntime, LOCAL_WEBHOOK_TOKEN, type LocalRuntime } from '../local/runtime.ts';
import { freePort } from '../test/support/free-port.ts';
import type { SyncReport } from '../functions/domain/courier/sync-courier-tracking.ts';
import type { CourierShipment } from '../functions/domain/parcels/parcel-types.ts';

/** Shiprocket's bulk tracking: at most 50 AWBs a call. */
const AWBS_PER_CALL = 50;
/** Shipments seeded at once (DynamoDB Local and the simulator are both local). */
const SEED_CONCURRENCY = 24;
/** Records per BatchWriteItem when seeding (≤ 25): a parcel and its item, 12 times. */
const SEED_BATCH = 24;
const SELLER = 'bench-sync-seller';
/** The simulator logs its last 1000 requests: a run of more calls could not be counted. */
const SIMULATOR_LOG = 1_000;

/** One kind of DynamoDB request: how many, and the capacity units DynamoDB Local reported (table, indexes). */
export interface CommandCount {
  count: number;
  tableUnits: number;
  indexUnits: number;
}

export interface DynamoCount {
  /** By command name without `Command`: `Query`, `UpdateItem`, `TransactWriteItems`, ... */
  commands: Record<string, CommandCount>;
  reads: number;
  writes: number;
  /** Read / write capacity units, table and indexes together. */
  readUnits: number;
  writeUnits: number;
}

export interface SyncPass {
  report: SyncReport;
  /** `POST /courier/track/awbs` as the simulator saw them. */
  courierCalls: number;
  logins: number;
  dynamo: DynamoCount;
  wallMs: number;
}

export interface CourierSyncBench {
  count: number;
  seedMs: number;
  /** The brief's target: ceil(N / 50). */
  targetCalls: number;
  /** Live shipments per segment of the index (as seeded). */
  perSegment: number[];
  /** The first sync after creation: every shipment gets its first tracking (each written once). */
  first: SyncPass;
  /** Shipments moved at the simulator (no webhook) before the measured run. */
  moved: number;
  /** The measured run: `moved` of `count` changed. */
  measured: SyncPass;
}

export interface WebhookCall {
  status: number;
  commands: string[];
  readUnits: number;
  writeUnits: number;
}

export interface WebhookRoundTrips {
  /** A new status (picked up) for a live shipment, pushed by the simulator to POST /webhooks/courier. */
  first: WebhookCall;
  /** The same body again. */
  duplicate: WebhookCall;
  /** An AWB that is not a live shipment here. */
  unknown: WebhookCall;
}

const READS = new Set(['Query', 'GetItem', 'BatchGetItem', 'Scan']);
const WRITES = new Set(['UpdateItem', 'TransactWriteItems', 'PutItem', 'DeleteItem', 'BatchWriteItem']);

interface Counter {
  reset(): void;
  sent(): string[];
  count(): DynamoCount;
}

interface ConsumedCapacity {
  Table?: { CapacityUnits?: number };
  GlobalSecondaryIndexes?: Record<string, { CapacityUnits?: number }>;
  LocalSecondaryIndexes?: Record<string, { CapacityUnits?: number }>;
}

const unitsOf = (entries: Record<string, { CapacityUnits?: number }> | undefined) =>
  Object.values(entries ?? {}).reduce((sum, entry) => sum + (entry.CapacityUnits ?? 0), 0);

/**
 * Counts every DynamoDB request of the handlers' own client (where it really goes out, as
 * round-trips.ts does) and asks each for its consumed capacity, table and indexes apart.
 */
async function countDynamo(): Promise<Counter> {
  const { documentClient } = await import('../functions/storage/dynamo-client.ts');
  let sent: string[] = [];
  let commands: Record<string, CommandCount> = {};
  const stack = documentClient().middlewareStack;
  // A runtime started again on the same port keeps the client: count once, with this counter.
  stack.remove('benchCountRequests');
  stack.remove('benchConsumedCapacity');
  stack.add(
    (next, context) => async (args) => {
      sent.push((context.commandName ?? 'unknown').replace('Command', ''));
      return next(args);
    },
    { step: 'finalizeRequest', name: 'benchCountRequests' },
  );
  stack.add(
    (next, context) => async (args) => {
      (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity = 'INDEXES';
      const result = await next(args);
      const name = (context.commandName ?? 'unknown').replace('Command', '');
      const entry = (commands[name] ??= { count: 0, tableUnits: 0, indexUnits: 0 });
      entry.count += 1;
      for (const consumed of [(result.output as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] }).ConsumedCapacity ?? []].flat()) {
        entry.tableUnits += consumed.Table?.CapacityUnits ?? 0;
        entry.indexUnits += unitsOf(consumed.GlobalSecondaryIndexes) + unitsOf(consumed.LocalSecondaryIndexes);
      }
      return result;
    },
    { step: 'initialize', name: 'benchConsumedCapacity' },
  );
  return {
    reset() {
      sent = [];
      commands = {};
    },
    sent: () => [...sent],
    count() {
      const total = (kinds: Set<string>, field: 'count' | 'units') =>
        Object.entries(commands)
          .filter(([name]) => kinds.has(name))
          .reduce((sum, [, entry]) => sum + (field === 'count' ? entry.count : entry.tableUnits + entry.indexUnits), 0);
      return { commands: structuredClone(commands), reads: total(READS, 'count'), writes: total(WRITES, 'count'), readUnits: total(READS, 'units'), writeUnits: total(WRITES, 'units') };
    },
  };
}

/** Runs `work` on `items` with at most `limit` at once. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index]!, index);
      }
    }),
  );
}

async function startRuntime(table: string): Promise<LocalRuntime> {
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  process.env.TABLE_NAME = table;
  delete process.env.SHIPROCKET_BASE_URL;
  // `jobs: false` keeps the runtime's own sync timer (when it has one) out of the counts.
  const options = { apiPort: await freePort(), dynamoPort: await freePort(), shiprocketSimPort: await freePort(), jobs: false };
  return startLocalRuntime(options);
}

const DIMENSIONS = { weightKg: 0.5, lengthCm: 20, breadthCm: 15, heightCm: 5 };
const ADDRESS = { name: 'Asha Rao', phone: '+91 98450 12345', line1: '12 MG Road', city: 'Bengaluru', state: 'Karnataka', postalCode: '560001', country: 'India' };

/** A courier order at the simulator for the parcel, through the app's Shiprocket client: create, AWB, pickup, label. */
async function courierOrderFor(parcelId: string, placedAt: string): Promise<Omit<CourierShipment, 'statusCode' | 'statusLabel' | 'lastSyncedAt' | 'cancelledAt' | 'scans' | 'exception' | 'progress' | 'attempt' | 'lastEventAt' | 'etd'>> {
  const { shiprocket } = await import('../functions/courier/shiprocket-client.ts');
  const api = shiprocket();
  const sellingPrice = 2623.95;
  const made = await api.createOrder({
    channelOrderId: parcelId,
    orderDate: placedAt,
    pickupLocation: 'Primary',
    billing: { ...ADDRESS, email: 'no-email@example.com' },
    shipping: ADDRESS,
    items: [{ name: 'Handloom saree', sku: 'SAREE-1', units: 1, sellingPrice, tax: 5, hsn: '5208' }],
    paymentMethod: 'Prepaid',
    subTotal: sellingPrice,
    ...DIMENSIONS,
  });
  const awb = await api.assignAwb(made.shipmentId);
  const pickup = await api.requestPickup(made.shipmentId);
  const label = await api.generateLabel(made.shipmentId);
  return {
    provider: 'shiprocket',
    orderId: made.orderId,
    channelOrderId: parcelId,
    shipmentId: made.shipmentId,
    awb: awb.awb,
    courierId: awb.courierId,
    courierName: awb.courierName,
    pickupLocation: 'Primary',
    ...DIMENSIONS,
    labelUrl: label.labelUrl,
    pickupScheduledAt: pickup.pickupScheduledAt ?? awb.pickupScheduledAt,
  };
}

/** One live shipment made by the app's own code path: order, parcel, courier order, parcel `processed` with its shipment. */
async function seedThroughApp(): Promise<{ orderId: string; itemId: string; parcelId: string; awb: string }> {
  const { createOrder } = await import('../functions/domain/orders/create-order.ts');
  const { createParcel } = await import('../functions/domain/parcels/create-parcel.ts');
  const { applyStatusChange } = await import('../functions/domain/parcels/apply-status-change.ts');
  const { readParcel } = await import('../functions/storage/parcels-table.ts');
  const { order } = await createOrder({
    customerId: 'bench-customer',
    paymentMethod: 'prepaid',
    currency: 'INR',
    shippingAddress: ADDRESS,
    items: [{ sellerId: SELLER, productName: 'Handloom saree', sku: 'SAREE-1', quantity: 1, unitPrice: 249_900, taxPercent: 5, hsn: '5208', returnable: true, returnWindowDays: 7 }],
  });
  const itemId = order.items[0]!.id;
  const { parcel } = await createParcel({ orderId: order.id, itemIds: [itemId] }, { role: 'seller', id: SELLER });
  const shipment = await courierOrderFor(parcel.id, order.placedAt);
  const courier: CourierShipment = {
    ...shipment,
    statusCode: 3,
    statusLabel: 'Pickup Scheduled/Generated',
    etd: null,
    lastSyncedAt: null,
    cancelledAt: null,
    scans: [],
    exception: null,
    progress: 'complete',
    attempt: 1,
    lastEventAt: null,
  };
  const stored = await readParcel(parcel.id);
  await applyStatusChange(stored!, { to: 'processed', source: 'seller', actor: SELLER, note: `Shiprocket AWB ${shipment.awb} (${shipment.courierName})`, set: { courier, shippingMethod: 'shiprocket' } });
  return { orderId: order.id, itemId, parcelId: parcel.id, awb: shipment.awb! };
}

type RawRecord = Record<string, unknown> & { pk: string; sk: string };

/**
 * `count` live courier shipments of one seller, one item each, answering their AWBs (the app-made
 * one first) and how many the live-shipments index holds per segment. The first is made by the
 * app's code path (`seedThroughApp`). The others are its two records (the parcel, its item) read
 * back raw and written again with fresh ids (ULIDs, replaced wherever they occur) and their own
 * courier order at the simulator (the app's client, 4 calls), 24 records a BatchWriteItem, without
 * the live-shipment index keys; then `writeParcelChange` writes each parcel once more as it is, which
 * sets those keys exactly as the app does (one UpdateItem). Why not the domain functions for all:
 * DynamoDB Local takes ~10 ms per transactional write on this machine, and order, parcel and
 * shipment are 3 of them, so 10k shipments that way take ~5 minutes.
 * Checked afterwards: the live-shipments index holds exactly `count` shipments, in every segment.
 */
async function seedLiveShipments(count: number): Promise<{ awbs: string[]; perSegment: number[] }> {
  const { GetCommand, QueryCommand, BatchWriteCommand } = await import('@aws-sdk/lib-dynamodb');
  const { documentClient, tableName } = await import('../functions/storage/dynamo-client.ts');
  const { listLiveShipments, readParcel, writeParcelChange } = await import('../functions/storage/parcels-table.ts');
  const { INDEXES } = await import('../functions/storage/table-design.ts');
  const { LIVE_SHIPMENT_SEGMENTS, orderPartition, parcelKey } = await import('../functions/storage/keys.ts');
  const { newId } = await import('../functions/domain/ids.ts');
  const db = documentClient();

  const template = await seedThroughApp();
  const parcelRecord = (await db.send(new GetCommand({ TableName: tableName(), Key: parcelKey(template.parcelId), ConsistentRead: true }))).Item as RawRecord;
  const itemRecords = (await db.send(new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': orderPartition(template.orderId) }, ConsistentRead: true }))).Items as RawRecord[];
  if (itemRecords.length !== 1) throw new Error(`The template order has ${itemRecords.length} records, expected its one item`);
  // The live-shipment keys are left to writeParcelChange.
  for (const index of [INDEXES.byAwb, INDEXES.liveShipments]) {
    delete parcelRecord[index.partitionKey];
    delete parcelRecord[index.sortKey];
  }
  const templateStored = (await readParcel(template.parcelId))!;
  const listKey = String(itemRecords[0]!.bySellerSk).split('#')[0]!;
  const templateJson = JSON.stringify({ parcel: parcelRecord, item: itemRecords[0], stored: templateStored });

  type Clone = { awb: string; stored: typeof templateStored };
  const clones: Clone[] = [];
  let pending: RawRecord[] = [];
  const flush = async (records: RawRecord[]) => {
    let requests: unknown[] | undefined = records.map((Item) => ({ PutRequest: { Item } }));
    while (requests && requests.length > 0) {
      const output: { UnprocessedItems?: Record<string, unknown[]> } = await db.send(new BatchWriteCommand({ RequestItems: { [tableName()]: requests as never } }));
      requests = output.UnprocessedItems?.[tableName()];
    }
  };
  await pool(Array.from({ length: count - 1 }, (_, i) => i), SEED_CONCURRENCY, async () => {
    const ids = { parcelId: newId(), orderId: newId(), itemId: newId(), listKey: newId() };
    const shipment = await courierOrderFor(ids.parcelId, String(itemRecords[0]!.placedAt));
    const json = templateJson
      .replaceAll(template.parcelId, ids.parcelId)
      .replaceAll(template.orderId, ids.orderId)
      .replaceAll(template.itemId, ids.itemId)
      .replaceAll(listKey, ids.listKey)
      .replaceAll(template.awb, shipment.awb!);
    const { parcel, item, stored } = JSON.parse(json) as { parcel: RawRecord; item: RawRecord; stored: typeof templateStored };
    parcel.courier = { ...(parcel.courier as CourierShipment), ...shipment };
    stored.parcel.courier = { ...stored.parcel.courier!, ...shipment };
    clones.push({ awb: shipment.awb!, stored });
    pending.push(parcel, item);
    if (pending.length >= SEED_BATCH) {
      const batch = pending;
      pending = [];
      await flush(batch);
    }
  });
  await flush(pending);
  await pool(clones, SEED_CONCURRENCY, async ({ stored }) => {
    if ((await writeParcelChange(stored, { parcel: stored.parcel })) !== 'written') throw new Error(`Seeding: parcel ${stored.parcel.id} was not written`);
  });

  const perSegment: number[] = [];
  for (let segment = 0; segment < LIVE_SHIPMENT_SEGMENTS; segment++) {
    let after: Record<string, string> | undefined;
    let found = 0;
    do {
      // '9999' sorts after every time: all shipments, whenever they last changed.
      const page = await listLiveShipments(segment, after, 1_000, '9999');
      found += page.shipments.length;
      after = page.next;
    } while (after);
    perSegment.push(found);
  }
  const indexed = perSegment.reduce((sum, n) => sum + n, 0);
  if (indexed !== count || (count >= 100 * LIVE_SHIPMENT_SEGMENTS && perSegment.some((n) => n === 0))) {
    throw new Error(`Seeded ${count} live shipments but the live-shipments index holds ${perSegment.join(' + ')}`);
  }
  return { awbs: [template.awb, ...clones.map((clone) => clone.awb)], perSegment };
}

/**
 * One run of the scheduled job's handler, given ample time (a whole pass, no early stop). Not the
 * runtime's `runJob`: it gives the run the job's 120-s timeout, and DynamoDB Local is slower than
 * DynamoDB, so a pass could be cut short here where it would not be in AWS.
 */
async function runSync(runtime: LocalRuntime, counter: Counter): Promise<SyncPass> {
  const { handler } = await import('../functions/handlers/jobs/sync-courier-tracking.ts');
  const simulator = runtime.shiprocketSimulator!;
  const loginsBefore = simulator.loginCount();
  const since = new Date().toISOString();
  counter.reset();
  const started = performance.now();
  const deadline = Date.now() + 30 * 60_000;
  const report = await handler({}, { getRemainingTimeInMillis: () => deadline - Date.now() });
  const wallMs = Math.round(performance.now() - started);
  const dynamo = counter.count();
  const calls = simulator.requests().filter((call) => call.at >= since);
  if (calls.length >= SIMULATOR_LOG) throw new Error(`${calls.length} courier calls in one run: the simulator's log (last ${SIMULATOR_LOG}) cannot count them`);
  const courierCalls = calls.filter((call) => call.method === 'POST' && call.path.endsWith('/courier/track/awbs')).length;
  return { report, courierCalls, logins: simulator.loginCount() - loginsBefore, dynamo, wallMs };
}

/**
 * Seeds `count` live shipments, runs the sync once (each shipment's first tracking is written),
 * moves 30% at the simulator without webhooks (two in three picked up: the parcel ships and its
 * item follows; one in three out for pickup: courier details only) and measures the next run.
 */
export async function measureCourierSync(count = 10_000): Promise<CourierSyncBench> {
  const runtime = await startRuntime('bench-courier-sync');
  const simulator = runtime.shiprocketSimulator!;
  try {
    const counter = await countDynamo();
    const seedStarted = performance.now();
    const { awbs, perSegment } = await seedLiveShipments(count);
    const seedMs = Math.round(performance.now() - seedStarted);

    const first = await runSync(runtime, counter);
    const moving = awbs.filter((_, i) => i % 10 < 3);
    await pool(moving, 32, async (awb, i) => {
      await simulator.setShipmentStatus(awb, i % 3 === 2 ? 19 : 42, { webhook: false });
    });
    const measured = await runSync(runtime, counter);
    return { count, seedMs, targetCalls: Math.ceil(count / AWBS_PER_CALL), perSegment, first, moved: moving.length, measured };
  } finally {
    await runtime.stop();
  }
}

/**
 * POST /webhooks/courier for one live shipment: the simulator's push of a new status (picked up),
 * the same body again (a duplicate), and the body with an AWB that is not live here.
 */
export async function measureWebhookRoundTrips(): Promise<WebhookRoundTrips> {
  const runtime = await startRuntime('bench-courier-webhook');
  const simulator = runtime.shiprocketSimulator!;
  try {
    const counter = await countDynamo();
    const [awb] = (await seedLiveShipments(1)).awbs;
    const counted = (status: number): WebhookCall => {
      const { readUnits, writeUnits } = counter.count();
      return { status, commands: counter.sent(), readUnits, writeUnits };
    };
    const post = async (body: unknown) => {
      counter.reset();
      const response = await fetch(`${runtime.apiUrl}/webhooks/courier`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': LOCAL_WEBHOOK_TOKEN },
        body: JSON.stringify(body),
      });
      await response.arrayBuffer();
      return counted(response.status);
    };

    counter.reset();
    const pushed = await simulator.setShipmentStatus(awb!, 42);
    if (!pushed.webhook.sent || pushed.webhook.status === undefined) throw new Error(`The simulator's push failed: ${JSON.stringify(pushed.webhook)}`);
    const first = counted(pushed.webhook.status);
    const payload = simulator.webhookDeliveries().at(-1)!.payload;
    const duplicate = await post(payload);
    const unknown = await post({ ...payload, awb: 'NOT-LIVE-HERE-1' });
    return { first, duplicate, unknown };
  } finally {
    await runtime.stop();
  }
}
