import { expect } from 'vitest';
import { as, type ApiResponse, type Caller } from '../support/api-client.ts';
import { admin, itemInput, parcelFor, placeOrder, uniqueId } from '../support/fixtures.ts';
import { storedOrderItems } from '../support/table.ts';

/** Shared pieces of the parcel integration tests. */
export { ALLOWED_MOVES, STATUSES, type Status } from '../../support/api-md-status-table.ts';
import type { Status } from '../../support/api-md-status-table.ts';

/** Statuses that need a delivery person on the parcel (API.md: "shipped or later"). */
export const NEEDS_DELIVERY_PERSON: readonly Status[] = ['shipped', 'out_for_delivery', 'delivered', 'rto', 'rto_delivered'];

/** One allowed route from `received` to each status. */
const PATH_FROM_RECEIVED: Record<Status, readonly Status[]> = {
  received: [],
  processed: ['processed'],
  shipped: ['shipped'],
  out_for_delivery: ['shipped', 'out_for_delivery'],
  delivered: ['shipped', 'delivered'],
  cancelled: ['cancelled'],
  rto: ['shipped', 'rto'],
  rto_delivered: ['shipped', 'rto', 'rto_delivered'],
};

export interface ParcelBody {
  id: string;
  orderId: string;
  sellerId: string;
  customerId: string;
  status: Status;
  shippingMethod: string | null;
  deliveryPersonId: string | null;
  items: { id: string; status: string; parcelId: string | null; deliveredAt: string | null }[];
  events: { at: string; status: Status; source: string; actor: string | null; note: string | null }[];
  [field: string]: unknown;
}

export interface ParcelFixture {
  seller: Caller;
  parcel: ParcelBody;
  order: { id: string; items: { id: string; sellerId: string }[] };
  customerId: string;
}

export const newSeller = () => as('seller', uniqueId('seller'));

/** POST /parcels/{id}/status as `caller`. */
export const setStatus = (caller: Caller, parcelId: string, status: Status, deliveryPersonId?: string): Promise<ApiResponse<ParcelBody>> =>
  caller.post(`/parcels/${parcelId}/status`, deliveryPersonId ? { status, deliveryPersonId } : { status });

/**
 * A fresh parcel of a fresh seller (unless given), driven from `received` to `status` by the seller
 * through allowed moves; `deliveryPersonId` is given on the first move that needs one.
 */
export async function parcelAt(
  status: Status,
  options: { deliveryPersonId?: string; sellerId?: string; customerId?: string; count?: number } = {},
): Promise<ParcelFixture> {
  const seller = as('seller', options.sellerId ?? uniqueId('seller'));
  const { order, parcel, customerId } = await parcelFor(seller.sub, options.customerId, options.count);
  let current = parcel as unknown as ParcelBody;
  for (const next of PATH_FROM_RECEIVED[status]) {
    const assign = NEEDS_DELIVERY_PERSON.includes(next) && !current.deliveryPersonId ? options.deliveryPersonId : undefined;
    if (NEEDS_DELIVERY_PERSON.includes(next) && !current.deliveryPersonId && !assign) throw new Error(`parcelAt(${status}) needs a deliveryPersonId`);
    const response = await setStatus(seller, current.id, next, assign);
    expect(response.status, `driving to ${status}, step ${next}: ${JSON.stringify(response.body)}`).toBe(200);
    current = response.body;
  }
  return { seller, parcel: current, order, customerId };
}

/** An order of `count` items of one seller (and optional other items) for a customer. */
export async function orderOf(sellerId: string, count: number, customerId = uniqueId('customer')) {
  return placeOrder(customerId, Array.from({ length: count }, (_, i) => itemInput(sellerId, { sku: `SKU-${i}` })));
}

/** The parcel as the admin sees it (GET /parcels/{id}), asserting 200. */
export async function viewParcel(parcelId: string): Promise<ParcelBody> {
  const response = await admin.get<ParcelBody>(`/parcels/${parcelId}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

/** The order's items as stored in DynamoDB, by item id. */
export async function storedItemsById(orderId: string) {
  const records = await storedOrderItems(orderId);
  return new Map(records.map((record) => [record.id as string, record]));
}

/** The order's items as GET /order-items?orderId= shows them to the admin, by item id. */
export async function listedItemsById(orderId: string) {
  const response = await admin.get(`/order-items?orderId=${orderId}&limit=100`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return new Map<string, { id: string; status: string; parcelId: string | null; deliveredAt: string | null }>(
    response.body.items.map((item: { id: string }) => [item.id, item]),
  );
}

/** An error response of the API's shape. */
export function expectError(response: ApiResponse, status: number, code: string, detailPath?: string) {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.body?.error?.code).toBe(code);
  expect(typeof response.body.error.message).toBe('string');
  if (detailPath !== undefined) expect(response.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: detailPath })]));
}

/** Response statuses, sorted, for "exactly one of these won" checks. */
export const statusCodes = (responses: ApiResponse[]) => responses.map((response) => response.status).sort((a, b) => a - b);

/** Ids of a seller-visible list, e.g. `listIds(seller, '?status=shipped')`. */
export async function listIds(caller: Caller, query = '') {
  const response = await caller.get<{ items: { id: string }[]; nextCursor: string | null }>(`/parcels${query}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.items.map((parcel) => parcel.id);
}

export interface ParcelPage {
  items: ParcelBody[];
  nextCursor: string | null;
}

/** Every page of GET /parcels?{query} for `caller`, following nextCursor (at most `maxPages`). */
export async function pagesOf(caller: Caller, query: string, maxPages = 50) {
  const pages: ParcelPage[] = [];
  let cursor: string | null = null;
  do {
    const response: ApiResponse<ParcelPage> = await caller.get(`/parcels?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    pages.push(response.body);
    cursor = response.body.nextCursor;
  } while (cursor && pages.length < maxPages);
  expect(cursor, `more than ${maxPages} pages`).toBeNull();
  return pages;
}
