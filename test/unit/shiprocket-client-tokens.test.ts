import { describe, expect, it } from 'vitest';
import { ShiprocketError } from '../../functions/courier/shiprocket-api.ts';
import { LEASE_MS, TOKEN_LIFETIME_MS, TOKEN_REUSE_MS } from '../../functions/courier/shiprocket-token.ts';
import { FakeShiprocket, MemoryTokenStore, fakeClient, json } from './shiprocket-client-fakes.ts';

const notYetTracked = { tracking_data: { track_status: 0, error: 'No activities found' } };
const trackingFake = () => new FakeShiprocket().on('GET /courier/track/awb/*', () => json(notYetTracked));
const track = (client: ReturnType<typeof fakeClient>, awb = 'AWB1') => client.trackAwb(awb);

describe('the shared token', () => {
  it('is obtained by one login and reused by 50 calls of fresh clients (containers) sharing the store', async () => {
    const fake = trackingFake();
    const store = new MemoryTokenStore();
    for (let call = 0; call < 50; call += 1) await track(fakeClient(fake, store));
    expect(fake.logins).toBe(1);
    expect(fake.requestsTo('GET /courier/track/awb/AWB1')).toHaveLength(50);
    expect(fake.requestsTo('GET /courier/track/awb/AWB1').every((request) => request.token === 'token-1')).toBe(true);
    expect(store.state.token).toMatchObject({ token: 'token-1' });
    expect(store.state.lease).toBeUndefined();
  });

  it('is read from the store once per container, then kept in memory', async () => {
    const fake = trackingFake();
    const store = new MemoryTokenStore();
    const client = fakeClient(fake, store);
    await Promise.all(Array.from({ length: 50 }, () => track(client)));
    await track(client);
    expect(fake.logins).toBe(1);
    expect(store.reads).toBe(1);
  });

  it('is obtained by one login when 20 cold containers start at once: one takes the lease, the others wait and read its token', async () => {
    const fake = trackingFake();
    fake.loginDelayMs = 30;
    const store = new MemoryTokenStore();
    await Promise.all(Array.from({ length: 20 }, () => track(fakeClient(fake, store))));
    expect(fake.logins).toBe(1);
    expect(store.leasesTaken).toBe(1);
    expect(fake.requestsTo('GET /courier/track/awb/AWB1').every((request) => request.token === 'token-1')).toBe(true);
  });

  it('is replaced after 9 days by one login, while the old one serves the others until then', async () => {
    const fake = trackingFake();
    const store = new MemoryTokenStore();
    let now = Date.parse('2026-11-01T00:00:00Z');
    await track(fakeClient(fake, store, { now: () => now }));
    now += TOKEN_REUSE_MS + 1;
    fake.loginDelayMs = 30;
    await Promise.all(Array.from({ length: 10 }, () => track(fakeClient(fake, store, { now: () => now }))));
    expect(fake.logins).toBe(2);
    expect(store.state.token).toMatchObject({ token: 'token-2', obtainedAt: new Date(now).toISOString(), tokenExpiresAt: new Date(now + TOKEN_LIFETIME_MS).toISOString() });
    // Those that found the lease taken went on with token-1 (still valid for a day) rather than wait.
    const tokensUsed = new Set(fake.requestsTo('GET /courier/track/awb/AWB1').slice(1).map((request) => request.token));
    expect([...tokensUsed].sort()).toEqual(['token-1', 'token-2']);
  });

  it('is obtained by another function when the lease holder died mid-login: its lease runs out', async () => {
    const fake = trackingFake();
    const store = new MemoryTokenStore();
    let now = Date.parse('2026-11-01T00:00:00Z');
    store.state = { lease: { holder: 'a-function-that-died', until: now + LEASE_MS } };
    const waiting = track(fakeClient(fake, store, { now: () => now }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.logins).toBe(0);
    now += LEASE_MS;
    await waiting;
    expect(fake.logins).toBe(1);
  });

  it('frees the lease at once when the login fails, and says the login was refused (unavailable: the account, not the request)', async () => {
    const fake = trackingFake().on('POST /auth/login', () => json({ message: 'Invalid email and password combination', status_code: 400 }, 400));
    const store = new MemoryTokenStore();
    const error = await track(fakeClient(fake, store)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ShiprocketError);
    expect(error).toMatchObject({ failure: 'unavailable', httpStatus: 400, message: expect.stringContaining('Invalid email and password combination') });
    expect(store.state.lease).toBeUndefined();
  });

  it('gives up waiting for another function’s login at the deadline', async () => {
    const fake = trackingFake();
    const store = new MemoryTokenStore();
    store.state = { lease: { holder: 'someone-else', until: Date.now() + 60_000 } };
    const error = await track(fakeClient(fake, store, { deadline: () => AbortSignal.timeout(50) })).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ failure: 'unavailable', message: expect.stringContaining('Another function is logging in') });
    expect(fake.logins).toBe(0);
  });
});

