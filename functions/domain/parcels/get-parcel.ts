import { readParcel } from '#storage/parcels-table.ts';
import { isInScope } from '../access.ts';
import { NotFoundError } from '../errors.ts';
import type { Principal } from '../principal.ts';
import type { Parcel } from './parcel-types.ts';

/** View: the parcel with its items and event history, in one strongly consistent read. */
export async function getParcel(parcelId: string, principal: Principal): Promise<Parcel> {
  const stored = await readParcel(parcelId);
  if (!stored || !isInScope(stored.parcel, principal)) throw new NotFoundError(`Parcel ${parcelId} not found.`);
  return stored.parcel;
}
