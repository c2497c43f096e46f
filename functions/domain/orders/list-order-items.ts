import * as z from 'zod/mini';
import { asksBeyondOwnItems } from '../access.ts';
import type { Principal } from '../principal.ts';
import { idSchema, listQueryShape, queryBoolean } from '../schemas.ts';
import { PARCEL_STATUSES } from '../parcels/parcel-status.ts';
import { kindList, orderPartition, sellerList } from '#storage/keys.ts';
import { toOrderItem, type OrderItemRecord } from '#storage/order-items-table.ts';
import { INDEXES } from '#storage/table-design.ts';
import { queryPage, type Condition, type Page, type PageRequest } from '#storage/page-query.ts';
import type { OrderItem } from './order-types.ts';

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
 * With `orderId` it reads that order's partition; a seller's unparcelled items (what the seller
 * packs next) have their own sparse index; otherwise the seller's (or the all-items) index.
 */
export async function listOrderItems(query: ListOrderItemsQuery, principal: Principal): Promise<Page<OrderItem>> {
  if (asksBeyondOwnItems(query.sellerId, principal)) return { items: [], nextCursor: null };
  const sellerId = principal.role === 'seller' ? principal.id : query.sellerId;
  const conditions: Condition[] = [];
  if (query.status) conditions.push({ attribute: 'status', equals: query.status });

  let source: Pick<PageRequest, 'index' | 'partition'>;
  if (query.orderId) {
    source = { partition: orderPartition(query.orderId) };
    if (sellerId) conditions.push({ attribute: 'sellerId', equals: sellerId });
  } else if (sellerId && query.unparcelled === true) {
    source = { index: INDEXES.awaitingPacking, partition: sellerList(sellerId, 'ITEM') };
  } else if (sellerId) {
    source = { index: INDEXES.bySeller, partition: sellerList(sellerId, 'ITEM') };
  } else {
    source = { index: INDEXES.byKind, partition: kindList('ITEM') };
  }
  if (query.unparcelled !== undefined && source.index !== INDEXES.awaitingPacking) {
    conditions.push({ attribute: 'parcelId', exists: !query.unparcelled });
  }

  const page = await queryPage({ ...source, conditions, limit: query.limit, cursor: query.cursor });
  return { items: (page.items as unknown as OrderItemRecord[]).map(toOrderItem), nextCursor: page.nextCursor };
}
