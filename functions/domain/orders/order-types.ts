import * as z from 'zod/mini';
import { PARCEL_STATUSES } from '../parcels/parcel-status.ts';

/** The API's response shapes of orders (API.md, "Orders"): the OpenAPI document is generated from these. */
export const addressSchema = z.object({
  name: z.string(),
  phone: z.string(),
  email: z.optional(z.string()),
  line1: z.string(),
  line2: z.optional(z.string()),
  city: z.string(),
  state: z.string(),
  postalCode: z.string(),
  country: z.string(),
});
export type Address = z.infer<typeof addressSchema>;

export const PAYMENT_METHODS = ['prepaid', 'cod'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** An item's status is its parcel's, or `returned` once a return of it is received. */
export const ITEM_STATUSES = [...PARCEL_STATUSES, 'returned'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const ITEM_RETURN_STATUSES = ['requested', 'approved', 'declined', 'picked_up', 'returned'] as const;
export type ReturnStatus = (typeof ITEM_RETURN_STATUSES)[number];

export const orderItemSchema = z.object({
  id: z.string(),
  orderId: z.string(),
  sellerId: z.string(),
  customerId: z.string(),
  productName: z.string(),
  sku: z.string(),
  variant: z.nullable(z.string()),
  quantity: z.int(),
  /** Minor units (paise), tax-exclusive. */
  unitPrice: z.int(),
  taxPercent: z.number(),
  hsn: z.nullable(z.string()),
  returnable: z.boolean(),
  returnWindowDays: z.int(),
  status: z.enum(ITEM_STATUSES),
  parcelId: z.nullable(z.string()),
  returnStatus: z.nullable(z.enum(ITEM_RETURN_STATUSES)),
  placedAt: z.string(),
  deliveredAt: z.nullable(z.string()),
});
export type OrderItem = z.infer<typeof orderItemSchema>;

export const orderSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  paymentMethod: z.enum(PAYMENT_METHODS),
  currency: z.string(),
  shippingAddress: addressSchema,
  billingAddress: addressSchema,
  placedAt: z.string(),
  items: z.array(orderItemSchema),
});
export type Order = z.infer<typeof orderSchema>;

/** What an order says once, shared by all its items (immutable after ingestion). */
export type OrderHeader = Omit<Order, 'items'>;
