import * as z from 'zod/mini';

/** API.md's delivery person (a response shape: the OpenAPI document is generated from it). */
export const deliveryPersonSchema = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string(),
  active: z.boolean(),
});
export type DeliveryPerson = z.infer<typeof deliveryPersonSchema>;
