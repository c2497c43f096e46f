import { beforeAll, describe, expect, it } from 'vitest';
import { as, call, type ApiResponse, type Caller } from '../support/api-client.ts';
import { addDeliveryPerson, admin, itemInput, placeOrder, uniqueId } from '../support/fixtures.ts';
import type { Role } from '../../../functions/domain/principal.ts';
import { expectError, listIds, newSeller, orderOf, pagesOf, parcelAt, setStatus, type Status } from './parcel-helpers.ts';

const ROUTES = ['POST /parcels', 'GET /parcels', 'GET /parcels/{id}', 'DELETE /parcels/{id}', 'POST /parcels/{id}/status'] as const;
type RouteName = (typeof ROUTES)[number];
type Ownership = 'own' | 'other';

/**
 * Expected answer per route × role × [own, other] resource (API.md, Parcels + Conventions).
 * `hidden` is the list route's 404: 200, but the parcel is not in the list.
 * For the admin, "own" is any parcel and "other" another seller's: it sees everything.
 */
type Expected = number | 'hidden';
const MATRIX: Record<RouteName, Record<Role, [own: Expected, other: Expected]>> = {
  'POST /parcels': { seller: [201, 404], admin: [403, 403], customer: [403, 403], delivery: [403, 403], system: [403, 403] },
  'GET /parcels': { seller: [200, 'hidden'], admin: [200, 200], customer: [200, 'hidden'], delivery: [200, 'hidden'], system: [403, 403] },
  'GET /parcels/{id}': { seller: [200, 404], admin: [200, 200], customer: [200, 404], delivery: [200, 404], system: [403, 403] },
  'DELETE /parcels/{id}': { seller: [204, 404], admin: [204, 204], customer: [403, 403], delivery: [403, 403], system: [403, 403] },
  'POST /parcels/{id}/status': { seller: [200, 404], admin: [200, 200], customer: [403, 403], delivery: [200, 404], system: [403, 403] },
};

let deliveryPersonId: string;
let otherDeliveryPersonId: string;
beforeAll(async () => {
  [deliveryPersonId, otherDeliveryPersonId] = await Promise.all([addDeliveryPerson(), addDeliveryPerson()]);
});

/** A caller of `role` and a resource that is its own or someone else's, fresh for each cell. */
async function cell(role: Role, ownership: Ownership, route: RouteName) {
  const own = ownership === 'own';
  const caller = role === 'delivery' ? as('delivery', own ? deliveryPersonId : otherDeliveryPersonId) : as(role, uniqueId(role));
  const sellerId = role === 'seller' && own ? caller.sub : uniqueId('seller');
  const customerId = role === 'customer' && own ? caller.sub : uniqueId('customer');
  if (route === 'POST /parcels') return { caller, sellerId, order: await orderOf(sellerId, 1, customerId), parcelId: '' };
  // The delivery role's own parcel is one assigned to it: shipped, so that it may then set out_for_delivery.
  // Its "other" parcel is assigned to someone else (the caller above is the other person).
  const status: Status = role === 'delivery' ? 'shipped' : 'received';
  const { parcel, order } = await parcelAt(status, { sellerId, customerId, deliveryPersonId });
  return { caller, sellerId, order, parcelId: parcel.id };
}

type Target = Awaited<ReturnType<typeof cell>>;

async function attempt(route: RouteName, caller: Caller, target: Target): Promise<ApiResponse> {
  switch (route) {
    case 'POST /parcels':
      return caller.post('/parcels', { orderId: target.order.id, itemIds: target.order.items.map((item) => item.id) });
    case 'GET /parcels':
      // The admin's unfiltered list holds every test's parcels; its seller filter finds this one for sure.
      return caller.get(`/parcels?limit=100${caller.role === 'admin' ? `&sellerId=${target.sellerId}` : ''}`);
    case 'GET /parcels/{id}':
      return caller.get(`/parcels/${target.parcelId}`);
    case 'DELETE /parcels/{id}':
      return caller.delete(`/parcels/${target.parcelId}`);
    case 'POST /parcels/{id}/status':
      return setStatus(caller, target.parcelId, caller.role === 'delivery' ? 'out_for_delivery' : 'processed');
  }
}

