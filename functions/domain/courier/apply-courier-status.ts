import { writeParcelChange, type StoredParcel } from '#storage/parcels-table.ts';
import { applyStatusChange, changedMeanwhile } from '../parcels/apply-status-change.ts';
import { canMove, type EventSource } from '../parcels/parcel-status.ts';
import { hasLiveCourierShipment, type Parcel, type ParcelEvent } from '../parcels/parcel-types.ts';
import { courierStatusOf } from './courier-status.ts';

export interface CourierStatusUpdate {
  /** Shiprocket's shipment status code. */
  code: number;
  /** Shiprocket's own words for it, when it sent some. */
  label?: string | null;
  /** When the courier says it happened (ISO UTC). */
  at: string;
  source: Extract<EventSource, 'webhook' | 'sync' | 'refresh'>;
}

/**
 * The one function that applies a courier status to a parcel, for refresh (and the webhook and
 * sync): the courier details always take the new code; the parcel's status moves only where the
 * state machine lets a courier source move it; a cancellation at the courier ends the shipment
 * (the seller may ship again). Answers the parcel as written (unchanged without a live shipment).
 */
export async function applyCourierStatus(stored: StoredParcel, update: CourierStatusUpdate): Promise<Parcel> {
  const { parcel } = stored;
  if (!parcel.courier || !hasLiveCourierShipment(parcel)) return parcel;
  const meaning = courierStatusOf(update.code);
  const now = new Date().toISOString();
  const label = update.label ?? meaning.label;
  const courier = { ...parcel.courier, statusCode: update.code, statusLabel: label, lastSyncedAt: now };

  if (meaning.cancelled) {
    const event: ParcelEvent = { at: update.at, status: parcel.status, source: update.source, actor: null, note: `Courier: ${label}`, noteVisibleToCustomer: false };
    const next: Parcel = { ...parcel, courier: { ...courier, cancelledAt: update.at }, shippingMethod: null, updatedAt: now, events: [...parcel.events, event] };
    return written(stored, next, event);
  }
  const target = meaning.moves;
  if (target && target !== parcel.status && canMove(parcel.status, target, update.source)) {
    return applyStatusChange(stored, { to: target, source: update.source, actor: null, note: `Courier: ${label}`, noteVisibleToCustomer: true, at: update.at, set: { courier } });
  }
  return written(stored, { ...parcel, courier, updatedAt: now });
}

async function written(stored: StoredParcel, next: Parcel, event?: ParcelEvent): Promise<Parcel> {
  if ((await writeParcelChange(stored, { parcel: next, event })) === 'stale') throw changedMeanwhile(next.id);
  return next;
}
