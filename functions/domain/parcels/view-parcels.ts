import * as z from 'zod/mini';
import { NotFoundError } from '../errors.ts';
import type { Principal } from '../principal.ts';
import { idSchema, listQueryShape } from '../schemas.ts';
import { customerList, deliveryPersonList, kindList, sellerList } from '#storage/keys.ts';
import { queryPage, type Condition, type Page, type PageRequest } from '#storage/page-query.ts';
import { readParcel, toParcel, type ParcelRecord } from '#storage/parcels-table.ts';
import { INDEXES } from '#storage/table-design.ts';
import { asksBeyondOwnItems, isInScope } from '../access.ts';
import { PARCEL_STATUSES } from './parcel-status.ts';
import type { Parcel } from './parcel-types.ts';

export const listParcelsQuery = z.object({
  ...listQueryShape,
  status: z.optional(z.enum(PARCEL_STATUSES)),
  orderId: z.optional(idSchema),
  sellerId: z.optional(idSchema),
});
export type ListParcelsQuery = z.infer<typeof listParcelsQuery>;

/** Each role reads its own index partition, so scoping is in the key, not in a filter. */
function listSource(query: ListParcelsQuery, principal: Principal): Pick<PageRequest, 'index' | 'partition'> {
  switch (principal.role) {
    case 'seller':
      return { index: INDEXES.bySeller, partition: sellerList(principal.id, 'PARCEL') };
    case 'customer':
      return { index: INDEXES.byCustomer, partition: customerList(principal.id, 'PARCEL') };
    case 'delivery':
      return { index: INDEXES.byDeliveryPerson, partition: deliveryPersonList(principal.id, 'PARCEL') };
    default:
      return query.sellerId
        ? { index: INDEXES.bySeller, partition: sellerList(query.sellerId, 'PARCEL') }
        : { index: INDEXES.byKind, partition: kindList('PARCEL') };
  }
}

/** The Shipments tab: parcels newest first, each with its items and history. */
export async function listParcels(query: ListParcelsQuery, principal: Principal): Promise<Page<Parcel>> {
  if (asksBeyondOwnItems(query.sellerId, principal)) return { items: [], nextCursor: null };
  const conditions: Condition[] = [];
  if (query.status) conditions.push({ attribute: 'status', equals: query.status });
  if (query.orderId) conditions.push({ attribute: 'orderId', equals: query.orderId });
  if (query.sellerId && principal.role !== 'admin' && principal.role !== 'seller') conditions.push({ attribute: 'sellerId', equals: query.sellerId });
  const page = await queryPage({ ...listSource(query, principal), conditions, limit: query.limit, cursor: query.cursor });
  return { items: (page.items as unknown as ParcelRecord[]).map((record) => toParcel(record)), nextCursor: page.nextCursor };
}

/** View: the parcel with its items and event history, in one strongly consistent read. */
export async function getParcel(parcelId: string, principal: Principal): Promise<Parcel> {
  const parcel = await readParcel(parcelId);
  if (!parcel || !isInScope(parcel, principal)) throw new NotFoundError(`Parcel ${parcelId} not found.`);
  return toParcel(parcel);
}
