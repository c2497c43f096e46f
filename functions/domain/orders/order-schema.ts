import * as z from 'zod/mini';
import { idSchema, text } from '../schemas.ts';

export const addressSchema = z.object({
  name: text(200),
  phone: z.string().check(z.regex(/^\+?[0-9 ()-]{6,20}$/, 'must be a phone number (6-20 digits, optional +)')),
  email: z.optional(z.email().check(z.maxLength(254))),
  line1: text(300),
  line2: z.optional(text(300)),
  city: text(100),
  state: text(100),
  postalCode: z.string().check(z.regex(/^[A-Za-z0-9 -]{3,12}$/, 'must be a postal code')),
  country: text(100),
});

export const orderItemInputSchema = z.object({
  id: z.optional(idSchema),
  sellerId: idSchema,
  productName: text(300),
  sku: text(100),
  variant: z.optional(text(200)),
  quantity: z.int().check(z.gte(1), z.lte(10_000)),
  unitPrice: z.int().check(z.gte(0)),
  taxPercent: z.number().check(z.gte(0), z.lte(100)),
  hsn: z.optional(z.string().check(z.regex(/^[0-9]{4,8}$/, 'must be a 4-8 digit HSN code'))),
  returnable: z._default(z.boolean(), true),
  returnWindowDays: z._default(z.int().check(z.gte(0), z.lte(365)), 7),
});

export const createOrderSchema = z
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

export type CreateOrderInput = z.infer<typeof createOrderSchema>;