const cells = ROUTES.flatMap((route) =>
  (Object.keys(MATRIX[route]) as Role[]).flatMap((role) =>
    (['own', 'other'] as const).map((ownership, i) => ({ route, role, ownership, expected: MATRIX[route][role][i]! })),
  ),
);

describe('authorization matrix: parcel route × role × own/other', () => {
  it.concurrent.each(cells)('$route as $role on $ownership → $expected', async ({ route, role, ownership, expected }) => {
    const target = await cell(role, ownership, route);
    const response = await attempt(route, target.caller, target);
    const label = JSON.stringify(response.body);

    if (route === 'GET /parcels' && expected !== 403) {
      expect(response.status, label).toBe(200);
      const listed = response.body.items.map((parcel: { id: string }) => parcel.id);
      if (expected === 'hidden') expect(listed).not.toContain(target.parcelId);
      else expect(listed).toContain(target.parcelId);
      return;
    }
    expect(response.status, label).toBe(expected);
    if (expected === 403) expect(response.body.error.code).toBe('FORBIDDEN');
    if (expected === 404) expect(response.body.error.code).toBe('NOT_FOUND');

    // A refused request changed nothing; an accepted one did what it says.
    if (route === 'POST /parcels') {
      const items = await admin.get(`/order-items?orderId=${target.order.id}`);
      expect(items.body.items[0].parcelId).toBe(expected === 201 ? response.body.id : null);
    } else if (route !== 'GET /parcels/{id}') {
      const after = await admin.get(`/parcels/${target.parcelId}`);
      if (route === 'DELETE /parcels/{id}' && expected === 204) expect(after.status).toBe(404);
      else if (route === 'POST /parcels/{id}/status' && expected === 200) expect(after.body.status).toBe(response.body.status);
      else expect(after.body.events, JSON.stringify(after.body)).toHaveLength(role === 'delivery' ? 2 : 1);
    } else if (expected === 200) {
      expect(response.body.id).toBe(target.parcelId);
    }
  });

  it('every parcel route without a token → 401', async () => {
    const { parcel, order } = await parcelAt('received');
    const responses = await Promise.all([
      call('POST', '/parcels', { body: { orderId: order.id, itemIds: [order.items[0]!.id] } }),
      call('GET', '/parcels'),
      call('GET', `/parcels/${parcel.id}`),
      call('DELETE', `/parcels/${parcel.id}`),
      call('POST', `/parcels/${parcel.id}/status`, { body: { status: 'processed' } }),
    ]);
    for (const response of responses) expectError(response, 401, 'UNAUTHORIZED');
    expect((await admin.get(`/parcels/${parcel.id}`)).body.status).toBe('received');
  });
});

