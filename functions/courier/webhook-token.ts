import { createHash, timingSafeEqual } from 'node:crypto';
import { readSecretJson } from './shiprocket-credentials.ts';

let loaded: Promise<string> | undefined;

/**
 * The token Shiprocket sends in `x-api-key`: `SHIPROCKET_WEBHOOK_TOKEN` locally, else the secret
 * `SHIPROCKET_WEBHOOK_SECRET_ARN` (JSON `{ "token": "..." }`), read once per container.
 */
function webhookToken(): Promise<string> {
  loaded ??= (async () => {
    const local = process.env.SHIPROCKET_WEBHOOK_TOKEN;
    if (local) return local;
    const arn = process.env.SHIPROCKET_WEBHOOK_SECRET_ARN;
    if (!arn) throw new Error('The courier webhook token is not configured: set SHIPROCKET_WEBHOOK_SECRET_ARN or SHIPROCKET_WEBHOOK_TOKEN');
    const token = ((await readSecretJson(arn)) as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string' || token.length < 16) throw new Error('The webhook secret must be a JSON string {"token": "<at least 16 characters>"}');
    return token;
  })().catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** Whether `presented` is the configured token, compared in constant time (digests of equal length). */
export async function isWebhookToken(presented: string | undefined): Promise<boolean> {
  if (presented === undefined) return false;
  return timingSafeEqual(digest(presented), digest(await webhookToken()));
}
