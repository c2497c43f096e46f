import * as z from 'zod/mini';
import { insertDeliveryPerson } from '#storage/delivery-persons-table.ts';
import { ConflictError } from '../errors.ts';
import { newId } from '../ids.ts';
import { addressSchema, idSchema, text } from '../schemas.ts';
import type { DeliveryPerson } from './delivery-person.ts';

/** `id` is optional: give the person's identity-provider `sub` so its tokens match; else one is made. */
export const createDeliveryPersonBody = z.object({ id: z.optional(idSchema), name: text(200), phone: addressSchema.shape.phone });
export type CreateDeliveryPersonInput = z.infer<typeof createDeliveryPersonBody>;

export async function createDeliveryPerson(input: CreateDeliveryPersonInput): Promise<DeliveryPerson> {
  const person: DeliveryPerson = { id: input.id ?? newId(), name: input.name, phone: input.phone, active: true };
  if ((await insertDeliveryPerson(person, newId())) === 'exists') throw new ConflictError(`Delivery person ${person.id} already exists.`);
  return person;
}
