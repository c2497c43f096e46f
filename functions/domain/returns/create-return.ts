import * as z from 'zod/mini';
import { findItemsOfCustomer, locateItem, readOrder, type LocatedItem } from '#storage/order-items-table.ts';
import { readParcel } from '#storage/parcels-table.ts';
import { insertReturn, readReturn, type ReturnPlacement } from '#storage/returns-table.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { createIdempotently } from '../idempotency.ts';
import type { Principal } from '../principal.ts';
import { idSchema, text } from '../schemas.ts';
import { assertReturnable, noOpenRequest } from './return-eligibility.ts';
import type { Return } from './return-types.ts';

export const createReturnBody = z.object({
  orderItemId: idSchema,
  reason: text(500),
  /** Extension: names the order when the customer has the same item id in several orders. */
  orderId: z.optional(idSchema),
});
export type CreateReturnInput = z.infer<typeof createReturnBody>;

const notFound = (itemId: string) => new NotFoundError(`Order item ${itemId} not found in your orders.`);

/** The customer's item: from the named order (1 Query), else by (customer, item id) (1 Query, ambiguous if in two orders). */
async function findCustomerItem(input: CreateReturnInput, customer: Principal): Promise<LocatedItem | undefined> {
  if (input.orderId) {
    const order = await readOrder(input.orderId);
    return order && locateItem(order, input.orderItemId);
  }
  const found = await findItemsOfCustomer(customer.id, input.orderItemId);
  if (found.length > 1) {
    throw new ConflictError(`Ambiguous: order item id ${input.orderItemId} is in several of your orders; pass orderId to say which.`);
  }
  return found[0];
}

/** Where the parcel holds the item: known from the item, or (items parcelled before slots were kept) from the parcel. */
async function placementOf(located: LocatedItem): Promise<ReturnPlacement> {
  const parcelId = located.item.parcelId!;
  if (located.parcelSlot !== null) return { itemRef: located.ref, parcelId, parcelSlot: located.parcelSlot };
  const parcel = await readParcel(parcelId);
  const slot = parcel?.parcel.items.findIndex((item) => item.id === located.item.id) ?? -1;
  if (slot < 0) throw new ConflictError(`Order item ${located.item.id} is not in its parcel ${parcelId} any more; reload and retry.`);
  return { itemRef: located.ref, parcelId, parcelSlot: slot };
}

/**
 * Asks for a return: the eligibility rules on one read of the item, then one transaction that holds
 * them against races (two requests for one item: one wins, the other is a 409).
 */
async function requestReturn(returnId: string, input: CreateReturnInput, customer: Principal, now: Date): Promise<Return> {
  const located = await findCustomerItem(input, customer);
  const item = located?.item;
  assertReturnable(item, input.orderItemId, customer, now);
  const placement = await placementOf(located!);
  const at = now.toISOString();
  const ret: Return = {
    id: returnId,
    orderItemId: item.id,
    orderId: item.orderId,
    sellerId: item.sellerId,
    customerId: customer.id,
    reason: input.reason,
    status: 'requested',
    declineReason: null,
    deliveryPersonId: null,
    createdAt: at,
    decidedAt: null,
    pickedUpAt: null,
    receivedAt: null,
    events: [{ at, status: 'requested', source: 'customer', actor: customer.id, note: null }],
  };
  const refusal = await insertReturn(ret, placement, item.deliveredAt);
  if (!refusal) return ret;
  if (refusal.ret) {
    // A retried create whose first attempt landed meanwhile.
    const existing = await readReturn(returnId);
    if (existing) return existing.ret;
  }
  if (refusal.item) throw noOpenRequest(item.id);
  throw new ConflictError(`The parcel of order item ${item.id} changed while the return was asked for; retry.`);
}

/** `POST /returns`, safe to retry with an `Idempotency-Key`: one key makes at most one return. */
export async function createReturn(
  input: CreateReturnInput,
  customer: Principal,
  idempotencyKey?: string,
  now: () => Date = () => new Date(),
): Promise<{ ret: Return; replayed: boolean }> {
  const { resource, replayed } = await createIdempotently({
    scope: `POST /returns#${customer.id}`,
    key: idempotencyKey,
    request: input,
    create: (id) => requestReturn(id, input, customer, now()),
    find: async (id) => (await readReturn(id))?.ret,
  });
  return { ret: resource, replayed };
}
