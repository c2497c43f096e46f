import { putSeller, putSellerBody } from '#domain/sellers/put-seller.ts';
import { sellerParams } from '#domain/sellers/seller-params.ts';
import { httpHandler } from '#http/http-handler.ts';
import { created, ok } from '#http/responses.ts';

export const handler = httpHandler({ params: sellerParams, body: putSellerBody }, async ({ params, body }) => {
  const result = await putSeller(params.sellerId, body);
  return result.created ? created(result.seller) : ok(result.seller);
});
