import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { controlRoutes } from './control-routes.ts';
import { FaultQueue, type Fault, type PendingFault } from './faults.ts';
import { failure, matchRoute, notFound, readJson, send, type Reply } from './http-exchange.ts';
import { shiprocketRoutes } from './shiprocket-routes.ts';
import { orderSnapshot, SimulatorState, TEN_DAYS_MS, type OrderSnapshot, type PickupAddress, type PickupLocation } from './simulator-state.ts';
import { checkWebhookConfig, ShipmentStatusChanger, type StatusChangeOptions, type StatusChangeResult, type WebhookConfig, type WebhookDelivery } from './status-change.ts';

/** The API user the simulator accepts unless told otherwise (the local runtime's defaults). */
export const SIMULATOR_EMAIL = 'api-user@example.com';
export const SIMULATOR_PASSWORD = 'local-password';

export const API_BASE = '/v1/external';
export const CONTROL_BASE = '/__sim';

export interface ShiprocketSimulatorOptions {
  /** 0 picks a free port. */
  port: number;
  /** Default 127.0.0.1. */
  host?: string;
  email?: string;
  password?: string;
  /** Pickup nicknames known from the start (default `['Primary']`). */
  pickupLocations?: string[];
  /** Push tracking webhooks here, with `x-api-key: <token>`. */
  webhook?: WebhookConfig;
  /** How long a login token works (default 10 days, as Shiprocket's). */
  tokenTtlMs?: number;
  /**
   * A create with the channel order id of an existing (not cancelled) order: `create` (default)
   * makes another order, as Shiprocket has no idempotency; `refuse` answers 400. A cancelled
   * order's channel order id is always refused.
   */
  duplicateChannelOrderIds?: 'create' | 'refuse';
  /** A successful `/orders/cancel`: 204 without a body (default, as documented) or 200 with JSON (also seen). */
  cancelAnswer?: 204 | 200;
  /** The simulator's clock (default: the real one). */
  now?: () => Date;
}

export interface RequestRecord {
  at: string;
  method: string;
  /** The full path, `/v1/external/...`. */
  path: string;
  query: string;
  /** The fault that fired for it, if one did. */
  fault?: PendingFault['kind'];
}

export interface ShiprocketSimulator {
  /** The Shiprocket base URL, `http://127.0.0.1:<port>/v1/external`. */
  readonly url: string;
  /** The control base URL, `http://127.0.0.1:<port>/__sim`. */
  readonly controlUrl: string;
  /** Stops the server and ends every open connection (hanging requests included). */
  close(): Promise<void>;
  addPickupLocation(name: string, address?: Partial<PickupAddress>): PickupLocation;
  pickupLocations(): PickupLocation[];
  /** The courier reports a status: a scan is recorded and, unless `webhook: false`, the webhook pushed (awaited). */
  setShipmentStatus(awb: string, statusId: number, options?: StatusChangeOptions): Promise<StatusChangeResult>;
  /** Queues faults (see `faults.ts`). */
  injectFaults(...faults: Fault[]): void;
  pendingFaults(): PendingFault[];
  clearFaults(): void;
  /** Every token issued so far answers 401 "Token has expired" from now on. */
  expireTokens(): void;
  /** Configures (or, with undefined, removes) the tracking webhook. */
  setWebhook(webhook: WebhookConfig | undefined): void;
  /** Forgets orders, tokens, faults, logs and learned pickup locations (ids keep growing). */
  reset(): void;
  orders(): OrderSnapshot[];
  loginCount(): number;
  /** The requests under `/v1/external`, oldest first (the last 1000). */
  requests(): RequestRecord[];
  webhookDeliveries(): WebhookDelivery[];
}

const MAX_LOGGED_REQUESTS = 1_000;

const bearer = (header: string | undefined) => /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];

/**
 * A Shiprocket simulator: a real HTTP server answering like Shiprocket under `/v1/external`
 * (SHIPROCKET.md, the published examples), its state in memory, with control endpoints under
 * `/__sim` for tests and demos. See docs/local-runtime.md.
 */