describe('GET /parcels scoping and filters', () => {
  // Two sellers S and O, customers C1 and C2, delivery person D. Parcels in creation order:
  // p1 (S, C1, order1) received; p2 (S, C1, order1) shipped by D; p3 (O, C1, order1) shipped by D; p4 (S, C2, order2) processed.
  const S = newSeller();
  const O = newSeller();
  const C1 = as('customer', uniqueId('customer'));
  const C2 = as('customer', uniqueId('customer'));
  let D: Caller;
  let order1: string;
  let order2: string;
  let p1: string, p2: string, p3: string, p4: string;

  beforeAll(async () => {
    D = as('delivery', await addDeliveryPerson());
    const first = await placeOrder(C1.sub, [itemInput(S.sub, { sku: 'A' }), itemInput(S.sub, { sku: 'B' }), itemInput(O.sub, { sku: 'C' })]);
    const second = await placeOrder(C2.sub, [itemInput(S.sub, { sku: 'D' })]);
    [order1, order2] = [first.id, second.id];
    const create = async (seller: Caller, orderId: string, itemId: string) => {
      const response = await seller.post('/parcels', { orderId, itemIds: [itemId] });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      return response.body.id as string;
    };
    p1 = await create(S, order1, first.items[0]!.id);
    p2 = await create(S, order1, first.items[1]!.id);
    p3 = await create(O, order1, first.items[2]!.id);
    p4 = await create(S, order2, second.items[0]!.id);
    for (const [seller, id, status, assign] of [[S, p2, 'shipped', D.sub], [O, p3, 'shipped', D.sub], [S, p4, 'processed']] as const) {
      expect((await setStatus(seller, id, status, assign)).status).toBe(200);
    }
  });

  it('each role sees exactly its parcels, newest first', async () => {
    expect(await listIds(S)).toEqual([p4, p2, p1]);
    expect(await listIds(O)).toEqual([p3]);
    expect(await listIds(C1)).toEqual([p3, p2, p1]);
    expect(await listIds(C2)).toEqual([p4]);
    expect(await listIds(D)).toEqual([p3, p2]);
    expect(await listIds(as('delivery', uniqueId('dp')))).toEqual([]);
    expect(await listIds(admin, `?sellerId=${S.sub}`)).toEqual([p4, p2, p1]);
    expect(await listIds(admin, `?sellerId=${O.sub}`)).toEqual([p3]);
    // The admin's unfiltered list holds every test's parcels: walk all of it.
    const all = (await pagesOf(admin, 'limit=100')).flatMap((page) => page.items.map((parcel) => parcel.id));
    expect(all.filter((id) => [p1, p2, p3, p4].includes(id))).toEqual([p4, p3, p2, p1]);
    expect(new Set(all).size).toBe(all.length);
  });

  it('a seller cannot widen its scope with ?sellerId=', async () => {
    expect(await listIds(S, `?sellerId=${O.sub}`)).toEqual([]);
  });

  it('filters by status and orderId within the scope', async () => {
    expect(await listIds(S, '?status=shipped')).toEqual([p2]);
    expect(await listIds(S, '?status=processed')).toEqual([p4]);
    expect(await listIds(S, '?status=delivered')).toEqual([]);
    expect(await listIds(S, `?orderId=${order1}`)).toEqual([p2, p1]);
    expect(await listIds(S, `?orderId=${order2}`)).toEqual([p4]);
    expect(await listIds(S, `?orderId=${order1}&status=received`)).toEqual([p1]);
    expect(await listIds(C1, `?orderId=${order1}&status=shipped`)).toEqual([p3, p2]);
    expect(await listIds(C2, `?orderId=${order1}`)).toEqual([]);
    expect(await listIds(D, '?status=shipped')).toEqual([p3, p2]);
    expect(await listIds(admin, `?sellerId=${S.sub}&status=received`)).toEqual([p1]);
    expectError(await S.get('/parcels?status=lost'), 400, 'VALIDATION_FAILED', 'status');
  });
});

describe('GET /parcels pagination', () => {
  const seller = newSeller();
  const created: string[] = [];
  beforeAll(async () => {
    const order = await orderOf(seller.sub, 5);
    for (const item of order.items) {
      const response = await seller.post('/parcels', { orderId: order.id, itemIds: [item.id] });
      expect(response.status).toBe(201);
      created.push(response.body.id);
    }
    for (const id of created.slice(0, 4)) expect((await setStatus(seller, id, 'processed')).status).toBe(200);
  });

  it('limit=2 walks 5 parcels in pages of 2, 2, 1: newest first, no duplicates, nextCursor null at the end', async () => {
    const pages = await pagesOf(seller, 'limit=2');
    expect(pages.map((page) => page.items.length)).toEqual([2, 2, 1]);
    expect(pages.at(-1)!.nextCursor).toBeNull();
    const ids = pages.flatMap((page) => page.items.map((parcel) => parcel.id));
    expect(ids).toEqual([...created].reverse());
    const times = pages.flatMap((page) => page.items.map((parcel) => parcel.createdAt));
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('a filtered list pages the same way: 4 processed parcels in pages of 2 end with nextCursor null', async () => {
    const pages = await pagesOf(seller, 'limit=2&status=processed');
    const ids = pages.flatMap((page) => page.items.map((parcel) => parcel.id));
    expect(ids).toEqual(created.slice(0, 4).reverse());
    expect(pages.at(-1)!.nextCursor).toBeNull();
    expect(pages.every((page) => page.items.length <= 2)).toBe(true);
  });

  it('a limit outside 1..100 → 400; a cursor from another list → 400', async () => {
    for (const limit of ['0', '101', 'x']) expectError(await seller.get(`/parcels?limit=${limit}`), 400, 'VALIDATION_FAILED', 'limit');
    const first = await seller.get('/parcels?limit=2');
    const foreign = await newSeller().get(`/parcels?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(foreign.status, JSON.stringify(foreign.body)).toBe(400);
  });
});
