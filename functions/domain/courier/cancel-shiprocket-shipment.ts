import type { ShiprocketApi } from '#courier/shiprocket-api.ts';
import { shiprocket } from '#courier/shiprocket-client.ts';
import { readParcel, writeParcelChange } from '#storage/parcels-table.ts';
import { isInScope } from '../access.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { changedMeanwhile } from '../parcels/apply-status-change.ts';
import type { Parcel, ParcelEvent } from '../parcels/parcel-types.ts';
import type { Principal } from '../principal.ts';
import { isShiprocketError, upstreamFailure } from './courier-failures.ts';
import { courierStatusOf, isBeforePickup } from './courier-status.ts';

/** Statuses the courier reports once it has the parcel: too late to cancel. */
function pickedUp(code: number | null): boolean {
  const moves = code === null ? undefined : courierStatusOf(code).moves;
  return moves !== undefined && moves !== 'processed';
}

/**
 * Cancel Shiprocket Parcel: before pickup only. The courier order is cancelled at Shiprocket (an
 * unfinished create's order is looked up first), then the parcel records `courier.cancelledAt` and
 * has no shipping method: the seller may choose again.
 */
export async function cancelShiprocketShipment(parcelId: string, principal: Principal, api: ShiprocketApi = shiprocket()): Promise<Parcel> {
  const stored = await readParcel(parcelId);
  if (!stored || !isInScope(stored.parcel, principal) || principal.role === 'delivery') throw new NotFoundError(`Parcel ${parcelId} not found.`);
  const { parcel } = stored;
  const courier = parcel.courier;
  if (!courier || courier.cancelledAt !== null) throw new ConflictError(`Parcel ${parcelId} has no live courier shipment to cancel.`);
  if (!isBeforePickup(parcel.status) || pickedUp(courier.statusCode)) {
    throw new ConflictError(`Parcel ${parcelId} has been picked up by the courier (${courier.statusLabel ?? parcel.status}); it can no longer be cancelled.`);
  }
  try {
    const orderId = courier.orderId ?? (await api.findOrder(courier.channelOrderId))?.orderId;
    if (orderId) await api.cancelOrder(orderId);
  } catch (error) {
    if (!isShiprocketError(error)) throw error;
    if (error.failure === 'rejected') throw new ConflictError(`Shiprocket refused to cancel: ${error.message}`);
    throw upstreamFailure(error, 'the cancellation; the shipment is unchanged, retry');
  }
  const at = new Date().toISOString();
  const event: ParcelEvent = { at, status: parcel.status, source: principal.role === 'admin' ? 'admin' : 'seller', actor: principal.id, note: 'Shiprocket order cancelled', noteVisibleToCustomer: false };
  const next: Parcel = { ...parcel, courier: { ...courier, cancelledAt: at }, shippingMethod: null, updatedAt: at, events: [...parcel.events, event] };
  if ((await writeParcelChange(stored, { parcel: next, event })) === 'stale') throw changedMeanwhile(parcelId);
  return next;
}
