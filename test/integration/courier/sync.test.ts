/**
 * The scheduled courier sync (functions/handlers/jobs/sync-courier-tracking.ts) against DynamoDB
 * Local and the Shiprocket simulator, run as the local runtime runs it (`runJob`), over shipments
 * made through the API. The courier's side moves with the simulator's `setShipmentStatus`, mostly
 * with `webhook: false` so that only the sync can learn of it. Each test ends its shipments at the
 * courier (cancelled by webhook), so the next one starts with no live shipment.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS } from '../../../functions/courier/shiprocket-http.ts';
import { courierStatusOf } from '../../../functions/domain/courier/courier-status.ts';
import { AWBS_PER_CALL } from '../../../functions/domain/courier/sync-courier-tracking.ts';
import { canMove, type ParcelStatus } from '../../../functions/domain/parcels/parcel-status.ts';
import { handler as syncHandler, STOP_WITH_MS } from '../../../functions/handlers/jobs/sync-courier-tracking.ts';
import { LOCAL_WEBHOOK_TOKEN } from '../../../local/runtime.ts';
import { inPool, makeShipments, parcelStates, startSyncRuntime, trackCallsSince, type Shipment, type SyncRuntime } from './sync-support.ts';

/** What a fresh shipment is: `POST .../shiprocket` leaves the parcel processed, at pickup scheduled. */
const FRESH = { status: 'processed' as ParcelStatus, statusCode: 3 };
/** Codes the courier reports in the tests: picked up, in transit, out for delivery, delivered, undelivered, RTO initiated, lost. */
const CODES = [42, 18, 17, 7, 21, 9, 12];

/** Where the status table and the state machine take a parcel at `from` when the sync reads `code`. */
function expectedStatus(from: ParcelStatus, code: number): ParcelStatus {
  const { moves } = courierStatusOf(code);
  return moves && moves !== from && canMove(from, moves, 'sync') ? moves : from;
}

let env: SyncRuntime;
beforeAll(async () => {
  env = await startSyncRuntime();
}, 60_000);
afterAll(async () => {
  await env?.stop();
});

/** Shipments of the running test, ended at the courier afterwards. */
let toEnd: Shipment[] = [];
async function shipments(count: number): Promise<Shipment[]> {
  const added = await makeShipments(env, count);
  toEnd.push(...added);
  return added;
}

afterEach(async () => {
  env.simulator.clearFaults();
  // Cancelled at the courier (a minute ahead, so never older than what a test applied): the parcels leave the live index.
  const at = new Date(Date.now() + 60_000);
  await inPool(toEnd, 16, ({ awb }) => env.simulator.setShipmentStatus(awb, 8, { at }));
  toEnd = [];
  const report = await env.sync();
  expect(report, 'live shipments left by the test').toMatchObject({ read: 0, complete: true });
}, 60_000);

/** Moves each shipment to its code at the courier, without a webhook. */
const moveAtCourier = (moves: readonly { awb: string; code: number }[]) =>
  inPool(moves, 16, ({ awb, code }) => env.simulator.setShipmentStatus(awb, code, { webhook: false }));

const trackCalls = (since: string) => trackCallsSince(env.simulator, since);
const now = () => new Date().toISOString();

