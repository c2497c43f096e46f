import * as z from 'zod/mini';
import { httpHandler } from '#http/http-handler.ts';
import { ok } from '#http/responses.ts';
import { getOrder } from '#domain/orders/get-order.ts';
import { idSchema } from '#domain/schemas.ts';

export const handler = httpHandler({ params: z.object({ orderId: idSchema }) }, async ({ params, principal }) =>
  ok(await getOrder(params.orderId, principal)),
);
