import * as z from 'zod/mini';
import { httpHandler } from '#http/http-handler.ts';
import { ok } from '#http/responses.ts';
import { getOrder } from '#domain/orders/get-order.ts';

export const handler = httpHandler({ params: z.object({ orderId: z.string() }) }, async ({ params, principal }) =>
  ok(await getOrder(params.orderId, principal)),
);
