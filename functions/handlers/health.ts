import { checkHealth } from '#domain/health/check-health.ts';
import { publicHandler } from '#http/http-handler.ts';
import { jsonResponse } from '#http/responses.ts';

/** `GET /health` (liveness) and `GET /health?deep=true` (each dependency; 503 when one is down). No data either way. */
export const handler = publicHandler(async (event) => {
  const health = await checkHealth(event.queryStringParameters?.deep === 'true');
  return jsonResponse(health.status === 'ok' ? 200 : 503, health);
});
