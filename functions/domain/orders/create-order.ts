import * as z from 'zod/mini';
import { insertOrder, readOrder } from '#storage/order-items-table.ts';
import { digestOf } from '../canonical-json.ts';
import { ConflictError } from '../errors.ts';
import { newId } from '../ids.ts';
import { addressSchema, idSchema, text, twoDecimals } from '../schemas.ts';
import type { Order } from './order-types.ts';

export const orderItemInputSchema = z.object({
  id: z.optional(idSchema),
  sellerId: idSchema,
  productName: text(300),
  sku: text(100),
  variant: z.optional(text(200)),
  quantity: z.int().check(z.gte(1), z.lte(10_000)),
  /** Paise; the cap (₹1 crore a unit) keeps every total an exact integer. */
  unitPrice: z.int().check(z.gte(0), z.lte(1_000_000_000)),
  taxPercent: twoDecimals(0, 100),
  hsn: z.optional(z.string().check(z.regex(/^[0-9]{4,8}$/, 'must be a 4-8 digit HSN code'))),
  returnable: z._default(z.boolean(), true),
  returnWindowDays: z._default(z.int().check(z.gte(0), z.lte(365)), 7),
});

export const createOrderBody = z
  .object({
    id: z.optional(idSchema),
    customerId: idSchema,
    paymentMethod: z.enum(['prepaid', 'cod']),
    currency: z._default(z.string().check(z.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code like INR')), 'INR'),
    shippingAddress: addressSchema,
    billingAddress: z.optional(addressSchema),
    items: z.array(orderItemInputSchema).check(z.minLength(1, 'an order needs at least one item'), z.maxLength(100, 'an order holds at most 100 items')),
  })
  .check(
    z.refine((order) => {
      const ids = order.items.flatMap((item) => (item.id ? [item.id] : []));
      return new Set(ids).size === ids.length;
    }, { message: 'item ids must be unique within the order', path: ['items'] }),
  );

export type CreateOrderInput = z.infer<typeof createOrderBody>;

/**
 * Stores a new order with all its items in one write. `input.id` is an idempotency key: the
 * same body again answers the stored order (`created: false`); another body under it is a 409.
 */
export async function createOrder(input: CreateOrderInput): Promise<{ order: Order; created: boolean }> {
  const requestHash = digestOf(input);
  const placedAt = new Date().toISOString();
  const id = input.id ?? newId();
  const order: Order = {
    id,
    customerId: input.customerId,
    paymentMethod: input.paymentMethod,
    currency: input.currency,
    shippingAddress: input.shippingAddress,
    billingAddress: input.billingAddress ?? input.shippingAddress,
    placedAt,
    items: input.items.map((item) => ({
      id: item.id ?? newId(),
      orderId: id,
      sellerId: item.sellerId,
      customerId: input.customerId,
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
    })),
  };
  if ((await insertOrder(order, requestHash, newId())) === 'created') return { order, created: true };
  const stored = await readOrder(id);
  if (stored?.requestHash !== requestHash) {
    throw new ConflictError(`Order ${id} already exists with a different body; an order id can be used once.`);
  }
  return { order: stored.order, created: false };
}
