import { readSeller } from '#storage/sellers-table.ts';
import { NotFoundError } from '../errors.ts';
import type { Principal } from '../principal.ts';
import type { Seller } from './seller.ts';

/** admin and system see every profile; a seller only its own (another's answers 404). */
export async function getSeller(sellerId: string, principal: Principal): Promise<Seller> {
  const seller = principal.role === 'seller' && principal.id !== sellerId ? undefined : await readSeller(sellerId);
  if (!seller) throw new NotFoundError(`Seller ${sellerId} not found.`);
  return seller;
}
