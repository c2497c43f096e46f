import { isWebhookToken } from '#courier/webhook-token.ts';
import type { CourierWebhookAnswer } from '#domain/courier/courier-webhook-answer.ts';
import { courierWebhookBody, receiveCourierWebhook } from '#domain/courier/receive-courier-webhook.ts';
import { webhookHandler } from '#http/http-handler.ts';
import { logger } from '#http/logger.ts';
import { ok } from '#http/responses.ts';

export const handler = webhookHandler(isWebhookToken, courierWebhookBody, async (body) => {
  const outcome = await receiveCourierWebhook(body);
  if (outcome !== 'applied') logger.info('courier webhook changed nothing', { awb: String(body.awb), outcome });
  const answer: CourierWebhookAnswer = { ok: true };
  return ok(answer);
});
