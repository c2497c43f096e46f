import type { ErrorCode } from '#domain/errors.ts';
import { INTERNAL_ERROR, STATUS_BY_CODE } from '#http/error-response.ts';
import type { Route, TableAction } from '../routes.ts';
import type { RouteContract } from './route-contract.ts';

/** API.md's error table (and docs/api.md's additions): what each code means to a client. */
export const ERROR_MEANINGS: Record<ErrorCode | typeof INTERNAL_ERROR, string> = {
  BAD_REQUEST: 'the body is not JSON, a query parameter or cursor is malformed, or the Idempotency-Key header is',
  VALIDATION_FAILED: 'the body or query fails the schema; `details` names every bad field',
  UNAUTHORIZED: 'no token, bad signature, expired token; the webhook with a wrong or missing key',
  FORBIDDEN: 'the role may not call this route (or make this move)',
  NOT_FOUND: 'no such resource, or it belongs to someone else',
  CONFLICT: 'the resource’s state forbids it, or an idempotency key was reused with another body',
  PAYLOAD_TOO_LARGE: 'the body is over 256 KiB',
  UPSTREAM_ERROR: 'the courier API failed after retries; nothing was half-written',
  UNAVAILABLE: 'a dependency is busy or down; nothing changed, retry as is',
  OUTCOME_UNKNOWN: 'a write was sent but not confirmed in time: re-read, or retry a create with the same Idempotency-Key',
  INTERNAL_ERROR: 'an unexpected failure; quote `requestId` when reporting it',
};

const WRITES: readonly TableAction[] = ['PutItem', 'UpdateItem', 'DeleteItem'];

/**
 * Every error code `route` can answer: those its shape implies (the check order of docs/api.md:
 * token, role, body, query, path id, then its dependencies) plus the domain errors its contract names.
 */
export function routeErrors(route: Route, contract: RouteContract): Set<ErrorCode | typeof INTERNAL_ERROR> {
  const codes = new Set<ErrorCode | typeof INTERNAL_ERROR>([INTERNAL_ERROR]);
  const add = (...more: ErrorCode[]) => more.forEach((code) => codes.add(code));
  if (route.roles !== 'public') add('UNAUTHORIZED', 'FORBIDDEN');
  if (route.access.courierWebhook) add('UNAUTHORIZED');
  if (contract.request?.body) add('BAD_REQUEST', 'VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE');
  // Public routes read their query themselves (health's `deep`): only `httpHandler` validates one.
  if (contract.request?.query && route.roles !== 'public') add('BAD_REQUEST', 'VALIDATION_FAILED');
  if (contract.request?.params) add('NOT_FOUND');
  if (contract.idempotencyKey) add('BAD_REQUEST', 'CONFLICT');
  if (route.access.table || route.access.invoices) add('UNAVAILABLE');
  if (route.access.table?.some((action) => WRITES.includes(action))) add('OUTCOME_UNKNOWN');
  if (route.access.courier) add('UPSTREAM_ERROR');
  add(...(contract.errors ?? []));
  return codes;
}

/** The codes grouped by the status they answer with, statuses ascending. */
export function errorsByStatus(codes: Iterable<ErrorCode | typeof INTERNAL_ERROR>): Map<number, string[]> {
  const byStatus = new Map<number, string[]>();
  for (const code of codes) {
    const status = code === INTERNAL_ERROR ? 500 : STATUS_BY_CODE[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return new Map([...byStatus].sort(([a], [b]) => a - b));
}
