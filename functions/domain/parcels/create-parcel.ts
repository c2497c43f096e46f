import * as z from 'zod/mini';
import { ConflictError, NotFoundError } from '../errors.ts';
import { newId } from '../ids.ts';
import type { Principal } from '../principal.ts';
import { idSchema } from '../schemas.ts';
import { readOrderItems } from '#storage/order-items-table.ts';
import { createParcelActions, newParcelRecord, snapshotOf, toParcel } from '#storage/parcels-table.ts';
import { ConditionsFailed, MAX_TRANSACTION_ACTIONS, writeAtomically } from '#storage/transactions.ts';
import type { ParcelStatus } from './parcel-status.ts';
import type { Parcel } from './parcel-types.ts';

/** One transaction holds the parcel and one update per item. */
export const MAX_ITEMS_PER_PARCEL = MAX_TRANSACTION_ACTIONS - 1;

export const createParcelSchema = z.object({
  orderId: idSchema,
  itemIds: z
    .array(idSchema)
    .check(
      z.minLength(1, 'select at least one item'),
      z.maxLength(MAX_ITEMS_PER_PARCEL, `a parcel holds at most ${MAX_ITEMS_PER_PARCEL} items; split the items into several parcels`),
      z.refine((ids) => new Set(ids).size === ids.length, 'item ids must be unique'),
    ),
});
export type CreateParcelInput = z.infer<typeof createParcelSchema>;

const PARCELLABLE: readonly ParcelStatus[] = ['received', 'processed'];

/**
 * Packs a seller's items of one order into a new parcel: one read of the order, then one
 * transaction whose per-item conditions settle races (two requests for one item: one wins).
 */
export async function createParcel(input: CreateParcelInput, seller: Principal): Promise<Parcel> {
  const orderItems = await readOrderItems(input.orderId);
  const byId = new Map(orderItems.filter((item) => item.sellerId === seller.id).map((item) => [item.id, item]));
  const missing = input.itemIds.filter((id) => !byId.has(id));
  if (missing.length > 0) throw new NotFoundError(`Order item(s) ${missing.join(', ')} not found in your items of order ${input.orderId}.`);
  const selected = input.itemIds.map((id) => byId.get(id)!);
  const taken = selected.filter((item) => item.parcelId !== undefined || !PARCELLABLE.includes(item.status as ParcelStatus));
  if (taken.length > 0) throw itemsUnavailable(taken.map((item) => item.id));

  const now = new Date().toISOString();
  const record = newParcelRecord(
    {
      id: newId(),
      orderId: input.orderId,
      sellerId: seller.id,
      customerId: selected[0]!.customerId,
      status: 'received',
      shippingMethod: null,
      deliveryPersonId: null,
      courier: null,
      invoiceNumber: null,
      createdAt: now,
      updatedAt: now,
      events: [{ at: now, status: 'received', source: 'seller', actor: seller.id, note: null }],
    },
    selected.map(snapshotOf),
  );
  try {
    await writeAtomically(createParcelActions(record, PARCELLABLE));
  } catch (error) {
    if (error instanceof ConditionsFailed) {
      throw itemsUnavailable(selected.filter((_, i) => error.failedConditions[i + 1]).map((item) => item.id));
    }
    throw error;
  }
  return toParcel(record);
}

const itemsUnavailable = (itemIds: string[]) =>
  new ConflictError(`Order item(s) ${itemIds.join(', ') || '(selected)'} are already in a parcel or past packing; refresh and choose again.`);
