import type { ShiprocketApi } from '#courier/shiprocket-api.ts';
import { shiprocket } from '#courier/shiprocket-client.ts';
import { readParcel } from '#storage/parcels-table.ts';
import { isInScope } from '../access.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import type { Parcel } from '../parcels/parcel-types.ts';
import type { Principal } from '../principal.ts';
import { applyCourierStatus } from './apply-courier-status.ts';
import { courierUpdateOf } from './courier-update.ts';
import { isShiprocketError, upstreamFailure } from './courier-failures.ts';

/** Refresh: the latest tracking of the parcel's AWB, applied now through the one courier-status path. */
export async function refreshShiprocketShipment(parcelId: string, principal: Principal, api: ShiprocketApi = shiprocket()): Promise<Parcel> {
  const stored = await readParcel(parcelId);
  if (!stored || !isInScope(stored.parcel, principal) || principal.role === 'delivery') throw new NotFoundError(`Parcel ${parcelId} not found.`);
  const courier = stored.parcel.courier;
  if (!courier || courier.cancelledAt !== null) throw new ConflictError(`Parcel ${parcelId} has no live courier shipment to refresh.`);
  if (!courier.awb) return stored.parcel;
  const tracking = await api.trackAwb(courier.awb).catch((error: unknown) => {
    throw isShiprocketError(error) ? upstreamFailure(error, 'the tracking request') : error;
  });
  const update = courierUpdateOf(tracking, 'refresh');
  return update ? (await applyCourierStatus(stored, update)).parcel : stored.parcel;
}
