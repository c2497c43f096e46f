import { randomUUID } from 'node:crypto';
import {
  readCourierToken,
  releaseCourierTokenLease,
  storeCourierToken,
  takeCourierTokenLease,
  type CourierToken,
  type CourierTokenLease,
  type CourierTokenState,
} from '#storage/courier-token-table.ts';
import { logger } from '#http/logger.ts';
import { ShiprocketError } from './shiprocket-api.ts';

/** Where the shared token lives: the table in the functions, memory in unit tests. */
export interface TokenStore {
  read(): Promise<CourierTokenState>;
  takeLease(lease: CourierTokenLease & { now: number; replacing: string | undefined }): Promise<boolean>;
  saveToken(token: CourierToken, claim: { holder: string; replacing: string | undefined }): Promise<boolean>;
  releaseLease(holder: string): Promise<void>;
}

/** The token record of `courier-token-table.ts` for one courier account. */
export const tableTokenStore = (scope: string): TokenStore => ({
  read: () => readCourierToken(scope),
  takeLease: (lease) => takeCourierTokenLease(scope, lease),
  saveToken: (token, claim) => storeCourierToken(scope, token, claim),
  releaseLease: (holder) => releaseCourierTokenLease(scope, holder),
});

const DAY_MS = 24 * 3600_000;
/** Shiprocket's token lives 10 days (its login answer says nothing of expiry); it is replaced after 9. */
export const TOKEN_LIFETIME_MS = 10 * DAY_MS;
export const TOKEN_REUSE_MS = 9 * DAY_MS;
/**
 * How long a login may hold the lease: a login call's timeout plus margin. A holder that dies
 * mid-login blocks the others this long at most; one that fails frees it at once.
 */
export const LEASE_MS = 5_000;
/** While another function logs in, the others read the record again after 100–400 ms. */
const POLL_MIN_MS = 100;
const POLL_SPREAD_MS = 300;
/** A stale token used while another function replaces it is looked at again this soon. */
const BORROW_MS = 30_000;

interface HeldToken {
  token: string;
  refreshAt: number;
}

export interface TokenKeeperOptions {
  store: TokenStore;
  /** Logs in to Shiprocket and answers the new token. */
  login: () => Promise<string>;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  random: () => number;
  now: () => number;
  /** The abort signal bounding one acquisition (the request's deadline). */
  deadline: () => AbortSignal;
}

/**
 * The token of one container: kept in memory, shared with every other function through the store,
 * obtained by at most one login at a time across all of them.
 */
export class TokenKeeper {
  private held: HeldToken | undefined;
  /** The acquisition under way in this container, and the refused token it knows to replace. */
  private flight: { promise: Promise<string>; failed: string | undefined } | undefined;
  private readonly holder = randomUUID();

  constructor(private readonly options: TokenKeeperOptions) {}

  /** A token to send: the one in memory while it is fresh, else the shared one, else a new login. */
  async token(): Promise<string> {
    const held = this.held;
    if (held && this.options.now() < held.refreshAt) return held.token;
    return (this.flight ?? this.startFlight(undefined)).promise;
  }

  /**
   * A token other than `failed`, which Shiprocket just refused (401): one already replacing it in
   * this container or in the store, else the token of one new login — made by only one of all the
   * callers that saw `failed` refused, here and in other functions.
   */
  async renew(failed: string): Promise<string> {
    for (;;) {
      if (this.held && this.held.token !== failed) return this.held.token;
      if (this.held?.token === failed) this.held = undefined;
      const flight = this.flight ?? this.startFlight(failed);
      const token = await flight.promise;
      // A flight that started before `failed` was refused may bring it back: go again, knowing.
      // (One that knew answers what the login gave, even that same token: never a second login.)
      if (token !== failed || flight.failed === failed) return token;
    }
  }

  private startFlight(failed: string | undefined) {
    const flight = {
      failed,
      promise: this.obtain(failed).finally(() => {
        if (this.flight === flight) this.flight = undefined;
      }),
    };
    this.flight = flight;
    return flight;
  }

  private async obtain(failed: string | undefined): Promise<string> {
    const { store, now } = this.options;
    const deadline = this.options.deadline();
    for (;;) {
      const { token: stored, lease } = await store.read();
      const at = now();
      const usable = stored !== undefined && stored.token !== failed;
      if (usable && at < Date.parse(stored.refreshAfter)) return this.keep(stored.token, Date.parse(stored.refreshAfter));
      const replacing = stored?.token;
      const leaseFree = lease === undefined || lease.until <= at;
      if (leaseFree && (await store.takeLease({ holder: this.holder, until: at + LEASE_MS, now: at, replacing }))) {
        return this.loginHoldingLease(replacing);
      }
      // Someone else is logging in. A token past its reuse time but not expired still works meanwhile.
      if (usable && at < Date.parse(stored.tokenExpiresAt)) return this.keep(stored.token, at + BORROW_MS);
      try {
        await this.options.sleep(POLL_MIN_MS + this.options.random() * POLL_SPREAD_MS, deadline);
      } catch {
        throw new ShiprocketError('Another function is logging in to Shiprocket and did not finish in time; retry shortly.', 'unavailable', undefined);
      }
    }
  }

  private async loginHoldingLease(replacing: string | undefined): Promise<string> {
    const { store, now } = this.options;
    let token: string;
    // The one login of all functions: how often this appears is how often Shiprocket sees a login.
    logger.info('Shiprocket login', { replacing: replacing === undefined ? 'no token yet' : 'a stale or refused token' });
    try {
      token = await this.options.login();
    } catch (error) {
      await store.releaseLease(this.holder).catch(() => undefined);
      throw error;
    }
    const obtained = now();
    const record: CourierToken = {
      token,
      obtainedAt: new Date(obtained).toISOString(),
      refreshAfter: new Date(obtained + TOKEN_REUSE_MS).toISOString(),
      tokenExpiresAt: new Date(obtained + TOKEN_LIFETIME_MS).toISOString(),
    };
    // False (the lease ran out and another login took over) or a failed write: this token is valid
    // all the same, so this container uses it; the others use theirs.
    await store.saveToken(record, { holder: this.holder, replacing }).catch(() => false);
    return this.keep(token, obtained + TOKEN_REUSE_MS);
  }

  private keep(token: string, refreshAt: number): string {
    this.held = { token, refreshAt };
    return token;
  }
}
