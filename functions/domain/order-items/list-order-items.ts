import * as z from 'zod/mini';
import { listAllItems, listItemsOfOrder, listItemsOfSeller } from '#storage/order-items-table.ts';
import type { Page } from '#storage/page-query.ts';
import { asksBeyondOwnItems } from '../access.ts';
import type { OrderItem } from '../orders/order-types.ts';
import { PARCEL_STATUSES } from '../parcels/parcel-status.ts';
import type { Principal } from '../principal.ts';
import { idSchema, listQueryShape, queryBoolean } from '../schemas.ts';

export const listOrderItemsQuery = z.object({
  ...listQueryShape,
  status: z.optional(z.enum([...PARCEL_STATUSES, 'returned'])),
  unparcelled: z.optional(queryBoolean),
  orderId: z.optional(idSchema),
  sellerId: z.optional(idSchema),
});

export type ListOrderItemsQuery = z.infer<typeof listOrderItemsQuery>;

/**
 * The Order Items tab: a seller's own items (an admin's: everyone's, or one seller's), newest first.
 * With `orderId` it reads that order's partition; otherwise the seller's (or the all-items) list.
 */
export async function listOrderItems(query: ListOrderItemsQuery, principal: Principal): Promise<Page<OrderItem>> {
  if (asksBeyondOwnItems(query.sellerId, principal)) return { items: [], nextCursor: null };
  const sellerId = principal.role === 'seller' ? principal.id : query.sellerId;
  const filter = { status: query.status, unparcelled: query.unparcelled };
  const page = { limit: query.limit, cursor: query.cursor };
  if (query.orderId) return listItemsOfOrder(query.orderId, { ...filter, sellerId }, page);
  if (sellerId) return listItemsOfSeller(sellerId, filter, page);
  return listAllItems(filter, page);
}
