import { digestOf } from '../canonical-json.ts';
import { ConflictError } from '../errors.ts';
import { newId } from '../ids.ts';
import { orderItemRecord, putNewItemAction, readOrderItems, toOrder } from '#storage/order-items-table.ts';
import { ConditionsFailed, writeAtomically } from '#storage/transactions.ts';
import type { CreateOrderInput } from './order-schema.ts';
import type { Order, OrderHeader, OrderItem } from './order-types.ts';

/**
 * Stores a new order with all its items in one write. `input.id` is an idempotency key: the
 * same body again answers the stored order (`created: false`); another body under it is a 409.
 */
export async function ingestOrder(input: CreateOrderInput): Promise<{ order: Order; created: boolean }> {
  const requestHash = digestOf(input);
  const placedAt = new Date().toISOString();
  const listSortKey = newId();
  const header: OrderHeader = {
    id: input.id ?? newId(),
    customerId: input.customerId,
    paymentMethod: input.paymentMethod,
    currency: input.currency,
    shippingAddress: input.shippingAddress,
    billingAddress: input.billingAddress ?? input.shippingAddress,
    placedAt,
  };
  const items: OrderItem[] = input.items.map((item) => ({
    id: item.id ?? newId(),
    orderId: header.id,
    sellerId: item.sellerId,
    customerId: header.customerId,
    productName: item.productName,
    sku: item.sku,
    variant: item.variant ?? null,
    quantity: item.quantity,
    unitPrice: item.unitPrice,
    taxPercent: item.taxPercent,
    hsn: item.hsn ?? null,
    returnable: item.returnable,
    returnWindowDays: item.returnWindowDays,
    status: 'received',
    parcelId: null,
    returnStatus: null,
    placedAt,
    deliveredAt: null,
  }));
  const records = items.map((item, position) => orderItemRecord(header, item, position, `${listSortKey}#${String(position).padStart(3, '0')}`, requestHash));
  try {
    await writeAtomically(records.map(putNewItemAction));
    return { order: { ...header, items }, created: true };
  } catch (error) {
    if (!(error instanceof ConditionsFailed)) throw error;
  }
  const stored = await readOrderItems(header.id);
  if (stored[0]?.requestHash !== requestHash) {
    throw new ConflictError(`Order ${header.id} already exists with a different body; an order id can be used once.`);
  }
  return { order: toOrder(stored) as Order, created: false };
}
