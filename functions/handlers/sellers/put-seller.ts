import { httpHandler } from '#http/http-handler.ts';
import { created, ok } from '#http/responses.ts';
import { sellerProfileSchema } from '#domain/sellers/seller.ts';
import { saveSellerProfile } from '#domain/sellers/seller-profiles.ts';
import { sellerPath } from './seller-path.ts';

export const handler = httpHandler({ params: sellerPath, body: sellerProfileSchema }, async ({ params, body }) => {
  const result = await saveSellerProfile(params.sellerId, body);
  return result.created ? created(result.seller) : ok(result.seller);
});
