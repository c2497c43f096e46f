import * as z from 'zod/mini';
import { addressSchema } from '../orders/order-types.ts';

/** API.md's Seller (a response shape: the OpenAPI document is generated from it). */
export const sellerSchema = z.object({
  id: z.string(),
  name: z.string(),
  storeName: z.string(),
  gstin: z.nullable(z.string()),
  address: addressSchema,
  pickupLocation: z.nullable(z.string()),
  updatedAt: z.string(),
});
export type Seller = z.infer<typeof sellerSchema>;
