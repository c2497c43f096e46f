import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { AppError, type ErrorCode } from '#domain/errors.ts';
import type { ErrorBody } from './error-body.ts';
import { logger } from './logger.ts';
import { jsonResponse } from './responses.ts';

/** The code of an unexpected failure (500): not an `ErrorCode`, nothing raises it on purpose. */
export const INTERNAL_ERROR = 'INTERNAL_ERROR';

/** Each error code's HTTP status (the OpenAPI document lists, per status, the codes it can carry). */
export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UPSTREAM_ERROR: 502,
  UNAVAILABLE: 503,
  OUTCOME_UNKNOWN: 503,
};

const UNAVAILABLE_ERRORS = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TimeoutError',
]);

/** Throttling, timeouts, refused connections and AWS server faults: safe for the client to retry. */
function isDependencyUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const fault = (error as { $fault?: string }).$fault;
  const code = (error as { code?: string }).code;
  return UNAVAILABLE_ERRORS.has(error.name) || fault === 'server' || code === 'ECONNREFUSED' || code === 'ECONNRESET';
}

/** The one place errors become HTTP responses. Unknown errors are logged and hidden behind a request id. */
export function errorResponse(error: unknown, requestId: string): APIGatewayProxyStructuredResultV2 {
  if (error instanceof AppError) {
    const status = STATUS_BY_CODE[error.code];
    const body: ErrorBody = { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
    return jsonResponse(status, body);
  }
  if (isDependencyUnavailable(error)) {
    logger.warn('dependency unavailable', { requestId, error: error as Error });
    const body: ErrorBody = { error: { code: 'UNAVAILABLE', message: 'A service we depend on is busy or down; retry shortly.' } };
    return jsonResponse(503, body);
  }
  logger.error('unhandled error', { requestId, error: error as Error });
  const body: ErrorBody = {
    error: { code: INTERNAL_ERROR, message: `Something went wrong on our side. Quote request id ${requestId} when reporting it.`, requestId },
  };
  return jsonResponse(500, body);
}
