import * as z from 'zod/mini';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import type { Principal } from '../principal.ts';
import { idSchema, text } from '../schemas.ts';
import { readParcel, readParcelAndDeliveryPerson, statusChangeActions, toParcel, type ParcelRecord, type StatusChange } from '#storage/parcels-table.ts';
import { ConditionsFailed, writeAtomically } from '#storage/transactions.ts';
import { isInScope } from '../access.ts';
import { eventSourceOf } from './parcel-access.ts';
import { canMove, DELIVERY_PERSON_TARGETS, NEEDS_DELIVERY_PERSON, PARCEL_STATUSES } from './parcel-status.ts';
import { hasLiveCourierShipment, type Parcel } from './parcel-types.ts';

export const localStatusSchema = z.object({
  status: z.enum(PARCEL_STATUSES),
  deliveryPersonId: z.optional(idSchema),
  note: z.optional(text(500)),
});
export type LocalStatusInput = z.infer<typeof localStatusSchema>;

async function readForChange(parcelId: string, deliveryPersonId: string | undefined) {
  if (!deliveryPersonId) return { parcel: await readParcel(parcelId), deliveryPerson: undefined };
  return readParcelAndDeliveryPerson(parcelId, deliveryPersonId);
}

/**
 * Update Status → Local Shipping: one read (parcel, and the delivery person when one is named),
 * then one transaction conditional on the version read, so two racing changes cannot both land.
 */
export async function changeLocalStatus(parcelId: string, input: LocalStatusInput, principal: Principal): Promise<Parcel> {
  const { parcel, deliveryPerson } = await readForChange(parcelId, input.deliveryPersonId);
  if (!parcel || !isInScope(parcel, principal)) throw new NotFoundError(`Parcel ${parcelId} not found.`);

  if (principal.role === 'delivery') {
    if (!DELIVERY_PERSON_TARGETS.includes(input.status)) {
      throw new ForbiddenError(`A delivery person may only set ${DELIVERY_PERSON_TARGETS.join(' or ')}.`);
    }
    if (input.deliveryPersonId && input.deliveryPersonId !== principal.id) throw new ForbiddenError('A delivery person cannot reassign a parcel.');
  }
  if (hasLiveCourierShipment(parcel)) throw new ConflictError(`Parcel ${parcelId} ships with a live courier shipment; its status follows the courier.`);
  const source = eventSourceOf(principal);
  if (!canMove(parcel.status, input.status, source)) throw new ConflictError(`Parcel ${parcelId} cannot move from ${parcel.status} to ${input.status}.`);

  const deliveryPersonId = input.deliveryPersonId ?? parcel.deliveryPersonId;
  if (!deliveryPersonId && NEEDS_DELIVERY_PERSON.includes(input.status)) {
    throw ValidationError.of('deliveryPersonId', `required: choose who delivers the parcel before it is ${input.status}`);
  }
  if (input.deliveryPersonId && !deliveryPerson?.active) throw ValidationError.of('deliveryPersonId', `no active delivery person ${input.deliveryPersonId}`);

  const event = { at: new Date().toISOString(), status: input.status, source, actor: principal.id, note: input.note ?? null };
  const deliveredAt = input.status === 'delivered' ? event.at : parcel.deliveredAt;
  const change: StatusChange = { status: input.status, shippingMethod: 'local', deliveryPersonId, deliveredAt, event };
  try {
    await writeAtomically(statusChangeActions(parcel, change));
  } catch (error) {
    if (error instanceof ConditionsFailed) throw new ConflictError(`Parcel ${parcelId} changed while this update was made; reload it and try again.`);
    throw error;
  }
  return toParcel(applied(parcel, change));
}

function applied(parcel: ParcelRecord, change: StatusChange): ParcelRecord {
  return {
    ...parcel,
    status: change.status,
    shippingMethod: change.shippingMethod,
    deliveryPersonId: change.deliveryPersonId,
    deliveredAt: change.deliveredAt,
    updatedAt: change.event.at,
    version: parcel.version + 1,
    events: [...parcel.events, change.event],
  };
}
