import { canMove, DELETABLE, PARCEL_STATUSES, type EventSource, type ParcelStatus } from '../../../functions/domain/parcels/parcel-status.ts';
import { hasLiveCourierShipment, type Parcel } from '../../../functions/domain/parcels/parcel-types.ts';

/** The statuses a person of this source may move the parcel to: the backend's own move table decides. */
export const nextStatuses = (status: ParcelStatus, source: EventSource): ParcelStatus[] => PARCEL_STATUSES.filter((to) => canMove(status, to, source));

/** Why the parcel cannot be deleted, or undefined when it can (API.md: DELETE /parcels/{id}). */
export function deleteBlockedReason(parcel: Parcel): string | undefined {
  if (hasLiveCourierShipment(parcel)) return 'A Shiprocket shipment is live: cancel it first (Update Status → Shiprocket Orders).';
  if (!DELETABLE.includes(parcel.status)) return 'The parcel has left the seller: it can no longer be deleted.';
  return undefined;
}

export { hasLiveCourierShipment };
