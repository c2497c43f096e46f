import { httpHandler } from '#http/http-handler.ts';
import { ok } from '#http/responses.ts';
import { listOrderItems, listOrderItemsQuery } from '#domain/orders/list-order-items.ts';

export const handler = httpHandler({ query: listOrderItemsQuery }, async ({ query, principal }) => ok(await listOrderItems(query, principal)));
