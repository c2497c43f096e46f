import * as z from 'zod/mini';
import { addressSchema } from '../orders/order-schema.ts';
import { idSchema, text } from '../schemas.ts';

export interface DeliveryPerson {
  id: string;
  name: string;
  phone: string;
  active: boolean;
}

/** `id` is optional: give the person's identity-provider `sub` so its tokens match; else one is made. */
export const newDeliveryPersonSchema = z.object({ id: z.optional(idSchema), name: text(200), phone: addressSchema.shape.phone });
export type NewDeliveryPersonInput = z.infer<typeof newDeliveryPersonSchema>;
