import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { inject } from 'vitest';
import { tableTokenStore, TOKEN_REUSE_MS } from '../../functions/courier/shiprocket-token.ts';
import {
  readCourierToken,
  releaseCourierTokenLease,
  storeCourierToken,
  takeCourierTokenLease,
  type CourierToken,
} from '../../functions/storage/courier-token-table.ts';
import { courierTokenKey } from '../../functions/storage/keys.ts';
import { FakeShiprocket, fakeClient, json } from '../unit/shiprocket-client-fakes.ts';
import { tableClient } from './support/table.ts';

/** The token record on DynamoDB Local: its conditional writes are what keeps logins to one. */
beforeAll(() => {
  vi.stubEnv('DYNAMODB_ENDPOINT', inject('dynamoEndpoint'));
  vi.stubEnv('TABLE_NAME', inject('tableName'));
});
afterAll(() => vi.unstubAllEnvs());

/** Each test its own record, so that nothing else in the table (the API's own Shiprocket calls) is touched. */
const freshScope = () => `shiprocket-test-${randomUUID()}`;
const tokenRecord = (token: string, at = Date.now()): CourierToken => ({
  token,
  obtainedAt: new Date(at).toISOString(),
  refreshAfter: new Date(at + TOKEN_REUSE_MS).toISOString(),
  tokenExpiresAt: new Date(at + TOKEN_REUSE_MS + 24 * 3600_000).toISOString(),
});
const stored = async (scope: string) =>
  (await tableClient.send(new GetCommand({ TableName: inject('tableName'), Key: courierTokenKey(scope), ConsistentRead: true }))).Item;

describe('the lease', () => {
  it('is taken by exactly one of 10 functions racing on an empty record', async () => {
    const scope = freshScope();
    const now = Date.now();
    const taken = await Promise.all(Array.from({ length: 10 }, (_, index) => takeCourierTokenLease(scope, { holder: `h${index}`, until: now + 5_000, now, replacing: undefined })));
    expect(taken.filter(Boolean)).toHaveLength(1);
    const state = await readCourierToken(scope);
    expect(state.token).toBeUndefined();
    expect(state.lease).toEqual({ holder: `h${taken.indexOf(true)}`, until: now + 5_000 });
  });

  it('is refused while held, and taken once it has run out', async () => {
    const scope = freshScope();
    const now = Date.now();
    expect(await takeCourierTokenLease(scope, { holder: 'a', until: now + 5_000, now, replacing: undefined })).toBe(true);
    expect(await takeCourierTokenLease(scope, { holder: 'b', until: now + 6_000, now: now + 4_999, replacing: undefined })).toBe(false);
    expect(await takeCourierTokenLease(scope, { holder: 'b', until: now + 10_000, now: now + 5_000, replacing: undefined })).toBe(true);
    expect((await readCourierToken(scope)).lease).toEqual({ holder: 'b', until: now + 10_000 });
  });

  it('is freed by its holder only', async () => {
    const scope = freshScope();
    const now = Date.now();
    await takeCourierTokenLease(scope, { holder: 'a', until: now + 5_000, now, replacing: undefined });
    await releaseCourierTokenLease(scope, 'b');
    expect((await readCourierToken(scope)).lease?.holder).toBe('a');
    await releaseCourierTokenLease(scope, 'a');
    expect((await readCourierToken(scope)).lease).toBeUndefined();
    await expect(releaseCourierTokenLease(freshScope(), 'a')).resolves.toBeUndefined();
  });
});

describe('storing the token', () => {
  it('needs the lease; stores the token with its times and a TTL, and frees the lease', async () => {
    const scope = freshScope();
    const now = Date.now();
    const token = tokenRecord('T1', now);
    expect(await storeCourierToken(scope, token, { holder: 'a', replacing: undefined })).toBe(false);
    await takeCourierTokenLease(scope, { holder: 'a', until: now + 5_000, now, replacing: undefined });
    expect(await storeCourierToken(scope, token, { holder: 'b', replacing: undefined })).toBe(false);
    expect(await storeCourierToken(scope, token, { holder: 'a', replacing: undefined })).toBe(true);
    expect(await readCourierToken(scope)).toEqual({ token });
    expect(await stored(scope)).toMatchObject({ kind: 'COURIER_TOKEN', expiresAt: Math.ceil(Date.parse(token.tokenExpiresAt) / 1000) + 24 * 3600 });
  });

  it('after a 401, compare and swap: only a function that saw the token still stored replaces it; the others find the new one', async () => {
    const scope = freshScope();
    const now = Date.now();
    await takeCourierTokenLease(scope, { holder: 'first', until: now + 5_000, now, replacing: undefined });
    await storeCourierToken(scope, tokenRecord('T1', now), { holder: 'first', replacing: undefined });

    // Two functions saw T1 refused. A replaces it...
    expect(await takeCourierTokenLease(scope, { holder: 'a', until: now + 5_000, now, replacing: 'T1' })).toBe(true);
    expect(await storeCourierToken(scope, tokenRecord('T2', now), { holder: 'a', replacing: 'T1' })).toBe(true);
    // ...B, late, may not take the lease to replace T1 (T1 is gone) and reads T2 instead.
    expect(await takeCourierTokenLease(scope, { holder: 'b', until: now + 5_000, now, replacing: 'T1' })).toBe(false);
    expect((await readCourierToken(scope)).token?.token).toBe('T2');
    // Nor may a holder store over a token other than the one it set out to replace.
    expect(await takeCourierTokenLease(scope, { holder: 'c', until: now + 5_000, now, replacing: 'T2' })).toBe(true);
    expect(await storeCourierToken(scope, tokenRecord('T3', now), { holder: 'c', replacing: 'T1' })).toBe(false);
    expect((await readCourierToken(scope)).token?.token).toBe('T2');
  });
});

describe('the client on the table', () => {
  const notYetTracked = { tracking_data: { track_status: 0, error: 'No activities found' } };

  it('20 cold containers at once: one login; all 401 at once: one re-login', async () => {
    const fake = new FakeShiprocket().on('GET /courier/track/awb/*', () => json(notYetTracked));
    fake.loginDelayMs = 50;
    const store = tableTokenStore(freshScope());
    const clients = Array.from({ length: 20 }, () => fakeClient(fake, store));
    await Promise.all(clients.map((client) => client.trackAwb('A1')));
    expect(fake.logins).toBe(1);
    fake.revokeTokens();
    await Promise.all(clients.map((client) => client.trackAwb('A1')));
    expect(fake.logins).toBe(2);
    expect((await store.read()).token?.token).toBe('token-2');
    expect(fake.requestsTo('GET /courier/track/awb/A1').filter((request) => request.token === 'token-2')).toHaveLength(20);
  });
});
