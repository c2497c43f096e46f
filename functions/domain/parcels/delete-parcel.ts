import { deleteParcelRecord, readParcel } from '#storage/parcels-table.ts';
import { isInScope } from '../access.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import type { Principal } from '../principal.ts';
import { changedMeanwhile } from './apply-status-change.ts';
import { DELETABLE } from './parcel-status.ts';
import { hasLiveCourierShipment } from './parcel-types.ts';

/** Deletes a parcel that has not left the seller and releases its items, in one transaction. */
export async function deleteParcel(parcelId: string, principal: Principal): Promise<void> {
  const stored = await readParcel(parcelId);
  if (!stored || !isInScope(stored.parcel, principal)) throw new NotFoundError(`Parcel ${parcelId} not found.`);
  const { parcel } = stored;
  if (!DELETABLE.includes(parcel.status)) throw new ConflictError(`Parcel ${parcelId} is ${parcel.status}; only a received or processed parcel can be deleted.`);
  if (hasLiveCourierShipment(parcel)) throw new ConflictError(`Parcel ${parcelId} has a live courier shipment; cancel it first.`);
  if ((await deleteParcelRecord(stored, principal.id, new Date().toISOString())) === 'stale') throw changedMeanwhile(parcelId);
}
