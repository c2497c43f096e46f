import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Time bounds shared by the deployed functions (lib/house-function.ts) and the local server, which
 * gives each invocation the same budget a Lambda invocation would have.
 */
export const FUNCTION_TIMEOUT_MS = 10_000;

/**
 * A request answers within this bound, with a 503 at worst: every outbound call (DynamoDB, S3,
 * courier) is aborted when the request's deadline passes. Well under API Gateway's 30 s limit and
 * under the function timeout, so the answer is always ours, never a gateway timeout.
 */
export const REQUEST_BOUND_MS = 8_000;

/** Kept free at the end of an invocation to map the error and answer after a call was aborted. */
const ANSWER_MARGIN_MS = 500;

const deadlines = new AsyncLocalStorage<number>();

/**
 * Runs `work` with a deadline of REQUEST_BOUND_MS from now, or earlier when the invocation has
 * less time left; every outbound call inside it is aborted at the deadline.
 */
export function withDeadline<T>(remainingInvocationMs: number | undefined, work: () => Promise<T>): Promise<T> {
  const budget = Math.min(REQUEST_BOUND_MS, (remainingInvocationMs ?? FUNCTION_TIMEOUT_MS) - ANSWER_MARGIN_MS);
  return deadlines.run(Date.now() + Math.max(budget, 0), work);
}

/**
 * The abort signal for one outbound call: fires at the current request's deadline, or after
 * REQUEST_BOUND_MS outside a request (scripts, demo seeding).
 */
export function outboundSignal(): AbortSignal {
  const deadline = deadlines.getStore();
  const remaining = deadline === undefined ? REQUEST_BOUND_MS : deadline - Date.now();
  return AbortSignal.timeout(Math.max(remaining, 1));
}
