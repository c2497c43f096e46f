import { claimIdempotencyKey } from '#storage/idempotency-keys.ts';
import { digestOf } from './canonical-json.ts';
import { ConflictError } from './errors.ts';
import { newId } from './ids.ts';

export interface IdempotentCreate<T> {
  /** Keys are separate per route and caller: `POST /parcels` of seller X. */
  scope: string;
  /** The client's `Idempotency-Key`, if it sent one. */
  key: string | undefined;
  /** The validated request; the same key with another request is a 409. */
  request: unknown;
  /** The id the resource will have; a new ULID unless the resource's id is known beforehand. */
  resourceId?: string;
  /** Creates the resource with this id (a retry of a failed or unfinished create passes the same id). */
  create: (id: string) => Promise<T>;
  /** The resource made under this id, if it exists. */
  find: (id: string) => Promise<T | undefined>;
}

/**
 * Creates at most one resource per key (the Stripe convention). The key is claimed, with the id of
 * the resource to be, before anything is created; a retry with the same key and request answers the
 * resource made under it, or — if the first attempt never finished — makes it now with that same id.
 */
export async function createIdempotently<T>(options: IdempotentCreate<T>): Promise<{ resource: T; replayed: boolean }> {
  if (options.key === undefined) return { resource: await options.create(options.resourceId ?? newId()), replayed: false };
  const requestHash = digestOf(options.request);
  const resourceId = options.resourceId ?? newId();
  const claim = await claimIdempotencyKey(options.scope, options.key, { requestHash, resourceId, at: new Date() });
  if (claim.claimed) return { resource: await options.create(resourceId), replayed: false };
  if (claim.requestHash !== requestHash) {
    throw new ConflictError('This Idempotency-Key was already used with a different request; use a new key for a new request.');
  }
  const existing = await options.find(claim.resourceId);
  if (existing !== undefined) return { resource: existing, replayed: true };
  return { resource: await options.create(claim.resourceId), replayed: false };
}