describe('the courier sync (runJob)', () => {
  it('brings 500 shipments moved at the courier to what the status table and the state machine say; a second run writes nothing', async () => {
    const count = 500;
    const made = await shipments(count);
    const moves = made.map((shipment) => ({ ...shipment, code: CODES[Math.floor(Math.random() * CODES.length)]! }));
    await moveAtCourier(moves);
    const before = await parcelStates(made);
    const since = now();

    const report = await env.sync();

    expect(report).toMatchObject({ read: count, changed: count, failed: 0, complete: true });
    expect(trackCalls(since)).toHaveLength(report.courierCalls);
    // Full bulk calls of 50 AWBs.
    expect(report.courierCalls).toBe(Math.ceil(count / AWBS_PER_CALL));
    const after = await parcelStates(made);
    for (const { parcelId, code } of moves) {
      const status = expectedStatus(FRESH.status, code);
      expect(after.get(parcelId), `${parcelId} at code ${code}`).toMatchObject({ status, statusCode: code, version: before.get(parcelId)!.version + 1 });
      // A status move is one event; courier details alone (lost: no move) are none.
      expect(after.get(parcelId)!.events - before.get(parcelId)!.events).toBe(status === FRESH.status ? 0 : 1);
    }

    const again = await env.sync();
    expect(again).toMatchObject({ changed: 0, failed: 0, complete: true });
    expect(await parcelStates(made)).toEqual(after);
  }, 180_000);

  // Known bug (functions/domain/courier/sync-courier-tracking.ts): each segment's page is cut into batches of its
  // own, so a pass makes one call per non-empty segment at least (sum of ceil(n/50) per segment), not ceil(N/50).
  it('moves the items with the parcel when it learns of a delivery (its index copy has no items: the parcel is read whole first), and leaves the history whole', async () => {
    const [shipment] = await shipments(1);
    await moveAtCourier([{ awb: shipment!.awb, code: 7 }]);
    const before = (await parcelStates([shipment!])).get(shipment!.parcelId)!;
    expect(await env.sync()).toMatchObject({ changed: 1, failed: 0 });
    const { readParcel } = await import('../../../functions/storage/parcels-table.ts');
    const parcel = (await readParcel(shipment!.parcelId))!.parcel;
    expect(parcel.status).toBe('delivered');
    expect(parcel.events).toHaveLength(before.events + 1);
    const order = await env.call('GET', `/orders/${parcel.orderId}`, { as: ['admin', 'admin-1'] });
    expect(order.body.items).toEqual([expect.objectContaining({ status: 'delivered', deliveredAt: parcel.events.at(-1)!.at, parcelId: parcel.id })]);
    expect(parcel.items).toEqual([expect.objectContaining({ status: 'delivered', deliveredAt: parcel.events.at(-1)!.at })]);
  });

  it('fills its bulk calls: 10 live shipments take one courier call, not one per segment of the live index', async () => {
    const count = 10;
    await moveAtCourier((await shipments(count)).map(({ awb }) => ({ awb, code: 18 })));
    const report = await env.sync();
    expect(report).toMatchObject({ read: count, changed: count, failed: 0, complete: true });
    expect(report.courierCalls).toBe(Math.ceil(count / AWBS_PER_CALL));
  }, 60_000);

  it(`counts the shipments of a bulk call that failed after the client's ${MAX_ATTEMPTS} attempts as failed, updates the others, and the failed ones on the next run`, async () => {
    // At most 50 shipments a segment of the live index: one bulk call per segment, made one after the other,
    // so the fault's attempts all fall on the first call.
    const count = 40;
    const made = await shipments(count);
    await moveAtCourier(made.map(({ awb }) => ({ awb, code: 18 })));
    env.simulator.injectFaults({ kind: 'server-error', method: 'POST', path: '/courier/track/awbs', times: MAX_ATTEMPTS });
    const since = now();

    const report = await env.sync();

    expect(env.simulator.pendingFaults()).toEqual([]);
    expect(trackCalls(since).filter((request) => request.fault === 'server-error')).toHaveLength(MAX_ATTEMPTS);
    const states = await parcelStates(made);
    const updated = made.filter(({ parcelId }) => states.get(parcelId)!.statusCode === 18);
    const untouched = made.filter(({ parcelId }) => states.get(parcelId)!.statusCode === FRESH.statusCode);
    expect(updated.length + untouched.length).toBe(count);
    expect(untouched.length).toBeGreaterThan(0);
    expect(report).toMatchObject({ read: count, changed: updated.length, failed: untouched.length, complete: true });
    for (const { parcelId } of updated) expect(states.get(parcelId)!.status).toBe('shipped');
    for (const { parcelId } of untouched) expect(states.get(parcelId)!.status).toBe(FRESH.status);

    const next = await env.sync();
    expect(next).toMatchObject({ changed: untouched.length, failed: 0, complete: true });
    const finished = await parcelStates(made);
    for (const { parcelId } of made) expect(finished.get(parcelId)).toMatchObject({ status: 'shipped', statusCode: 18 });
  }, 60_000);

  it('stops after its first wave when its time is short (complete: false, cursor saved), and the next run finishes the rest, each shipment written once', async () => {
    const count = 40;
    const made = await shipments(count);
    await moveAtCourier(made.map(({ awb }) => ({ awb, code: 42 })));
    const before = await parcelStates(made);

    // The first look at the clock finds a little more than the margin left; each later look, a second later.
    let looks = 0;
    const shortOfTime = { getRemainingTimeInMillis: () => STOP_WITH_MS + 500 - 1_000 * looks++ };
    const first = await syncHandler({}, shortOfTime);

    expect(first.complete).toBe(false);
    expect(first.read).toBeGreaterThan(0);
    expect(first.read).toBeLessThan(count);
    expect(first).toMatchObject({ changed: first.read, failed: 0 });

    const rest = await env.sync();
    expect(rest).toMatchObject({ read: count - first.read, changed: count - first.read, failed: 0, complete: true });
    const after = await parcelStates(made);
    for (const { parcelId } of made) {
      const was = before.get(parcelId)!;
      expect(after.get(parcelId)).toMatchObject({ status: 'shipped', statusCode: 42, version: was.version + 1, events: was.events + 1 });
    }
    expect(await env.sync()).toMatchObject({ read: count, changed: 0, complete: true });
  }, 60_000);

  it('lands an update the webhook and the sync bring at the same time once: one event, the right status', async () => {
    const count = 30;
    const made = await shipments(count);
    // The courier's scans, at whole seconds (Shiprocket's times have none smaller) after the shipments' own scans.
    const second = Math.ceil(Date.now() / 1000) * 1000;
    const [outForDelivery, delivered] = [new Date(second + 1_000), new Date(second + 2_000)];
    const before = await parcelStates(made);

    // The webhook lands while the sync holds what it read: the sync's write finds the parcel changed, reads it again, and sees a duplicate.
    await inPool(made, 16, ({ awb }) => env.simulator.setShipmentStatus(awb, 17, { webhook: false, at: outForDelivery }));
    // The first bulk call is answered a second late; the other segments are read after the pushes landed.
    env.simulator.injectFaults({ kind: 'delay', method: 'POST', path: '/courier/track/awbs', delayMs: 1_000 });
    const since = now();
    let syncDone = false;
    const syncing = env.sync().finally(() => (syncDone = true));
    await expect.poll(() => trackCalls(since).length, { interval: 10, timeout: 5_000 }).toBeGreaterThan(0);
    const pushed = await Promise.all(made.map(({ awb }) => pushAsShiprocket(awb, 17, outForDelivery)));
    expect(syncDone, 'the sync was still waiting for its tracking').toBe(false);
    expect(pushed.map((answer) => answer.status)).toEqual(made.map(() => 200));
    expect(await syncing).toMatchObject({ read: count, changed: 0, failed: 0, complete: true });
    const middle = await parcelStates(made);
    for (const { parcelId } of made) {
      const was = before.get(parcelId)!;
      expect(middle.get(parcelId)).toMatchObject({ status: 'out_for_delivery', statusCode: 17, events: was.events + 1, version: was.version + 1 });
    }

    // Both at once, whoever comes first.
    await inPool(made, 16, ({ awb }) => env.simulator.setShipmentStatus(awb, 7, { webhook: false, at: delivered }));
    const [report, ...answers] = await Promise.all([env.sync(), ...made.map(({ awb }) => pushAsShiprocket(awb, 7, delivered))]);
    expect(answers.map((answer) => answer.status)).toEqual(made.map(() => 200));
    expect(report).toMatchObject({ failed: 0, complete: true });
    const after = await parcelStates(made);
    for (const { parcelId } of made) {
      const was = middle.get(parcelId)!;
      expect(after.get(parcelId)).toMatchObject({ status: 'delivered', statusCode: 7, events: was.events + 1, version: was.version + 1 });
    }
  }, 60_000);

  it('never moves a parcel back: delivered by webhook stays delivered, shipped and rto stay when the courier reports an earlier code later', async () => {
    const [delivered, shipped, returning] = await shipments(3) as [Shipment, Shipment, Shipment];
    for (const [{ awb }, code] of [[delivered, 7], [shipped, 18], [returning, 9]] as const) {
      expect((await env.simulator.setShipmentStatus(awb, code)).webhook).toMatchObject({ sent: true, status: 200 });
    }
    const before = await parcelStates([delivered, shipped, returning]);
    expect([delivered, shipped, returning].map(({ parcelId }) => before.get(parcelId)!.status)).toEqual(['delivered', 'shipped', 'rto']);

    // Later scans with earlier codes, which no webhook brings: in transit, pickup scheduled, in transit.
    await moveAtCourier([{ awb: delivered.awb, code: 18 }, { awb: shipped.awb, code: 3 }, { awb: returning.awb, code: 18 }]);
    const report = await env.sync();

    expect(report).toMatchObject({ failed: 0, complete: true });
    const after = await parcelStates([delivered, shipped, returning]);
    // Delivered is the journey's end: it is no longer a live shipment, the sync does not even read it.
    expect(after.get(delivered.parcelId)).toEqual(before.get(delivered.parcelId));
    for (const { parcelId } of [shipped, returning]) {
      expect(after.get(parcelId)!.status).toBe(before.get(parcelId)!.status);
      expect(after.get(parcelId)!.events).toBe(before.get(parcelId)!.events);
    }
  }, 60_000);
});

/** Shiprocket's tracking push of `code` at `at` for `awb` (the published shape, the fields the app reads), with the runtime's key. */
function pushAsShiprocket(awb: string, code: number, at: Date) {
  const ist = new Date(at.getTime() + 5.5 * 3_600_000).toISOString();
  const [date, time] = [ist.slice(0, 10), ist.slice(11, 19)];
  const [year, month, day] = date.split('-');
  const label = courierStatusOf(code).label.toUpperCase();
  return env.call('POST', '/webhooks/courier', {
    headers: { 'x-api-key': LOCAL_WEBHOOK_TOKEN },
    body: {
      awb,
      current_status: label,
      shipment_status: label,
      shipment_status_id: code,
      current_timestamp: `${day} ${month} ${year} ${time}`,
      scans: [{ date: `${date} ${time}`, status: 'X-OFD', activity: label, location: 'Bengaluru Delivery Centre', 'sr-status': String(code), 'sr-status-label': label }],
    },
  });
}
