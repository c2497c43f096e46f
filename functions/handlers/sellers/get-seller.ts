import { getSeller } from '#domain/sellers/get-seller.ts';
import { sellerParams } from '#domain/sellers/seller-params.ts';
import { httpHandler } from '#http/http-handler.ts';
import { ok } from '#http/responses.ts';

export const handler = httpHandler({ params: sellerParams }, async ({ params, principal }) => ok(await getSeller(params.sellerId, principal)));
