import * as z from 'zod/mini';
import { addressSchema } from '../orders/order-schema.ts';
import type { Address } from '../orders/order-types.ts';
import { text } from '../schemas.ts';

export interface Seller {
  id: string;
  name: string;
  storeName: string;
  gstin: string | null;
  address: Address;
  pickupLocation: string | null;
  updatedAt: string;
}

export const sellerProfileSchema = z.object({
  name: text(200),
  storeName: text(200),
  gstin: z.optional(z.string().check(z.regex(/^[0-9]{2}[A-Z0-9]{10}[0-9A-Z]{3}$/, 'must be a 15-character GSTIN'))),
  address: addressSchema,
  pickupLocation: z.optional(text(36)),
});

export type SellerProfileInput = z.infer<typeof sellerProfileSchema>;
