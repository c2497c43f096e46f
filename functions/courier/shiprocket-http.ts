import { logger } from '#http/logger.ts';
import { ShiprocketError } from './shiprocket-api.ts';

/** Three attempts at most per call, each aborted after 4 s or at the request's deadline, whichever comes first. */
export const MAX_ATTEMPTS = 3;
export const PER_CALL_TIMEOUT_MS = 4_000;
/** Full jitter: the wait before attempt n+1 is uniform in [0, min(cap, base · 2^(n-1))). */
export const BACKOFF_BASE_MS = 250;
export const BACKOFF_CAP_MS = 2_000;
/** A Retry-After longer than this leaves no useful time in the request: the call fails at once instead. */
export const MAX_RETRY_AFTER_MS = 4_000;

/**
 * How safely a call may be sent again after an attempt whose outcome is unknown (a timeout, a
 * dropped connection, a 5xx):
 * - `idempotent`: reads, label, cancel — retried on every transient failure.
 * - `effectful`: AWB, pickup — retried too (a repeat duplicates nothing), but a refusal that follows
 *   an attempt with unknown outcome ("AWB is already assigned") may be that attempt's own success,
 *   so it is reported as `unavailable`, not `rejected`.
 * - `create`: a repeat makes a second courier order (Shiprocket has no idempotency key), so it is
 *   retried only when Shiprocket certainly did not act: 429, or a connection never made.
 */
export type CallSafety = 'idempotent' | 'effectful' | 'create';

export interface CallSpec {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  token?: string;
  safety: CallSafety;
}

export interface TransportOptions {
  baseUrl: string;
  fetch: typeof fetch;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  random: () => number;
  now: () => number;
  /** The request's deadline, as a signal (`outboundSignal()`). */
  deadline: () => AbortSignal;
  perCallTimeoutMs: number;
  maxAttempts: number;
}

/** What one call came to: the JSON body (undefined when empty) of a success, or a 401. */
export type CallResult = { kind: 'ok'; status: number; body: unknown } | { kind: 'unauthorized'; status: number; message: string };

/** Carried across the calls of one operation (the retry after a re-login included). */
export interface CallState {
  /** An attempt was sent and its outcome never learnt. */
  outcomeUnknown: boolean;
}

type Attempt =
  | CallResult
  | { kind: 'rejected'; status: number; message: string; fieldErrors: Record<string, string[]> }
  | { kind: 'transient'; status: number | undefined; reason: string; processed: 'no' | 'maybe'; retryAfterMs?: number }
  | { kind: 'invalid'; status: number; reason: string };

/** Node's fetch failed before a connection existed: the request never left. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A number Shiprocket may send as a string. */
const numeric = (value: unknown): number | undefined => {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return Number(value);
  return undefined;
};

/** The first non-empty text among the places Shiprocket puts a reason. */
export function messageIn(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim() || undefined;
  if (!isRecord(body)) return undefined;
  const response = isRecord(body.response) ? body.response : undefined;
  const data = response && isRecord(response.data) ? response.data : undefined;
  for (const candidate of [body.message, body.error, data?.awb_assign_error, response?.data, response?.message, body.response]) {
    if (typeof candidate === 'string' && candidate.trim() !== '') return candidate.trim();
  }
  return undefined;
}

/** 422's `errors` as `{ field: [messages] }`; an unknown pickup nickname as an error of `pickup_location`. */
export function fieldErrorsIn(body: unknown): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  if (!isRecord(body)) return fieldErrors;
  if (isRecord(body.errors)) {
    for (const [field, messages] of Object.entries(body.errors)) {
      const list = (Array.isArray(messages) ? messages : [messages]).filter((message): message is string => typeof message === 'string');
      if (list.length > 0) fieldErrors[field] = list;
    }
  }
  const message = messageIn(body);
  if (message?.startsWith('Wrong Pickup location') && !fieldErrors.pickup_location) fieldErrors.pickup_location = [message];
  return fieldErrors;
}

/**
 * The status an answer really carries: Shiprocket answers some failures with HTTP 200 and the
 * status in the body (`status_code: 422`, or `status: 404` from serviceability).
 */
function statusInside(httpStatus: number, body: unknown): number {
  if (!isRecord(body)) return httpStatus;
  for (const candidate of [numeric(body.status_code), numeric(body.status)]) {
    if (candidate !== undefined && candidate >= 400 && candidate <= 599) return candidate;
  }
  return httpStatus;
}

