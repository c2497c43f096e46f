import type { Context } from 'aws-lambda';
import { FUNCTION_TIMEOUT_MS } from '../functions/time-budget.ts';

/**
 * The Lambda context of one local invocation: like Lambda's, it has a real deadline,
 * `timeoutMs` (the deployed functions' timeout) from the start of the invocation, and
 * `getRemainingTimeInMillis()` counts down to it (never below 0).
 */
export function lambdaContext(requestId: string, handlerName: string, options: { timeoutMs?: number; now?: () => number } = {}): Context {
  const now = options.now ?? Date.now;
  const deadline = now() + (options.timeoutMs ?? FUNCTION_TIMEOUT_MS);
  const functionName = `local-${handlerName.replace(/\W+/g, '-')}`;
  return {
    awsRequestId: requestId,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: false,
    getRemainingTimeInMillis: () => Math.max(0, deadline - now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
