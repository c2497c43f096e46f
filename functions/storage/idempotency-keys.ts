import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { send, tableName } from './dynamo-client.ts';
import { storageFault } from './faults.ts';
import { idempotencyKey } from './keys.ts';
import { TTL_ATTRIBUTE } from './table-design.ts';

/** How long a key answers with what it created (Stripe's convention); DynamoDB TTL removes it after. */
export const IDEMPOTENCY_KEY_TTL_SECONDS = 24 * 3600;

interface IdempotencyRecord {
  pk: string;
  sk: 'KEY';
  kind: 'IDEMPOTENCY_KEY';
  requestHash: string;
  resourceId: string;
  createdAt: string;
  [TTL_ATTRIBUTE]: number;
}

export type IdempotencyClaim = { claimed: true } | { claimed: false; requestHash: string; resourceId: string };

/**
 * Claims `key` within `scope` for the resource about to be created, in one conditional write. When
 * the key is already held (and not expired), answers what it holds instead, from the same round trip.
 */
export async function claimIdempotencyKey(scope: string, key: string, claim: { requestHash: string; resourceId: string; at: Date }): Promise<IdempotencyClaim> {
  const nowSeconds = Math.floor(claim.at.getTime() / 1000);
  const record: IdempotencyRecord = {
    ...idempotencyKey(scope, key),
    kind: 'IDEMPOTENCY_KEY',
    requestHash: claim.requestHash,
    resourceId: claim.resourceId,
    createdAt: claim.at.toISOString(),
    [TTL_ATTRIBUTE]: nowSeconds + IDEMPOTENCY_KEY_TTL_SECONDS,
  };
  try {
    await send(
      new PutCommand({
        TableName: tableName(),
        Item: record,
        // TTL deletion lags by up to days: an expired key is free again.
        ConditionExpression: 'attribute_not_exists(pk) OR #expires < :now',
        ExpressionAttributeNames: { '#expires': TTL_ATTRIBUTE },
        ExpressionAttributeValues: { ':now': nowSeconds },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return { claimed: true };
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException && error.Item) {
      const held = unmarshall(error.Item) as IdempotencyRecord;
      return { claimed: false, requestHash: held.requestHash, resourceId: held.resourceId };
    }
    throw storageFault(error, 'write');
  }
}
