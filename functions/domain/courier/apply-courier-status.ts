import { readParcel, writeParcelChange, type StoredParcel } from '#storage/parcels-table.ts';
import { applyStatusChange, changedMeanwhile } from '../parcels/apply-status-change.ts';
import { ConflictError } from '../errors.ts';
import { canMove, type EventSource } from '../parcels/parcel-status.ts';
import { hasLiveCourierShipment, MAX_COURIER_SCANS, type CourierScan, type CourierShipment, type Parcel, type ParcelEvent } from '../parcels/parcel-types.ts';
import { courierStatusOf } from './courier-status.ts';

export interface CourierStatusUpdate {
  /** Shiprocket's shipment status code. */
  code: number;
  /** Shiprocket's own words for it, when it sent some. */
  label?: string | null;
  /** When the courier says it happened (ISO UTC); it orders updates, whatever their arrival. Without one, the same code again is a duplicate. */
  at?: string;
  source: Extract<EventSource, 'webhook' | 'sync' | 'refresh'>;
  /** Carrier scans that came with it (any order). */
  scans?: readonly CourierScan[];
}

export type CourierStatusOutcome = 'applied' | 'duplicate' | 'older' | 'no-live-shipment';

const scanKey = (scan: CourierScan) => `${scan.at}|${scan.code}|${scan.activity}|${scan.location}`;

/** Known scans and new ones, once each, newest first, bounded. */
function mergedScans(known: readonly CourierScan[], incoming: readonly CourierScan[]): CourierScan[] {
  const byKey = new Map([...known, ...incoming].map((scan) => [scanKey(scan), scan]));
  return [...byKey.values()].sort((a, b) => b.at.localeCompare(a.at)).slice(0, MAX_COURIER_SCANS);
}

/**
 * The one function that applies a courier status to a parcel, for refresh, the webhook and the
 * sync. Updates are ordered by the courier's own time: an older one than the newest applied is
 * ignored, the same code at the same time again is a duplicate (no write). The courier details
 * take the new code, its scans and any exception; the parcel's status moves only where the state
 * machine lets a courier source move it; a cancellation at the courier ends the shipment (the
 * seller may ship again). One version-conditioned write; a concurrent change makes it decide again
 * on a fresh read, so the same update from two sources lands once.
 */
export async function applyCourierStatus(stored: StoredParcel, update: CourierStatusUpdate): Promise<{ parcel: Parcel; outcome: CourierStatusOutcome }> {
  try {
    return await applyOnce(stored, update);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const fresh = await readParcel(stored.parcel.id);
    if (!fresh) throw error;
    return applyOnce(fresh, update);
  }
}

async function applyOnce(stored: StoredParcel, update: CourierStatusUpdate): Promise<{ parcel: Parcel; outcome: CourierStatusOutcome }> {
  const { parcel } = stored;
  const current = parcel.courier;
  if (!current || !hasLiveCourierShipment(parcel)) return { parcel, outcome: 'no-live-shipment' };
  const now = new Date().toISOString();
  if (update.at === undefined && current.statusCode === update.code) return { parcel, outcome: 'duplicate' };
  // Only the courier's own times order its events: an update without one is applied now, but never
  // moves the ordering mark (server time and courier time are different clocks).
  const at = update.at ?? now;
  if (update.at !== undefined && current.lastEventAt !== null && update.at < current.lastEventAt) return { parcel, outcome: 'older' };
  if (current.lastEventAt === at && current.statusCode === update.code) return { parcel, outcome: 'duplicate' };

  const meaning = courierStatusOf(update.code);
  const label = update.label ?? meaning.label;
  const courier: CourierShipment = {
    ...current,
    statusCode: update.code,
    statusLabel: label,
    lastSyncedAt: now,
    lastEventAt: update.at ?? current.lastEventAt,
    scans: mergedScans(current.scans, update.scans ?? []),
    exception: meaning.exception ? { code: update.code, label, at } : null,
  };
  const note = `Courier: ${label}`;

  if (meaning.cancelled) {
    const event: ParcelEvent = { at, status: parcel.status, source: update.source, actor: null, note, noteVisibleToCustomer: false };
    const next: Parcel = { ...parcel, courier: { ...courier, cancelledAt: at }, shippingMethod: null, updatedAt: now, events: [...parcel.events, event] };
    return { parcel: await written(stored, next, event), outcome: 'applied' };
  }
  const target = meaning.moves;
  if (target && target !== parcel.status && canMove(parcel.status, target, update.source)) {
    const moved = await applyStatusChange(stored, { to: target, source: update.source, actor: null, note, noteVisibleToCustomer: true, at, set: { courier } });
    return { parcel: moved, outcome: 'applied' };
  }
  return { parcel: await written(stored, { ...parcel, courier, updatedAt: now }), outcome: 'applied' };
}

async function written(stored: StoredParcel, next: Parcel, event?: ParcelEvent): Promise<Parcel> {
  if ((await writeParcelChange(stored, { parcel: next, event })) === 'stale') throw changedMeanwhile(next.id);
  return next;
}
