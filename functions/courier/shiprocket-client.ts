import { setTimeout as delay } from 'node:timers/promises';
import type * as z from 'zod/mini';
import type { Address } from '#domain/orders/order-types.ts';
import { outboundSignal } from '../time-budget.ts';
import {
  ShiprocketError,
  type AwbAssignment,
  type CourierOrder,
  type CourierOrderInput,
  type PickupRequest,
  type ShiprocketApi,
  type TrackingSnapshot,
} from './shiprocket-api.ts';
import { credentialsFromEnvironment, type ShiprocketCredentials } from './shiprocket-credentials.ts';
import {
  MAX_ATTEMPTS,
  PER_CALL_TIMEOUT_MS,
  fieldErrorsIn,
  isRecord,
  messageIn,
  sendCall,
  unknownCreate,
  type CallSafety,
  type CallState,
  type TransportOptions,
} from './shiprocket-http.ts';
import { isoToIstMinutes } from './ist-time.ts';
import {
  assignAwbResponse,
  assignedAwb,
  createOrderResponse,
  describeIssues,
  labelResponse,
  listedOrder,
  listOrdersPage,
  loginResponse,
  pickupResponse,
  scheduledPickup,
  snapshotOf,
  trackAwbResponse,
  trackAwbsResponse,
} from './shiprocket-schemas.ts';
import { TokenKeeper, tableTokenStore, type TokenStore } from './shiprocket-token.ts';

export const DEFAULT_SHIPROCKET_BASE_URL = 'https://apiv2.shiprocket.in/v1/external';
/** Shiprocket's bulk tracking takes 50 AWBs a call; up to 3 such calls run at once. */
export const TRACK_AWBS_CHUNK = 50;
const TRACK_AWBS_PARALLEL = 3;
/** findOrder reads at most this many pages of search results. */
const FIND_ORDER_MAX_PAGES = 5;

export interface ShiprocketClientOptions {
  baseUrl: string;
  credentials: () => Promise<ShiprocketCredentials>;
  tokenStore: TokenStore;
  fetch?: typeof fetch;
  /** Waits `ms`, rejecting when `signal` aborts first (backoff, waiting for another function's login). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Uniform in [0, 1): the jitter. */
  random?: () => number;
  now?: () => number;
  /** The abort signal of the request's deadline; `outboundSignal()` by default. */
  deadline?: () => AbortSignal;
  perCallTimeoutMs?: number;
  maxAttempts?: number;
}

const abortableSleep = (ms: number, signal: AbortSignal) => delay(ms, undefined, { signal });

