import { listOrderItems, listOrderItemsQuery } from '#domain/order-items/list-order-items.ts';
import { httpHandler } from '#http/http-handler.ts';
import { ok } from '#http/responses.ts';

export const handler = httpHandler({ query: listOrderItemsQuery }, async ({ query, principal }) => ok(await listOrderItems(query, principal)));
