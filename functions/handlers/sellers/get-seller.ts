import { httpHandler } from '#http/http-handler.ts';
import { ok } from '#http/responses.ts';
import { getSellerProfile } from '#domain/sellers/seller-profiles.ts';
import { sellerPath } from './seller-path.ts';

export const handler = httpHandler({ params: sellerPath }, async ({ params, principal }) => ok(await getSellerProfile(params.sellerId, principal)));
