import * as z from 'zod/mini';

/** What `POST /webhooks/courier` answers once the push is authenticated and parsed (also for an unknown AWB). */
export const courierWebhookAnswerSchema = z.object({ ok: z.literal(true) });
export type CourierWebhookAnswer = z.infer<typeof courierWebhookAnswerSchema>;
