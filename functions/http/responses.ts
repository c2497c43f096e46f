import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

export type HttpResult = APIGatewayProxyStructuredResultV2;

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

export function jsonResponse(statusCode: number, body: unknown): HttpResult {
  return { statusCode, headers: { ...JSON_HEADERS }, body: JSON.stringify(body) };
}

export const ok = (body: unknown): HttpResult => jsonResponse(200, body);
export const created = (body: unknown): HttpResult => jsonResponse(201, body);
export const noContent = (): HttpResult => ({ statusCode: 204, headers: {} });

/** The answer to a retried create: what the first request made, marked as a replay (Stripe's header). */
export const replayed = (response: HttpResult): HttpResult => ({ ...response, headers: { ...response.headers, 'idempotent-replayed': 'true' } });