export async function startShiprocketSimulator(options: ShiprocketSimulatorOptions): Promise<ShiprocketSimulator> {
  const initialWebhook = options.webhook && checkWebhookConfig(options.webhook);
  const state = new SimulatorState({
    email: options.email ?? SIMULATOR_EMAIL,
    password: options.password ?? SIMULATOR_PASSWORD,
    pickupLocations: options.pickupLocations ?? ['Primary'],
    tokenTtlMs: options.tokenTtlMs ?? TEN_DAYS_MS,
    duplicateChannelOrderIds: options.duplicateChannelOrderIds ?? 'create',
    now: options.now ?? (() => new Date()),
  });
  const faults = new FaultQueue();
  const changer = new ShipmentStatusChanger(state, initialWebhook);
  const requests: RequestRecord[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let origin = '';

  const api = shiprocketRoutes({
    state,
    labelUrl: (ids) => `${origin}${CONTROL_BASE}/labels/${ids.join('-')}.pdf`,
    trackUrl: (awb) => `${origin}${CONTROL_BASE}/tracking/${encodeURIComponent(awb)}`,
    ordersPageUrl: (query, page) => {
      const next = new URLSearchParams(query);
      next.set('page', String(page));
      return `${origin}${API_BASE}/orders?${next}`;
    },
    cancelAnswer: options.cancelAnswer ?? 204,
  });

  const apiRoutes = [api.login, ...api.routes];

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  async function answerApi(request: IncomingMessage, response: ServerResponse, path: string, query: URLSearchParams): Promise<void> {
    const method = request.method ?? 'GET';
    const fault = faults.take(method, path);
    requests.push({ at: state.now().toISOString(), method, path: `${API_BASE}${path}`, query: query.toString(), ...(fault && { fault: fault.kind }) });
    if (requests.length > MAX_LOGGED_REQUESTS) requests.shift();
    const body = await readJson(request);
    const token = bearer(request.headers.authorization);
    switch (fault?.kind) {
      case 'hang':
        return; // never answered: the client gives up, or close() ends the connection
      case 'rate-limit':
        return send(response, { ...failure(429, 'Too Many Attempts.'), headers: { 'retry-after': '1' } });
      case 'server-error':
        return send(response, failure(500, 'Server Error'));
      case 'expired-token':
        if (token) state.expireTokens(token);
        return send(response, failure(401, 'Token has expired'));
      case 'delay':
        await sleep(fault.delayMs);
        break;
    }
    const found = matchRoute(apiRoutes, method, path);
    let reply: Reply;
    if (!found) reply = notFound();
    else if (found.route !== api.login && state.tokenStatus(token) !== 'valid') {
      const status = state.tokenStatus(token);
      reply = failure(401, !token ? 'Token not provided' : status === 'expired' ? 'Token has expired' : 'Token is invalid');
    } else reply = await found.route.handler({ method, path, query, params: found.params, body, headers: request.headers });
    if (fault?.kind === 'drop-response') {
      response.socket?.destroy();
      return;
    }
    send(response, reply);
  }


  let control: ReturnType<typeof controlRoutes> | undefined;
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://simulator');
    const path = url.pathname;
    const within = (base: string) => (path === base || path.startsWith(`${base}/`) ? path.slice(base.length) || '/' : undefined);
    const apiPath = within(API_BASE);
    const controlPath = within(CONTROL_BASE);
    const answered =
      apiPath !== undefined
        ? answerApi(request, response, apiPath, url.searchParams)
        : controlPath !== undefined
          ? control!(request, response, controlPath, url.searchParams)
          : Promise.resolve(send(response, notFound()));
    answered.catch((error: unknown) => {
      console.error('Shiprocket simulator error', error);
      if (!response.headersSent) send(response, failure(500, 'Server Error'));
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { address, port } = server.address() as AddressInfo;
  origin = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  const handle: ShiprocketSimulator = {
    url: `${origin}${API_BASE}`,
    controlUrl: `${origin}${CONTROL_BASE}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    addPickupLocation: (name, address) => state.addPickupLocation(name, address),
    pickupLocations: () => [...state.pickupLocations.values()].map((location) => ({ ...location })),
    setShipmentStatus: (awb, statusId, changeOptions) => changer.change(awb, statusId, changeOptions),
    injectFaults: (...added) => faults.add(added),
    pendingFaults: () => faults.pending(),
    clearFaults: () => faults.clear(),
    expireTokens: () => state.expireTokens(),
    setWebhook: (webhook) => {
      changer.webhook = webhook && checkWebhookConfig(webhook);
    },
    reset: () => {
      state.reset();
      faults.clear();
      requests.length = 0;
      changer.deliveries.length = 0;
      changer.webhook = initialWebhook;
    },
    orders: () => state.orders.map(orderSnapshot),
    loginCount: () => state.logins,
    requests: () => requests.map((record) => ({ ...record })),
    webhookDeliveries: () => structuredClone(changer.deliveries),
  };
  control = controlRoutes(handle, state);
  return handle;
}
