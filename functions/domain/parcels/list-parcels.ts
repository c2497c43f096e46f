import * as z from 'zod/mini';
import type { Page } from '#storage/page-query.ts';
import { listAllParcels, listParcelsOfCustomer, listParcelsOfDeliveryPerson, listParcelsOfSeller } from '#storage/parcels-table.ts';
import { asksBeyondOwnItems } from '../access.ts';
import type { Principal } from '../principal.ts';
import { idSchema, listQueryShape } from '../schemas.ts';
import { PARCEL_STATUSES } from './parcel-status.ts';
import type { Parcel } from './parcel-types.ts';

export const listParcelsQuery = z.object({
  ...listQueryShape,
  status: z.optional(z.enum(PARCEL_STATUSES)),
  orderId: z.optional(idSchema),
  sellerId: z.optional(idSchema),
});
export type ListParcelsQuery = z.infer<typeof listParcelsQuery>;

/** The Shipments tab: parcels newest first, each with its items and history, from the caller's own list. */
export async function listParcels(query: ListParcelsQuery, principal: Principal): Promise<Page<Parcel>> {
  if (asksBeyondOwnItems(query.sellerId, principal)) return { items: [], nextCursor: null };
  const { status, orderId, sellerId } = query;
  const page = { limit: query.limit, cursor: query.cursor };
  switch (principal.role) {
    case 'seller':
      return listParcelsOfSeller(principal.id, { status, orderId }, page);
    case 'customer':
      return listParcelsOfCustomer(principal.id, { status, orderId, sellerId }, page);
    case 'delivery':
      return listParcelsOfDeliveryPerson(principal.id, { status, orderId, sellerId }, page);
    default:
      return sellerId ? listParcelsOfSeller(sellerId, { status, orderId }, page) : listAllParcels({ status, orderId }, page);
  }
}
