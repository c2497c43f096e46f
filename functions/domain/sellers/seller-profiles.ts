import { NotFoundError } from '../errors.ts';
import type { Principal } from '../principal.ts';
import { putSeller, readSeller } from '#storage/sellers-table.ts';
import type { Seller, SellerProfileInput } from './seller.ts';

export async function saveSellerProfile(sellerId: string, input: SellerProfileInput): Promise<{ seller: Seller; created: boolean }> {
  const seller: Seller = {
    id: sellerId,
    name: input.name,
    storeName: input.storeName,
    gstin: input.gstin ?? null,
    address: input.address,
    pickupLocation: input.pickupLocation ?? null,
    updatedAt: new Date().toISOString(),
  };
  const { created } = await putSeller(seller);
  return { seller, created };
}

/** admin and system see every profile; a seller only its own (another's answers 404). */
export async function getSellerProfile(sellerId: string, principal: Principal): Promise<Seller> {
  const seller = principal.role === 'seller' && principal.id !== sellerId ? undefined : await readSeller(sellerId);
  if (!seller) throw new NotFoundError(`Seller ${sellerId} not found.`);
  return seller;
}