/** A Shiprocket client over HTTP (see `shiprocket()` for the one the functions use). */
export function createShiprocketClient(options: ShiprocketClientOptions): ShiprocketApi {
  const transport: TransportOptions = {
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    sleep: options.sleep ?? abortableSleep,
    random: options.random ?? Math.random,
    now: options.now ?? Date.now,
    deadline: options.deadline ?? outboundSignal,
    perCallTimeoutMs: options.perCallTimeoutMs ?? PER_CALL_TIMEOUT_MS,
    maxAttempts: options.maxAttempts ?? MAX_ATTEMPTS,
  };

  async function login(): Promise<string> {
    const credentials = await options.credentials();
    const spec = { method: 'POST', path: '/auth/login', body: credentials, safety: 'idempotent' } as const;
    let result;
    try {
      result = await sendCall(transport, spec, { outcomeUnknown: false });
    } catch (error) {
      // A refused login is about the account, not the request: it stays `unavailable` until fixed.
      if (error instanceof ShiprocketError && error.failure === 'rejected') {
        throw new ShiprocketError(`Shiprocket refused the login of the API user: ${error.message}`, 'unavailable', error.httpStatus, error.fieldErrors);
      }
      throw error;
    }
    if (result.kind === 'unauthorized') throw new ShiprocketError(`Shiprocket refused the login of the API user: ${result.message}`, 'unavailable', result.status);
    return parsed(loginResponse, result.body, 'POST /auth/login').token;
  }

  const tokens = new TokenKeeper({
    store: options.tokenStore,
    login,
    sleep: transport.sleep,
    random: transport.random,
    now: transport.now,
    deadline: transport.deadline,
  });

  /** One operation: the call with the shared token; on 401, one new token (one login between all callers) and one retry. */
  async function call(method: 'GET' | 'POST', path: string, safety: CallSafety, extra: { body?: unknown; query?: Record<string, string> } = {}) {
    const state: CallState = { outcomeUnknown: false };
    const token = await tokens.token();
    const first = await sendCall(transport, { method, path, safety, token, ...extra }, state);
    if (first.kind === 'ok') return first;
    const renewed = await tokens.renew(token);
    const second = await sendCall(transport, { method, path, safety, token: renewed, ...extra }, state);
    if (second.kind === 'ok') return second;
    throw new ShiprocketError(`Shiprocket refused a freshly obtained token (401): ${second.message}`, 'unavailable', second.status);
  }

  return {
    async createOrder(input) {
      const what = 'POST /orders/create/adhoc';
      const { status, body } = await call('POST', '/orders/create/adhoc', 'create', { body: adhocOrder(input) });
      // An answer without the order is a refusal ("Wrong Pickup location entered...") even with HTTP 200.
      if (isRecord(body) && body.order_id === undefined && messageIn(body) !== undefined) {
        throw new ShiprocketError(messageIn(body)!, 'rejected', status, fieldErrorsIn(body));
      }
      const created = parsed(createOrderResponse, body, what, status, unknownCreate({ safety: 'create' }));
      return {
        orderId: created.order_id,
        shipmentId: created.shipment_id,
        channelOrderId: input.channelOrderId,
        awb: created.awb_code,
        courierId: created.courier_company_id,
        courierName: created.courier_name,
      } satisfies CourierOrder;
    },

    async findOrder(channelOrderId) {
      const what = 'GET /orders';
      for (let page = 1; page <= FIND_ORDER_MAX_PAGES; page += 1) {
        const query: Record<string, string> = { search: channelOrderId, ...(page > 1 ? { page: String(page) } : {}) };
        const { status, body } = await call('GET', '/orders', 'idempotent', { query });
        const list = parsed(listOrdersPage, body, what, status);
        const entry = list.data.find((order) => order.channel_order_id === channelOrderId);
        if (entry) return listedCourierOrder(parsed(listedOrder, entry, what, status), channelOrderId);
        const pagination = list.meta?.pagination;
        if (!pagination?.total_pages || page >= pagination.total_pages) return undefined;
      }
      return undefined;
    },

    async assignAwb(shipmentId, courierId) {
      const what = 'POST /courier/assign/awb';
      const body = { shipment_id: shiprocketIdValue(shipmentId), ...(courierId === undefined ? {} : { courier_id: courierId }) };
      const result = await call('POST', '/courier/assign/awb', 'effectful', { body });
      const answer = parsed(assignAwbResponse, result.body, what, result.status);
      if (answer.awb_assign_status !== 1) throw refusedInside(result.body, result.status, 'Shiprocket did not assign an AWB');
      const { data } = parsed(assignedAwb, answer.response, what, result.status);
      return { awb: data.awb_code, courierId: data.courier_company_id, courierName: data.courier_name, pickupScheduledAt: data.pickup_scheduled_date } satisfies AwbAssignment;
    },

    async requestPickup(shipmentId) {
      const what = 'POST /courier/generate/pickup';
      const result = await call('POST', '/courier/generate/pickup', 'effectful', { body: { shipment_id: [shiprocketIdValue(shipmentId)] } });
      const answer = parsed(pickupResponse, result.body, what, result.status);
      if (answer.pickup_status !== 1) throw refusedInside(result.body, result.status, 'Shiprocket did not schedule the pickup');
      const pickup = parsed(scheduledPickup, answer.response ?? {}, what, result.status);
      return { pickupScheduledAt: pickup.pickup_scheduled_date, tokenNumber: pickup.pickup_token_number } satisfies PickupRequest;
    },

    async generateLabel(shipmentId) {
      const what = 'POST /courier/generate/label';
      const result = await call('POST', '/courier/generate/label', 'idempotent', { body: { shipment_id: [shiprocketIdValue(shipmentId)] } });
      const answer = parsed(labelResponse, result.body, what, result.status);
      if (answer.label_created !== 1) throw refusedInside(result.body, result.status, 'Shiprocket did not create the label');
      if (answer.label_url === null) throw new ShiprocketError(`Shiprocket ${what}: label_created without a label_url`, 'unavailable', result.status);
      return { labelUrl: answer.label_url };
    },

    async cancelOrder(orderId) {
      try {
        const { status, body } = await call('POST', '/orders/cancel', 'idempotent', { body: { ids: [shiprocketIdValue(orderId)] } });
        // 204 (empty) or 200 with a confirmation; a 200 that says it is not allowed is a refusal.
        const message = messageIn(body);
        if (message !== undefined && NOT_ALLOWED.test(message) && !ALREADY_CANCELLED.test(message)) throw new ShiprocketError(message, 'rejected', status);
      } catch (error) {
        if (error instanceof ShiprocketError && error.failure === 'rejected' && ALREADY_CANCELLED.test(error.message)) return;
        throw error;
      }
    },

    async trackAwb(awb) {
      const what = 'GET /courier/track/awb';
      const { status, body } = await call('GET', `/courier/track/awb/${encodeURIComponent(awb)}`, 'idempotent');
      return snapshotOf(parsed(trackAwbResponse, body, what, status).tracking_data, awb);
    },

    async trackAwbs(awbs) {
      const what = 'POST /courier/track/awbs';
      const wanted = [...new Set(awbs.filter((awb) => awb.trim() !== ''))];
      const chunks: string[][] = [];
      for (let start = 0; start < wanted.length; start += TRACK_AWBS_CHUNK) chunks.push(wanted.slice(start, start + TRACK_AWBS_CHUNK));
      const snapshots = new Map<string, TrackingSnapshot>();
      await inParallel(chunks, TRACK_AWBS_PARALLEL, async (chunk) => {
        const { status, body } = await call('POST', '/courier/track/awbs', 'idempotent', { body: { awbs: chunk } });
        const answer = parsed(trackAwbsResponse, body, what, status);
        if (Array.isArray(answer)) return;
        for (const awb of chunk) {
          const entry = answer[awb];
          if (entry && !Array.isArray(entry) && entry.tracking_data) snapshots.set(awb, snapshotOf(entry.tracking_data, awb));
        }
      });
      // In the order asked, whatever order the chunks answered in.
      return new Map(wanted.filter((awb) => snapshots.has(awb)).map((awb) => [awb, snapshots.get(awb)!]));
    },
  };
}

