/** GET /returns: the admin's queue by status oldest first; the other lists newest first; cursors page through and stay bound to their list. */
import { describe, expect, it } from 'vitest';
import { as, type ApiResponse, type Caller } from '../support/api-client.ts';
import { admin } from '../support/fixtures.ts';
import { expectError } from '../parcels/parcel-helpers.ts';
import { changeReturn, deliveredOrder, requestedReturn } from './return-helpers.ts';

async function allIds(caller: Caller, query: string, limit = 2) {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const response: ApiResponse = await caller.get(`/returns?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.items.length).toBeLessThanOrEqual(limit);
    ids.push(...response.body.items.map((item: { id: string }) => item.id));
    cursor = response.body.nextCursor;
  } while (cursor && ++pages < 500);
  return ids;
}

describe('return lists', () => {
  it('customer and seller: newest first, paged, filtered by status', async () => {
    const delivered = await deliveredOrder([{}, {}, {}]);
    const created: string[] = [];
    for (const itemId of delivered.itemIds) created.push((await requestedReturn(delivered, itemId)).id);
    expect((await changeReturn(admin, created[1]!, 'approve')).status).toBe(200);
    const newestFirst = [...created].reverse();
    expect(await allIds(delivered.customer, '')).toEqual(newestFirst);
    expect(await allIds(delivered.seller, '')).toEqual(newestFirst);
    expect(await allIds(delivered.seller, 'status=requested')).toEqual([created[2], created[0]]);
    expect(await allIds(delivered.customer, 'status=approved', 1)).toEqual([created[1]]);
  });

  it('the admin queue of one status is oldest first, and a return moves between queues with its status', async () => {
    const delivered = await deliveredOrder([{}, {}, {}]);
    const created: string[] = [];
    for (const itemId of delivered.itemIds) created.push((await requestedReturn(delivered, itemId)).id);
    const requestedQueue = (await allIds(admin, 'status=requested', 100)).filter((id) => created.includes(id));
    expect(requestedQueue).toEqual(created);
    expect((await changeReturn(admin, created[0]!, 'approve')).status).toBe(200);
    expect((await allIds(admin, 'status=requested', 100)).filter((id) => created.includes(id))).toEqual(created.slice(1));
    expect((await allIds(admin, 'status=approved', 100)).filter((id) => created.includes(id))).toEqual([created[0]]);
    // Without a status: every return, newest first.
    const everything: string[] = (await admin.get('/returns?limit=100')).body.items.map((item: { id: string }) => item.id);
    expect(everything).toEqual([...everything].sort().reverse());
    expect(everything.filter((id) => created.includes(id))).toEqual([...created].reverse());
  });

  it('a cursor of one list is refused on another (400)', async () => {
    const delivered = await deliveredOrder([{}, {}]);
    for (const itemId of delivered.itemIds) await requestedReturn(delivered, itemId);
    const page = await delivered.customer.get('/returns?limit=1');
    expect(page.body.nextCursor).toEqual(expect.any(String));
    expectError(await delivered.seller.get(`/returns?limit=1&cursor=${encodeURIComponent(page.body.nextCursor)}`), 400, 'BAD_REQUEST');
    expectError(await as('customer', 'someone-else').get(`/returns?limit=1&cursor=${encodeURIComponent(page.body.nextCursor)}`), 400, 'BAD_REQUEST');
  });
});
