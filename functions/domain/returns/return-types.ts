import * as z from 'zod/mini';

/** A return's statuses (API.md, "Returns"). */
export const RETURN_STATUSES = ['requested', 'approved', 'declined', 'picked_up', 'returned'] as const;
export const returnStatusSchema = z.enum(RETURN_STATUSES);
export type ReturnStatus = z.infer<typeof returnStatusSchema>;

/** Who changed a return: the role acting (customers ask, admins decide, delivery persons collect). */
export const returnEventSourceSchema = z.enum(['customer', 'admin', 'delivery']);
export type ReturnEventSource = z.infer<typeof returnEventSourceSchema>;

/** One step of a return's history (an extension of API.md's `Return`). */
export const returnEventSchema = z.object({
  at: z.string(),
  status: returnStatusSchema,
  source: returnEventSourceSchema,
  actor: z.string(),
  note: z.nullable(z.string()),
});
export type ReturnEvent = z.infer<typeof returnEventSchema>;

/** API.md's `Return`, plus its `events`. */
export const returnSchema = z.object({
  id: z.string(),
  orderItemId: z.string(),
  orderId: z.string(),
  sellerId: z.string(),
  customerId: z.string(),
  reason: z.string(),
  status: returnStatusSchema,
  declineReason: z.nullable(z.string()),
  deliveryPersonId: z.nullable(z.string()),
  createdAt: z.string(),
  decidedAt: z.nullable(z.string()),
  pickedUpAt: z.nullable(z.string()),
  receivedAt: z.nullable(z.string()),
  events: z.array(returnEventSchema),
});
export type Return = z.infer<typeof returnSchema>;
