import { ConflictError, NotFoundError } from '../errors.ts';
import type { Principal } from '../principal.ts';
import { deleteParcelActions, readParcel } from '#storage/parcels-table.ts';
import { ConditionsFailed, writeAtomically } from '#storage/transactions.ts';
import { isInScope } from '../access.ts';
import { DELETABLE } from './parcel-status.ts';
import { hasLiveCourierShipment } from './parcel-types.ts';

/** Deletes a parcel that has not left the seller and releases its items, in one transaction. */
export async function deleteParcel(parcelId: string, principal: Principal): Promise<void> {
  const record = await readParcel(parcelId);
  if (!record || !isInScope(record, principal)) throw new NotFoundError(`Parcel ${parcelId} not found.`);
  if (!DELETABLE.includes(record.status)) throw new ConflictError(`Parcel ${parcelId} is ${record.status}; only a received or processed parcel can be deleted.`);
  if (hasLiveCourierShipment(record)) throw new ConflictError(`Parcel ${parcelId} has a live courier shipment; cancel it first.`);
  try {
    await writeAtomically(deleteParcelActions(record, principal.id, new Date().toISOString()));
  } catch (error) {
    if (error instanceof ConditionsFailed) throw new ConflictError(`Parcel ${parcelId} changed while it was being deleted; reload it and try again.`);
    throw error;
  }
}
