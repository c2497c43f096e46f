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
