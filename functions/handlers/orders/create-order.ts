import { createOrder, createOrderBody } from '#domain/orders/create-order.ts';
import { httpHandler } from '#http/http-handler.ts';
import { created, ok } from '#http/responses.ts';

export const handler = httpHandler({ body: createOrderBody }, async ({ body }) => {
  const result = await createOrder(body);
  return result.created ? created(result.order) : ok(result.order);
});
