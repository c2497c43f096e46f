import { beforeAll, describe, expect, it } from 'vitest';
import { as } from './support/api-client.ts';
import { admin, itemInput, placeOrder, uniqueId } from './support/fixtures.ts';

describe('GET /order-items', () => {
  const seller = uniqueId('seller');
  const otherSeller = uniqueId('seller');
  const orders: { id: string; items: { id: string; sellerId: string }[] }[] = [];

  beforeAll(async () => {
    // 5 orders, oldest first: each has 5 items of `seller` and 1 of `otherSeller`.
    for (let i = 0; i < 5; i++) {
      orders.push(await placeOrder(uniqueId('customer'), [...Array.from({ length: 5 }, (_, j) => itemInput(seller, { sku: `O${i}-I${j}` })), itemInput(otherSeller)]));
    }
    const first = orders[0]!;
    const response = await as('seller', seller).post('/parcels', { orderId: first.id, itemIds: first.items.slice(0, 2).map((item) => item.id) });
    expect(response.status).toBe(201);
  });

  const mine = (order: (typeof orders)[number]) => order.items.filter((item) => item.sellerId === seller).map((item) => item.id);

  it('pages through a seller\'s own items, newest first, without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `limit=10${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const response: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await as('seller', seller).get(`/order-items?${query}`);
      expect(response.status).toBe(200);
      seen.push(...response.body.items.map((item: { id: string }) => item.id));
      cursor = response.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    const newestFirst = [...orders].reverse().flatMap((order) => [...mine(order)].reverse());
    expect(seen).toEqual(newestFirst);
  });

  it('filters by order, status and unparcelled', async () => {
    const first = orders[0]!;
    const byOrder = await as('seller', seller).get(`/order-items?orderId=${first.id}`);
    expect(byOrder.body.items).toHaveLength(5);
    expect(byOrder.body.nextCursor).toBeNull();

    const unparcelled = await as('seller', seller).get(`/order-items?orderId=${first.id}&unparcelled=true`);
    expect(unparcelled.body.items.map((item: { id: string }) => item.id).sort()).toEqual(mine(first).slice(2).sort());
    const parcelled = await as('seller', seller).get('/order-items?unparcelled=false&limit=100');
    expect(parcelled.body.items.map((item: { id: string }) => item.id).sort()).toEqual(mine(first).slice(0, 2).sort());
    const processed = await as('seller', seller).get('/order-items?status=processed');
    expect(processed.body).toEqual({ items: [], nextCursor: null });
  });

  it('lists what the seller still has to pack, and gives items back when their parcel is deleted', async () => {
    const unparcelled = async () => (await as('seller', seller).get('/order-items?unparcelled=true&limit=100')).body.items.map((item: { id: string }) => item.id);
    const allMine = [...orders].reverse().flatMap((order) => [...mine(order)].reverse());
    const packed = mine(orders[0]!).slice(0, 2);
    expect(await unparcelled()).toEqual(allMine.filter((id) => !packed.includes(id)));

    const order = orders[1]!;
    const parcel = await as('seller', seller).post('/parcels', { orderId: order.id, itemIds: mine(order).slice(0, 1) });
    expect(await unparcelled()).not.toContain(mine(order)[0]);
    expect((await as('seller', seller).delete(`/parcels/${parcel.body.id}`)).status).toBe(204);
    expect(await unparcelled()).toEqual(allMine.filter((id) => !packed.includes(id)));
  });

  it('never shows a seller another seller\'s items, even when asked for them', async () => {
    const response = await as('seller', otherSeller).get('/order-items?limit=100');
    expect(response.body.items).toHaveLength(5);
    expect(response.body.items.every((item: { sellerId: string }) => item.sellerId === otherSeller)).toBe(true);
    const prying = await as('seller', otherSeller).get(`/order-items?sellerId=${seller}`);
    expect(prying.body.items).toEqual([]);
    const viaOrder = await as('seller', otherSeller).get(`/order-items?orderId=${orders[0]!.id}`);
    expect(viaOrder.body.items).toHaveLength(1);
  });

  it('lets the admin read one seller\'s items or everyone\'s', async () => {
    const oneSeller = await admin.get(`/order-items?sellerId=${otherSeller}`);
    expect(oneSeller.body.items).toHaveLength(5);
    const everyone = await admin.get('/order-items?limit=3');
    expect(everyone.body.items).toHaveLength(3);
    expect(everyone.body.nextCursor).toEqual(expect.any(String));
  });

  it('refuses a cursor taken from another list', async () => {
    const page = await as('seller', seller).get('/order-items?limit=1');
    const response = await as('seller', otherSeller).get(`/order-items?cursor=${encodeURIComponent(page.body.nextCursor)}`);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('BAD_REQUEST');
  });

  it('is not for customers, delivery persons or the storefront', async () => {
    for (const role of ['customer', 'delivery', 'system'] as const) expect((await as(role, 'x').get('/order-items')).status).toBe(403);
  });
});
