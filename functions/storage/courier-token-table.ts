import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { send, tableName } from './dynamo-client.ts';
import { reading, storageFault } from './faults.ts';
import { courierTokenKey } from './keys.ts';
import { TTL_ATTRIBUTE } from './table-design.ts';

/**
 * One record per courier account (`COURIER#{scope}` / `TOKEN`) holds the API token every function
 * shares and, while someone is logging in, the lease of that one login. The lease is taken and the
 * token replaced only by conditional writes, so that functions starting together, or all seeing
 * the same token refused, make one login between them.
 */
export interface CourierToken {
  token: string;
  /** ISO UTC instants: when the login answered, when to log in again, when the courier stops accepting it. */
  obtainedAt: string;
  refreshAfter: string;
  tokenExpiresAt: string;
}

export interface CourierTokenLease {
  holder: string;
  /** Epoch milliseconds; the lease is free from then on. */
  until: number;
}

export interface CourierTokenState {
  token?: CourierToken;
  lease?: CourierTokenLease;
}

interface CourierTokenRecord extends Partial<CourierToken> {
  pk: string;
  sk: 'TOKEN';
  kind: 'COURIER_TOKEN';
  leaseHolder?: string;
  leaseUntil?: number;
  [TTL_ATTRIBUTE]?: number;
}

/** DynamoDB TTL removes a record this long after its token expired. */
const TTL_AFTER_EXPIRY_SECONDS = 24 * 3600;

/** The token and the lease as they are now (strongly consistent). */
export async function readCourierToken(scope: string): Promise<CourierTokenState> {
  const output = await reading(() => send(new GetCommand({ TableName: tableName(), Key: courierTokenKey(scope), ConsistentRead: true })));
  const record = output.Item as CourierTokenRecord | undefined;
  if (!record) return {};
  const { token, obtainedAt, refreshAfter, tokenExpiresAt, leaseHolder, leaseUntil } = record;
  return {
    ...(token && obtainedAt && refreshAfter && tokenExpiresAt ? { token: { token, obtainedAt, refreshAfter, tokenExpiresAt } } : {}),
    ...(leaseHolder !== undefined && leaseUntil !== undefined ? { lease: { holder: leaseHolder, until: leaseUntil } } : {}),
  };
}

/** Which token a write may replace: exactly this one, or none when undefined (no token stored yet). */
const tokenIs = (replacing: string | undefined) =>
  replacing === undefined ? { condition: 'attribute_not_exists(#token)', values: {} } : { condition: '#token = :replacing', values: { ':replacing': replacing } };

/**
 * Takes the lease for one login, in one conditional write: only when no lease is held (or the one
 * held has run out) and the stored token is still `replacing` (the one found missing, stale or
 * refused). False when someone else holds the lease or has already replaced the token.
 */
export async function takeCourierTokenLease(scope: string, lease: CourierTokenLease & { now: number; replacing: string | undefined }): Promise<boolean> {
  const token = tokenIs(lease.replacing);
  return updateIf({
    TableName: tableName(),
    Key: courierTokenKey(scope),
    UpdateExpression: 'SET kind = :kind, leaseHolder = :holder, leaseUntil = :until',
    ConditionExpression: `(attribute_not_exists(leaseUntil) OR leaseUntil <= :now) AND ${token.condition}`,
    ExpressionAttributeNames: { '#token': 'token' },
    ExpressionAttributeValues: { ':kind': 'COURIER_TOKEN', ':holder': lease.holder, ':until': lease.until, ':now': lease.now, ...token.values },
  });
}

/**
 * Stores the token the lease holder obtained and frees the lease, in one conditional write: only
 * while `holder` still holds the lease and the stored token is still `replacing` (compare and swap).
 * False when the lease ran out and someone else took it.
 */
export async function storeCourierToken(scope: string, token: CourierToken, claim: { holder: string; replacing: string | undefined }): Promise<boolean> {
  const current = tokenIs(claim.replacing);
  const expiresAtSeconds = Math.ceil(Date.parse(token.tokenExpiresAt) / 1000) + TTL_AFTER_EXPIRY_SECONDS;
  return updateIf({
    TableName: tableName(),
    Key: courierTokenKey(scope),
    UpdateExpression: 'SET #token = :token, obtainedAt = :obtainedAt, refreshAfter = :refreshAfter, tokenExpiresAt = :tokenExpiresAt, #ttl = :ttl REMOVE leaseHolder, leaseUntil',
    ConditionExpression: `leaseHolder = :holder AND ${current.condition}`,
    ExpressionAttributeNames: { '#token': 'token', '#ttl': TTL_ATTRIBUTE },
    ExpressionAttributeValues: {
      ':token': token.token,
      ':obtainedAt': token.obtainedAt,
      ':refreshAfter': token.refreshAfter,
      ':tokenExpiresAt': token.tokenExpiresAt,
      ':ttl': expiresAtSeconds,
      ':holder': claim.holder,
      ...current.values,
    },
  });
}

/** Frees the lease if `holder` still holds it (a login that failed), so that others need not wait for it to run out. */
export async function releaseCourierTokenLease(scope: string, holder: string): Promise<void> {
  await updateIf({
    TableName: tableName(),
    Key: courierTokenKey(scope),
    UpdateExpression: 'REMOVE leaseHolder, leaseUntil',
    ConditionExpression: 'leaseHolder = :holder',
    ExpressionAttributeValues: { ':holder': holder },
  });
}

/**
 * One conditional update: true when made, false when its condition did not hold. A write whose
 * outcome is unknown needs no undoing here (a lease runs out by itself, a token is only ever
 * replaced by a newer one), so failures map as retry-safe.
 */
async function updateIf(input: UpdateCommandInput): Promise<boolean> {
  try {
    await send(new UpdateCommand(input));
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw storageFault(error, 'retry-safe');
  }
}
