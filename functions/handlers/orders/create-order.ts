import { httpHandler } from '#http/http-handler.ts';
import { created, ok } from '#http/responses.ts';
import { createOrderSchema } from '#domain/orders/order-schema.ts';
import { ingestOrder } from '#domain/orders/ingest-order.ts';

export const handler = httpHandler({ body: createOrderSchema }, async ({ body }) => {
  const result = await ingestOrder(body);
  return result.created ? created(result.order) : ok(result.order);
});
