import { describe, expect, it } from 'vitest';
import { FUNCTION_TIMEOUT_MS } from '../../functions/time-budget.ts';
import { lambdaContext } from '../../local/lambda-context.ts';

describe('the local Lambda context', () => {
  it('has a real deadline: FUNCTION_TIMEOUT_MS from the start of the invocation, counting down to 0', () => {
    let now = 1_000_000;
    const context = lambdaContext('request-1', 'parcels/get-parcel', { now: () => now });
    expect(context.getRemainingTimeInMillis()).toBe(FUNCTION_TIMEOUT_MS);
    now += 1_500;
    expect(context.getRemainingTimeInMillis()).toBe(FUNCTION_TIMEOUT_MS - 1_500);
    now += FUNCTION_TIMEOUT_MS;
    expect(context.getRemainingTimeInMillis()).toBe(0);
  });

  it('decreases on the real clock', async () => {
    const context = lambdaContext('request-2', 'health');
    const first = context.getRemainingTimeInMillis();
    expect(first).toBeLessThanOrEqual(FUNCTION_TIMEOUT_MS);
    expect(first).toBeGreaterThan(FUNCTION_TIMEOUT_MS - 1_000);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(context.getRemainingTimeInMillis()).toBeLessThanOrEqual(first - 25);
  });

  it('names the invocation like Lambda does', () => {
    const context = lambdaContext('request-3', 'parcels/get-parcel');
    expect(context).toMatchObject({ awsRequestId: 'request-3', functionName: 'local-parcels-get-parcel', functionVersion: '$LATEST' });
  });
});