/** Retry-After in seconds or as an HTTP date, in milliseconds from now. */
function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function classify(httpStatus: number, text: string, headers: Headers, now: number): Attempt {
  let body: unknown;
  if (text.trim() !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      if (httpStatus >= 200 && httpStatus < 300) return { kind: 'invalid', status: httpStatus, reason: 'Shiprocket answered something other than JSON' };
      body = undefined;
    }
  }
  const status = statusInside(httpStatus, body);
  const message = messageIn(body) ?? `Shiprocket answered HTTP ${status}`;
  if (status >= 200 && status < 300) return { kind: 'ok', status: httpStatus, body };
  if (status === 401) return { kind: 'unauthorized', status: httpStatus, message };
  if (status === 429) return { kind: 'transient', status: httpStatus, reason: `rate limited (429): ${message}`, processed: 'no', retryAfterMs: retryAfterMs(headers.get('retry-after'), now) };
  if (status >= 500) return { kind: 'transient', status: httpStatus, reason: `${status}: ${message}`, processed: 'maybe', retryAfterMs: retryAfterMs(headers.get('retry-after'), now) };
  if (status >= 400) return { kind: 'rejected', status: httpStatus, message, fieldErrors: fieldErrorsIn(body) };
  return { kind: 'invalid', status: httpStatus, reason: `Shiprocket answered HTTP ${httpStatus}` };
}

function networkFailure(error: unknown, perCall: AbortSignal): Attempt {
  if (perCall.aborted) return { kind: 'transient', status: undefined, reason: 'no answer within the per-call timeout', processed: 'maybe' };
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? (error as { code?: string }).code;
  const described = cause?.message ?? (error as Error).message ?? String(error);
  return { kind: 'transient', status: undefined, reason: `network error: ${code ?? described}`, processed: code !== undefined && NOT_SENT_CODES.has(code) ? 'no' : 'maybe' };
}

const unavailable = (message: string, status: number | undefined) => new ShiprocketError(message, 'unavailable', status);
export const unknownCreate = (spec: Pick<CallSpec, 'safety'>) => (spec.safety === 'create' ? ': the order may or may not have been created (look it up before creating again)' : '');

/**
 * Sends one call with bounded retries (exponential backoff, full jitter, Retry-After respected),
 * each attempt bounded by the per-call timeout and the request's deadline. Answers the body of a
 * success or a 401 (for the caller to log in again); throws `ShiprocketError` otherwise.
 */
export async function sendCall(options: TransportOptions, spec: CallSpec, state: CallState): Promise<CallResult> {
  const deadline = options.deadline();
  const url = new URL(`${options.baseUrl}${spec.path}`);
  for (const [name, value] of Object.entries(spec.query ?? {})) url.searchParams.set(name, value);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (spec.body !== undefined) headers['content-type'] = 'application/json';
  if (spec.token !== undefined) headers.authorization = `Bearer ${spec.token}`;
  const what = `${spec.method} ${spec.path}`;

  for (let attempt = 1; ; attempt += 1) {
    if (deadline.aborted) throw unavailable(`Shiprocket ${what}: the request's time ran out`, undefined);
    const perCall = AbortSignal.timeout(options.perCallTimeoutMs);
    let outcome: Attempt;
    try {
      const response = await options.fetch(url, {
        method: spec.method,
        headers,
        body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        signal: AbortSignal.any([perCall, deadline]),
      });
      outcome = classify(response.status, await response.text(), response.headers, options.now());
    } catch (error) {
      if (deadline.aborted && !perCall.aborted) {
        if (spec.method !== 'GET') state.outcomeUnknown = true;
        throw unavailable(`Shiprocket ${what}: no answer before the request's time ran out${unknownCreate(spec)}`, undefined);
      }
      outcome = networkFailure(error, perCall);
    }

    switch (outcome.kind) {
      case 'ok':
      case 'unauthorized':
        return outcome;
      case 'rejected':
        if (state.outcomeUnknown && spec.safety !== 'idempotent') {
          throw unavailable(`Shiprocket ${what}: an earlier attempt went unanswered and may have succeeded; the repeat was refused: ${outcome.message}`, outcome.status);
        }
        throw new ShiprocketError(outcome.message, 'rejected', outcome.status, outcome.fieldErrors);
      case 'invalid':
        throw unavailable(`Shiprocket ${what}: ${outcome.reason}${unknownCreate(spec)}`, outcome.status);
      case 'transient': {
        if (outcome.processed === 'maybe') state.outcomeUnknown = true;
        const mayRepeat = spec.safety !== 'create' || outcome.processed === 'no';
        const failed = `Shiprocket ${what} failed after ${attempt} attempt${attempt === 1 ? '' : 's'}: ${outcome.reason}`;
        if (!mayRepeat) throw unavailable(`${failed}, not repeated${unknownCreate(spec)}`, outcome.status);
        if (attempt >= options.maxAttempts) throw unavailable(failed, outcome.status);
        if (outcome.retryAfterMs !== undefined && outcome.retryAfterMs > MAX_RETRY_AFTER_MS) {
          throw unavailable(`${failed}; Shiprocket asks to wait ${Math.ceil(outcome.retryAfterMs / 1000)} s before retrying`, outcome.status);
        }
        const exponential = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
        const wait = outcome.retryAfterMs ?? options.random() * exponential;
        logger.warn('Shiprocket call retried', { call: what, attempt, reason: outcome.reason, waitMs: Math.round(wait) });
        try {
          await options.sleep(wait, deadline);
        } catch {
          throw unavailable(`${failed} (no time left to wait ${Math.round(wait)} ms before retrying)`, outcome.status);
        }
      }
    }
  }
}
