import { DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import type { Context } from 'aws-lambda';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler as createParcel } from '../../functions/handlers/parcels/create-parcel.ts';
import { handler as getParcel } from '../../functions/handlers/parcels/get-parcel.ts';
import { REQUEST_BOUND_MS } from '../../functions/time-budget.ts';
import { apiEvent, claims, json } from './support/events.ts';

const documents = mockClient(DynamoDBDocumentClient);
beforeEach(() => documents.reset());

const never = () => new Promise<never>(() => undefined);
const contextWith = (remainingMs: number) => {
  const end = Date.now() + remainingMs;
  return { awsRequestId: 'r', functionName: 'test', getRemainingTimeInMillis: () => end - Date.now() } as unknown as Context;
};
const orderItemRecord = { pk: 'ORDER#o-1', sk: 'ITEM#000', id: 'i-1', orderId: 'o-1', sellerId: 's-1', customerId: 'c-1', status: 'received', order: {}, requestHash: 'h' };
const postParcel = (remainingMs: number) =>
  createParcel(apiEvent('POST /parcels', { claims: claims('seller', 's-1'), body: JSON.stringify({ orderId: 'o-1', itemIds: ['i-1'] }) }), contextWith(remainingMs));

describe('deadlines on DynamoDB calls', () => {
  it('answers a stalled read with 503 UNAVAILABLE when the invocation deadline comes, not when the database wakes', async () => {
    documents.on(GetCommand).callsFake(never);
    const started = Date.now();
    const result = await getParcel(apiEvent('GET /parcels/{parcelId}', { claims: claims('admin', 'a'), params: { parcelId: 'p-1' } }), contextWith(1_500));
    const elapsed = Date.now() - started;
    expect(result.statusCode).toBe(503);
    expect(json(result).error.code).toBe('UNAVAILABLE');
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(1_500);
  });

  it('answers a stalled write with 503 OUTCOME_UNKNOWN: it may have landed, so the client re-reads or retries with its key', async () => {
    documents.on(QueryCommand).resolves({ Items: [orderItemRecord] });
    documents.on(TransactWriteCommand).callsFake(never);
    const result = await postParcel(1_200);
    expect(result.statusCode).toBe(503);
    expect(json(result).error).toEqual({ code: 'OUTCOME_UNKNOWN', message: expect.stringMatching(/may or may not have been made.*Idempotency-Key/) });
  });

  it('never waits longer than the request bound, however long the invocation may run', async () => {
    documents.on(QueryCommand).resolves({ Items: [orderItemRecord, { ...orderItemRecord, sk: 'ITEM#001', id: 'i-2' }] });
    documents.on(TransactWriteCommand).callsFake(never);
    const started = Date.now();
    const result = await createParcel(
      apiEvent('POST /parcels', { claims: claims('seller', 's-1'), body: JSON.stringify({ orderId: 'o-1', itemIds: ['i-1', 'i-2'] }) }),
      contextWith(60_000),
    );
    expect(json(result).error.code).toBe('OUTCOME_UNKNOWN');
    expect(Date.now() - started).toBeLessThan(REQUEST_BOUND_MS + 300);
  }, 15_000);
});
