import { getOrder, getOrderParams } from '#domain/orders/get-order.ts';
import { httpHandler } from '#http/http-handler.ts';
import { ok } from '#http/responses.ts';

export const handler = httpHandler({ params: getOrderParams }, async ({ params, principal }) => ok(await getOrder(params.orderId, principal)));