let shared: { configuration: string; api: ShiprocketApi } | undefined;

/**
 * The client of this container, made on first use (configuration read then, never at import) and
 * reused by every request; made again only when its configuration changed (a local runtime started
 * anew in the same process).
 */
export function shiprocket(): ShiprocketApi {
  const baseUrl = process.env.SHIPROCKET_BASE_URL || DEFAULT_SHIPROCKET_BASE_URL;
  const configuration = JSON.stringify([baseUrl, process.env.SHIPROCKET_SECRET_ARN, process.env.SHIPROCKET_EMAIL]);
  if (shared?.configuration !== configuration) {
    shared = { configuration, api: createShiprocketClient({ baseUrl, credentials: credentialsFromEnvironment(), tokenStore: tableTokenStore('shiprocket') }) };
  }
  return shared.api;
}

const ALREADY_CANCELLED = /already\s+(been\s+)?cancel+ed/i;
const NOT_ALLOWED = /not\s+allowed|cannot\s+be\s+cancel|can't\s+be\s+cancel/i;

/** The answer checked against its schema; an answer of another shape is Shiprocket not answering properly. */
function parsed<S extends z.ZodMiniType>(schema: S, body: unknown, what: string, status = 200, hint = ''): z.infer<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data as z.infer<S>;
  throw new ShiprocketError(`Shiprocket ${what} answered an unexpected shape: ${describeIssues(result.error)}${hint}`, 'unavailable', status);
}

