import { setTimeout as delay } from 'node:timers/promises';
import { createShiprocketClient, type ShiprocketClientOptions } from '../../functions/courier/shiprocket-client.ts';
import type { TokenStore } from '../../functions/courier/shiprocket-token.ts';
import type { CourierToken, CourierTokenState } from '../../functions/storage/courier-token-table.ts';

/**
 * Fakes for the Shiprocket client's unit tests: a token store in memory with the conditional
 * writes of the table's, and a Shiprocket that answers over a fake `fetch`.
 */

export const BASE_URL = 'https://shiprocket.test/v1/external';
export const CREDENTIALS = { email: 'api-user@example.test', password: 'secret-1' };

/** The table's token record in memory: same conditions, each operation after a tick (as I/O would be). */
export class MemoryTokenStore implements TokenStore {
  state: CourierTokenState = {};
  leasesTaken = 0;
  leasesRefused = 0;
  saves = 0;
  reads = 0;

  async read(): Promise<CourierTokenState> {
    await tick();
    this.reads += 1;
    return structuredClone(this.state);
  }

  async takeLease(lease: { holder: string; until: number; now: number; replacing: string | undefined }): Promise<boolean> {
    await tick();
    const leaseFree = this.state.lease === undefined || this.state.lease.until <= lease.now;
    if (!leaseFree || this.state.token?.token !== lease.replacing) {
      this.leasesRefused += 1;
      return false;
    }
    this.state.lease = { holder: lease.holder, until: lease.until };
    this.leasesTaken += 1;
    return true;
  }

  async saveToken(token: CourierToken, claim: { holder: string; replacing: string | undefined }): Promise<boolean> {
    await tick();
    if (this.state.lease?.holder !== claim.holder || this.state.token?.token !== claim.replacing) return false;
    this.state = { token: { ...token } };
    this.saves += 1;
    return true;
  }

  async releaseLease(holder: string): Promise<void> {
    await tick();
    if (this.state.lease?.holder === holder) delete this.state.lease;
  }
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface FakeRequest {
  method: string;
  /** Below the base URL: `/orders/create/adhoc`. */
  path: string;
  query: URLSearchParams;
  body: unknown;
  token: string | undefined;
}

type Handler = (request: FakeRequest) => Response | Promise<Response>;

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/** Never answers (until the caller aborts). */
export const hang = (): Promise<Response> => new Promise<Response>(() => undefined);

/**
 * Shiprocket as the client sees it: `POST /auth/login` hands out `token-1`, `token-2`, ... (after
 * `loginDelayMs`), other routes want a valid bearer token (else 401) and answer with the handler
 * given by `on`.
 */
export class FakeShiprocket {
  logins = 0;
  readonly requests: FakeRequest[] = [];
  readonly validTokens = new Set<string>();
  loginDelayMs = 5;
  private readonly handlers = new Map<string, Handler>();

  on(route: string, handler: Handler): this {
    this.handlers.set(route, handler);
    return this;
  }

  /** Requests of one route (`POST /orders/create/adhoc`). */
  requestsTo(route: string): FakeRequest[] {
    return this.requests.filter((request) => `${request.method} ${request.path}` === route);
  }

  /** Every token handed out so far stops working (expired, revoked). */
  revokeTokens(): void {
    this.validTokens.clear();
  }

  readonly fetch: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const signal = init?.signal ?? undefined;
    signal?.throwIfAborted();
    const text = typeof init?.body === 'string' ? init.body : undefined;
    const authorization = new Headers(init?.headers).get('authorization');
    const request: FakeRequest = {
      method: init?.method ?? 'GET',
      path: url.pathname.replace(/^\/v1\/external/, ''),
      query: url.searchParams,
      body: text === undefined ? undefined : JSON.parse(text),
      token: authorization?.replace(/^Bearer /, ''),
    };
    this.requests.push(request);
    const answer = this.answer(request);
    if (!signal) return answer;
    return Promise.race([
      answer,
      new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true })),
    ]);
  };

  private async answer(request: FakeRequest): Promise<Response> {
    const route = `${request.method} ${request.path}`;
    const handler = this.handlers.get(route) ?? this.handlers.get(`${request.method} ${request.path.replace(/\/[^/]+$/, '/*')}`);
    if (route === 'POST /auth/login' && !handler) {
      await delay(this.loginDelayMs);
      const { email, password } = request.body as { email: string; password: string };
      if (email !== CREDENTIALS.email || password !== CREDENTIALS.password) return json({ message: 'Invalid email and password combination', status_code: 400 }, 400);
      this.logins += 1;
      const token = `token-${this.logins}`;
      this.validTokens.add(token);
      return json({ company_id: 1, email, token, first_name: 'API', last_name: 'User', id: 7 });
    }
    if (route !== 'POST /auth/login' && (request.token === undefined || !this.validTokens.has(request.token))) {
      return json({ message: 'Token has expired', status_code: 401 }, 401);
    }
    if (!handler) return json({ message: '404 Not Found', status_code: 404 }, 404);
    return handler(request);
  }
}

/** Records each wait and waits 1 ms instead (aborting with the signal, as the real one does). */
export class FastSleep {
  readonly waits: number[] = [];
  readonly sleep = async (ms: number, signal: AbortSignal): Promise<void> => {
    this.waits.push(ms);
    await delay(1, undefined, { signal });
  };
}

export function fakeClient(fake: FakeShiprocket, store: TokenStore, extra: Partial<ShiprocketClientOptions> & { sleeper?: FastSleep } = {}) {
  const { sleeper = new FastSleep(), ...options } = extra;
  return createShiprocketClient({
    baseUrl: BASE_URL,
    credentials: async () => CREDENTIALS,
    tokenStore: store,
    fetch: fake.fetch,
    sleep: sleeper.sleep,
    random: () => 0.5,
    ...options,
  });
}
