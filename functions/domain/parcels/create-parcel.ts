import * as z from 'zod/mini';
import { readOrder } from '#storage/order-items-table.ts';
import { insertParcel, readParcel } from '#storage/parcels-table.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { createIdempotently } from '../idempotency.ts';
import type { Principal } from '../principal.ts';
import { idSchema } from '../schemas.ts';
import { PACKABLE } from './parcel-status.ts';
import type { Parcel } from './parcel-types.ts';

/**
 * A parcel's writes are one transaction of the parcel and one action per item, within DynamoDB's
 * 100: every later record (invoice, return, idempotency key) is written on the parcel record itself
 * or in its own step, so this cap holds.
 */
export const MAX_ITEMS_PER_PARCEL = 99;

export const createParcelBody = z.object({
  orderId: idSchema,
  itemIds: z
    .array(idSchema)
    .check(
      z.minLength(1, 'select at least one item'),
      z.maxLength(MAX_ITEMS_PER_PARCEL, `a parcel holds at most ${MAX_ITEMS_PER_PARCEL} items; split the items into several parcels`),
      z.refine((ids) => new Set(ids).size === ids.length, 'item ids must be unique'),
    ),
});
export type CreateParcelInput = z.infer<typeof createParcelBody>;

const itemsUnavailable = (itemIds: string[]) =>
  new ConflictError(`Order item(s) ${itemIds.join(', ') || '(selected)'} are already in a parcel or past packing; refresh and choose again.`);

/**
 * Packs a seller's items of one order into a new parcel: one read of the order, then one
 * transaction whose per-item conditions settle races (two requests for one item: one wins).
 */
async function packParcel(parcelId: string, input: CreateParcelInput, seller: Principal): Promise<Parcel> {
  const stored = await readOrder(input.orderId);
  const byId = new Map((stored?.order.items ?? []).filter((item) => item.sellerId === seller.id).map((item) => [item.id, item]));
  const missing = input.itemIds.filter((id) => !byId.has(id));
  if (!stored || missing.length > 0) throw new NotFoundError(`Order item(s) ${missing.join(', ')} not found in your items of order ${input.orderId}.`);
  const selected = input.itemIds.map((id) => byId.get(id)!);
  const taken = selected.filter((item) => item.parcelId !== null || !(PACKABLE as readonly string[]).includes(item.status));
  if (taken.length > 0) throw itemsUnavailable(taken.map((item) => item.id));

  const now = new Date().toISOString();
  const parcel: Parcel = {
    id: parcelId,
    orderId: input.orderId,
    sellerId: seller.id,
    customerId: stored.order.customerId,
    status: 'received',
    shippingMethod: null,
    deliveryPersonId: null,
    items: selected.map((item) => ({ ...item, status: 'received', parcelId })),
    courier: null,
    invoiceNumber: null,
    createdAt: now,
    updatedAt: now,
    events: [{ at: now, status: 'received', source: 'seller', actor: seller.id, note: null, noteVisibleToCustomer: false }],
  };
  const result = await insertParcel(parcel, stored, PACKABLE);
  if (result.created) return parcel;
  if (result.parcelExists) {
    // A retried create whose first attempt landed meanwhile.
    const existing = await readParcel(parcelId);
    if (existing) return existing.parcel;
    throw new ConflictError(`The parcel ${parcelId} made under this Idempotency-Key was deleted since.`);
  }
  throw itemsUnavailable(result.unavailableItemIds);
}

/** `POST /parcels`, safe to retry with an `Idempotency-Key`: one key makes at most one parcel. */
export async function createParcel(input: CreateParcelInput, seller: Principal, idempotencyKey?: string): Promise<{ parcel: Parcel; replayed: boolean }> {
  const { resource, replayed } = await createIdempotently({
    scope: `POST /parcels#${seller.id}`,
    key: idempotencyKey,
    request: input,
    create: (id) => packParcel(id, input, seller),
    find: async (id) => (await readParcel(id))?.parcel,
  });
  return { parcel: resource, replayed };
}