/** "HTTP 200 with an error inside" (`awb_assign_status: 0`, `pickup_status: 0`, `label_created: 0`): a refusal with Shiprocket's reason. */
const refusedInside = (body: unknown, status: number, fallback: string) => new ShiprocketError(messageIn(body) ?? fallback, 'rejected', status);

/** Shiprocket's ids are numbers: sent as numbers when they are, as they are otherwise. */
function shiprocketIdValue(id: string): number | string {
  return /^\d{1,15}$/.test(id) ? Number(id) : id;
}

function listedCourierOrder(order: z.infer<typeof listedOrder>, channelOrderId: string): CourierOrder {
  const shipment = Array.isArray(order.shipments) ? order.shipments[0]! : order.shipments;
  return {
    orderId: order.id,
    shipmentId: shipment.id,
    channelOrderId,
    awb: shipment.awb ?? shipment.awb_code ?? order.awb_data?.awb ?? null,
    courierId: shipment.courier_company_id ?? shipment.courier_id ?? null,
    courierName: shipment.courier ?? shipment.courier_name ?? order.courier_name ?? null,
  };
}

/**
 * Shiprocket requires a last name, and many customers give one name only: theirs is sent as the
 * first name with this as the last (the label reads "Ravi .").
 */
export const NO_LAST_NAME = '.';

/** "First Middle Last" → first name "First Middle", last name "Last"; a single word is a first name. */
export function splitName(name: string): { first: string; last: string } {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return { first: words[0] ?? '', last: NO_LAST_NAME };
  return { first: words.slice(0, -1).join(' '), last: words.at(-1)! };
}

/** Indian numbers as Shiprocket wants them: 10 digits, without +91 or a leading 0. */
export function phoneDigits(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length === 12 && digits.startsWith('91')) return digits.slice(2);
  if (digits.length === 11 && digits.startsWith('0')) return digits.slice(1);
  return digits;
}

const sameAddress = (a: Address, b: Address) =>
  (['name', 'phone', 'email', 'line1', 'line2', 'city', 'state', 'postalCode', 'country'] as const).every((field) => (a[field] ?? '').trim() === (b[field] ?? '').trim());

function addressFields(prefix: 'billing' | 'shipping', address: Address) {
  const { first, last } = splitName(address.name);
  return {
    [`${prefix}_customer_name`]: first,
    [`${prefix}_last_name`]: last,
    [`${prefix}_address`]: address.line1,
    [`${prefix}_address_2`]: address.line2 ?? '',
    [`${prefix}_city`]: address.city,
    [`${prefix}_pincode`]: address.postalCode.replace(/\s/g, ''),
    [`${prefix}_state`]: address.state,
    [`${prefix}_country`]: address.country,
    [`${prefix}_email`]: address.email ?? '',
    [`${prefix}_phone`]: phoneDigits(address.phone),
  };
}

/** CourierOrderInput in Shiprocket's terms (POST /orders/create/adhoc). */
export function adhocOrder(input: CourierOrderInput): Record<string, unknown> {
  const shippingIsBilling = sameAddress(input.billing, input.shipping);
  return {
    order_id: input.channelOrderId,
    order_date: isoToIstMinutes(input.orderDate),
    pickup_location: input.pickupLocation,
    ...addressFields('billing', input.billing),
    shipping_is_billing: shippingIsBilling,
    ...(shippingIsBilling ? {} : addressFields('shipping', input.shipping)),
    order_items: input.items.map((item) => ({
      name: item.name,
      sku: item.sku,
      units: item.units,
      selling_price: item.sellingPrice,
      tax: item.tax,
      ...(item.hsn === null ? {} : { hsn: item.hsn }),
    })),
    payment_method: input.paymentMethod,
    sub_total: input.subTotal,
    length: input.lengthCm,
    breadth: input.breadthCm,
    height: input.heightCm,
    weight: input.weightKg,
  };
}

/** Runs `work` over `items`, at most `parallel` at a time; the first failure fails the whole. */
async function inParallel<T>(items: readonly T[], parallel: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next]!;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
}
