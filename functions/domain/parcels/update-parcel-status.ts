import * as z from 'zod/mini';
import { readParcel, readParcelAndDeliveryPerson } from '#storage/parcels-table.ts';
import { isInScope } from '../access.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import type { Principal } from '../principal.ts';
import { idSchema, text } from '../schemas.ts';
import { applyStatusChange, assertCanMove } from './apply-status-change.ts';
import { DELIVERY_PERSON_TARGETS, NEEDS_DELIVERY_PERSON, PARCEL_STATUSES, type EventSource } from './parcel-status.ts';
import { hasLiveCourierShipment, type Parcel } from './parcel-types.ts';

export const updateParcelStatusBody = z.object({
  status: z.enum(PARCEL_STATUSES),
  deliveryPersonId: z.optional(idSchema),
  note: z.optional(text(500)),
  /** Notes are internal unless marked for the customer's tracking page. */
  noteVisibleToCustomer: z.optional(z.boolean()),
});
export type UpdateParcelStatusInput = z.infer<typeof updateParcelStatusBody>;

/** How a person's change is recorded in the parcel's history. */
const eventSourceOf = (principal: Principal): EventSource =>
  principal.role === 'admin' || principal.role === 'seller' || principal.role === 'delivery' ? principal.role : 'system';

async function readForChange(parcelId: string, deliveryPersonId: string | undefined) {
  if (!deliveryPersonId) return { stored: await readParcel(parcelId), deliveryPerson: undefined };
  return readParcelAndDeliveryPerson(parcelId, deliveryPersonId);
}

/**
 * Update Status → Local Shipping: one read (parcel, and the delivery person when one is named),
 * the checks of who may do what, then the one status-change path.
 */
export async function updateParcelStatus(parcelId: string, input: UpdateParcelStatusInput, principal: Principal): Promise<Parcel> {
  const { stored, deliveryPerson } = await readForChange(parcelId, input.deliveryPersonId);
  if (!stored || !isInScope(stored.parcel, principal)) throw new NotFoundError(`Parcel ${parcelId} not found.`);
  const parcel = stored.parcel;

  if (principal.role === 'delivery') {
    if (!DELIVERY_PERSON_TARGETS.includes(input.status)) {
      throw new ForbiddenError(`A delivery person may only set ${DELIVERY_PERSON_TARGETS.join(' or ')}.`);
    }
    if (input.deliveryPersonId && input.deliveryPersonId !== principal.id) throw new ForbiddenError('A delivery person cannot reassign a parcel.');
  }
  if (hasLiveCourierShipment(parcel)) throw new ConflictError(`Parcel ${parcelId} ships with a live courier shipment; its status follows the courier.`);
  const source = eventSourceOf(principal);
  assertCanMove(parcel, input.status, source);

  const deliveryPersonId = input.deliveryPersonId ?? parcel.deliveryPersonId;
  if (!deliveryPersonId && NEEDS_DELIVERY_PERSON.includes(input.status)) {
    throw ValidationError.of('deliveryPersonId', `required: choose who delivers the parcel before it is ${input.status}`);
  }
  if (input.deliveryPersonId && !deliveryPerson?.active) throw ValidationError.of('deliveryPersonId', `no active delivery person ${input.deliveryPersonId}`);

  return applyStatusChange(stored, {
    to: input.status,
    source,
    actor: principal.id,
    note: input.note,
    noteVisibleToCustomer: input.noteVisibleToCustomer,
    set: { shippingMethod: 'local', deliveryPersonId },
  });
}
