import * as z from 'zod/mini';
import { writeSeller } from '#storage/sellers-table.ts';
import { addressSchema, text } from '../schemas.ts';
import type { Seller } from './seller.ts';

export const putSellerBody = z.object({
  name: text(200),
  storeName: text(200),
  gstin: z.optional(z.string().check(z.regex(/^[0-9]{2}[A-Z0-9]{10}[0-9A-Z]{3}$/, 'must be a 15-character GSTIN'))),
  address: addressSchema,
  pickupLocation: z.optional(text(36)),
});
export type PutSellerInput = z.infer<typeof putSellerBody>;

/** Creates or replaces a seller's profile (used on invoices and as the default courier pickup location). */
export async function putSeller(sellerId: string, input: PutSellerInput): Promise<{ seller: Seller; created: boolean }> {
  const seller: Seller = {
    id: sellerId,
    name: input.name,
    storeName: input.storeName,
    gstin: input.gstin ?? null,
    address: input.address,
    pickupLocation: input.pickupLocation ?? null,
    updatedAt: new Date().toISOString(),
  };
  return { seller, created: (await writeSeller(seller)) === 'created' };
}