describe('a token refused with 401', () => {
  it('mid-flow: exactly one new login, then the same call once more, which succeeds', async () => {
    const fake = trackingFake();
    const store = new MemoryTokenStore();
    const client = fakeClient(fake, store);
    await track(client);
    fake.revokeTokens();
    await expect(track(client)).resolves.toMatchObject({ found: false });
    expect(fake.logins).toBe(2);
    expect(fake.requestsTo('GET /courier/track/awb/AWB1').map((request) => request.token)).toEqual(['token-1', 'token-1', 'token-2']);
    expect(store.state.token?.token).toBe('token-2');
  });

  it('by 10 containers at once: one new login, replacing the token only because it is still the one refused; the others use the new one', async () => {
    const fake = trackingFake();
    fake.loginDelayMs = 30;
    const store = new MemoryTokenStore();
    const clients = Array.from({ length: 10 }, () => fakeClient(fake, store));
    for (const client of clients) await track(client);
    fake.revokeTokens();
    await Promise.all(clients.map((client) => track(client)));
    expect(fake.logins).toBe(2);
    expect(store.saves).toBe(2);
    const retried = fake.requestsTo('GET /courier/track/awb/AWB1').filter((request) => request.token === 'token-2');
    expect(retried).toHaveLength(10);
  });

  it('by 10 calls of one container at once: one new login', async () => {
    const fake = trackingFake();
    const client = fakeClient(fake, new MemoryTokenStore());
    await track(client);
    fake.revokeTokens();
    await Promise.all(Array.from({ length: 10 }, (_, index) => track(client, `AWB${index}`)));
    expect(fake.logins).toBe(2);
  });

  it('when the store already holds a newer token (another function logged in): that one, no login', async () => {
    const fake = trackingFake();
    const store = new MemoryTokenStore();
    const stale = fakeClient(fake, store);
    await track(stale);
    fake.revokeTokens();
    await track(fakeClient(fake, store)); // another container: 401, logs in (token-2)
    await track(stale);
    expect(fake.logins).toBe(2);
    expect(fake.requestsTo('GET /courier/track/awb/AWB1').map((request) => request.token)).toEqual(['token-1', 'token-1', 'token-2', 'token-1', 'token-2']);
  });

  it('again after the new login: unavailable, with no third login and no third try', async () => {
    const fake = new FakeShiprocket().on('GET /courier/track/awb/*', () => json({ message: 'Unauthenticated.', status_code: 401 }, 401));
    const error = await track(fakeClient(fake, new MemoryTokenStore())).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ failure: 'unavailable', httpStatus: 401 });
    expect(fake.logins).toBe(2);
    expect(fake.requestsTo('GET /courier/track/awb/AWB1')).toHaveLength(2);
  });

  it('when the new login hands out the same token: that one is tried once more, no further login', async () => {
    let logins = 0;
    let calls = 0;
    const fake = new FakeShiprocket()
      .on('POST /auth/login', () => {
        logins += 1;
        return json({ token: 'always-the-same' });
      })
      .on('GET /courier/track/awb/*', () => (++calls === 1 ? json({ message: 'Token expired', status_code: 401 }, 401) : json(notYetTracked)));
    fake.validTokens.add('always-the-same');
    await expect(track(fakeClient(fake, new MemoryTokenStore()))).resolves.toMatchObject({ found: false });
    expect(logins).toBe(2);
  });

  it('as status_code 401 inside an HTTP 200 answer: the same one re-login', async () => {
    let calls = 0;
    const fake = new FakeShiprocket().on('GET /courier/track/awb/*', () => (++calls === 1 ? json({ message: 'Token expired', status_code: 401 }) : json(notYetTracked)));
    await expect(track(fakeClient(fake, new MemoryTokenStore()))).resolves.toMatchObject({ found: false });
    expect(fake.logins).toBe(2);
  });
});
