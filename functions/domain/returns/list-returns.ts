import * as z from 'zod/mini';
import type { Page } from '#storage/page-query.ts';
import { listAllReturns, listReturnQueue, listReturnsOfCustomer, listReturnsOfDeliveryPerson, listReturnsOfSeller } from '#storage/returns-table.ts';
import type { Principal } from '../principal.ts';
import { listQueryShape } from '../schemas.ts';
import { returnStatusSchema, type Return } from './return-types.ts';

export const listReturnsQuery = z.object({ ...listQueryShape, status: z.optional(returnStatusSchema) });
export type ListReturnsQuery = z.infer<typeof listReturnsQuery>;

/**
 * Returns from the caller's own list: sellers, customers and delivery persons newest first; the
 * admin's queue of one status oldest first (who waits longest first), all returns newest first.
 */
export function listReturns(query: ListReturnsQuery, principal: Principal): Promise<Page<Return>> {
  const page = { limit: query.limit, cursor: query.cursor };
  switch (principal.role) {
    case 'seller':
      return listReturnsOfSeller(principal.id, query.status, page);
    case 'customer':
      return listReturnsOfCustomer(principal.id, query.status, page);
    case 'delivery':
      return listReturnsOfDeliveryPerson(principal.id, query.status, page);
    default:
      return query.status ? listReturnQueue(query.status, page) : listAllReturns(page);
  }
}
