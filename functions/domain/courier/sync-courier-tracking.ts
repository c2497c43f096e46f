import type { ShiprocketApi } from '#courier/shiprocket-api.ts';
import { shiprocket } from '#courier/shiprocket-client.ts';
import { readSyncCursor, writeSyncCursor, type SyncCursor } from '#storage/courier-sync-table.ts';
import { LIVE_SHIPMENT_SEGMENTS } from '#storage/keys.ts';
import { listLiveShipments, type StoredParcel } from '#storage/parcels-table.ts';
import { applyCourierStatus } from './apply-courier-status.ts';
import { courierUpdateOf } from './courier-update.ts';

/** Shiprocket's bulk tracking takes at most 50 AWBs a call. */
export const AWBS_PER_CALL = 50;
/** Bulk calls in flight at once: bounded, to stay inside Shiprocket's (unpublished) rate limits. */
const PARALLEL_CALLS = 4;
/** Live shipments read per Query: one wave of bulk calls. */
const PAGE_SIZE = AWBS_PER_CALL * PARALLEL_CALLS;

export interface SyncReport {
  read: number;
  courierCalls: number;
  /** Shipments whose courier details or status changed (each one write). */
  changed: number;
  /** Shipments that could not be tracked or written this run: the next run tries them again. */
  failed: number;
  /** false: the run stopped for time and saved where it got to. */
  complete: boolean;
}

export interface SyncBudget {
  /** Time left in the invocation. */
  remainingMs: () => number;
  /** Stop (and save the cursor) when less than this is left. */
  stopWithMs: number;
}

const chunked = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * The scheduled sync: every live courier shipment (least recently changed first, segment after
 * segment), tracked in full bulk calls of 50 AWBs, 4 calls at a time, applied through the one
 * courier-status path (so only what changed is written, and never backwards). A shipment that
 * fails (tracking or writing) does not stop the others; between waves, a run short of time saves
 * where it is and the next run continues from there.
 */
export async function syncCourierTracking(budget: SyncBudget, api: ShiprocketApi = shiprocket()): Promise<SyncReport> {
  const report: SyncReport = { read: 0, courierCalls: 0, changed: 0, failed: 0, complete: false };
  let cursor: SyncCursor = (await readSyncCursor()) ?? { segment: 0 };
  const outOfTime = () => budget.remainingMs() < budget.stopWithMs;

  const track = async (batch: StoredParcel[]) => {
    report.courierCalls += 1;
    const tracking = await api.trackAwbs(batch.map((stored) => stored.parcel.courier!.awb!)).catch(() => undefined);
    if (!tracking) {
      report.failed += batch.length;
      return;
    }
    for (const stored of batch) {
      const snapshot = tracking.get(stored.parcel.courier!.awb!);
      const update = snapshot && courierUpdateOf(snapshot, 'sync');
      if (!update) continue;
      try {
        if ((await applyCourierStatus(stored, update)).outcome === 'applied') report.changed += 1;
      } catch {
        report.failed += 1;
      }
    }
  };

  // Shipments changed in this run move to the end of their segment: reads stop before them.
  const runStartedAt = new Date().toISOString();
  let pending: StoredParcel[] = [];
  const wave = AWBS_PER_CALL * PARALLEL_CALLS;
  while (cursor.segment < LIVE_SHIPMENT_SEGMENTS || pending.length > 0) {
    if (outOfTime()) {
      await Promise.all(chunked(pending, AWBS_PER_CALL).map(track));
      await writeSyncCursor(cursor, new Date().toISOString());
      return report;
    }
    // Read on, across segments, until a wave of full bulk calls is ready, the list ends, or time runs short.
    let shortOfTime = false;
    while (pending.length < wave && cursor.segment < LIVE_SHIPMENT_SEGMENTS) {
      if (pending.length > 0 && outOfTime()) {
        shortOfTime = true;
        break;
      }
      const page = await listLiveShipments(cursor.segment, cursor.after, PAGE_SIZE, runStartedAt);
      report.read += page.shipments.length;
      pending.push(...page.shipments);
      cursor = page.next ? { segment: cursor.segment, after: page.next } : { segment: cursor.segment + 1 };
    }
    const listEnded = cursor.segment >= LIVE_SHIPMENT_SEGMENTS;
    // Only full calls while more is to come; the rest waits for the next wave.
    const take = listEnded || shortOfTime ? pending.length : Math.min(wave, Math.floor(pending.length / AWBS_PER_CALL) * AWBS_PER_CALL);
    const batch = pending.slice(0, take);
    pending = pending.slice(take);
    await Promise.all(chunked(batch, AWBS_PER_CALL).map(track));
    if (shortOfTime) {
      await writeSyncCursor(cursor, new Date().toISOString());
      return report;
    }
  }
  await writeSyncCursor(undefined, new Date().toISOString());
  return { ...report, complete: true };
}
