import { OutcomeUnknownError, UnavailableError } from '#domain/errors.ts';

const THROTTLED = new Set(['ThrottlingException', 'ProvisionedThroughputExceededException', 'RequestLimitExceeded', 'LimitExceededException', 'SlowDown']);
const NO_ANSWER = new Set(['TimeoutError', 'AbortError', 'RequestTimeout', 'RequestTimeoutException']);
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * What a failed DynamoDB or S3 call means for the client. Throttling and refused connections:
 * nothing happened, retry (503 UNAVAILABLE). No answer or a server fault: a retry-safe call (a read,
 * or a write the same request redoes harmlessly) is just unavailable, but a write may have landed
 * (503 OUTCOME_UNKNOWN). Anything else (a bug) passes through as it is.
 */
export function storageFault(error: unknown, kind: 'retry-safe' | 'write'): unknown {
  if (!(error instanceof Error)) return error;
  const code = (error as { code?: string }).code;
  const fault = (error as { $fault?: string }).$fault;
  if (THROTTLED.has(error.name) || (code !== undefined && NOT_SENT.has(code))) {
    return new UnavailableError('Storage is busy or unreachable; nothing was changed. Retry shortly.');
  }
  const unanswered = NO_ANSWER.has(error.name) || fault === 'server' || code === 'ECONNRESET' || code === 'EPIPE' || code === 'ETIMEDOUT';
  if (!unanswered) return error;
  if (kind === 'retry-safe') return new UnavailableError('Storage did not answer in time; retry shortly.');
  return new OutcomeUnknownError(
    'Storage did not confirm this change in time: it may or may not have been made. Re-read the resource, or retry a create with the same Idempotency-Key.',
  );
}

/** Runs one read, its failures mapped for the client. */
export async function reading<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw storageFault(error, 'retry-safe');
  }
}
