/**
 * The authorization matrix: every returns route × admin, seller, customer, delivery person, system ×
 * own / other. Out of scope reads as 404; a role the route does not allow is 403 (sellers on every change).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { as, type Caller } from '../support/api-client.ts';
import { addDeliveryPerson, admin, storefront, uniqueId } from '../support/fixtures.ts';
import { expectError } from '../parcels/parcel-helpers.ts';
import { askReturn, bodyFor, changeReturn, deliveredOrder, returnAt, type DeliveredOrder, type ReturnBody, type ReturnChange } from './return-helpers.ts';

const CHANGES: ReturnChange[] = ['approve', 'decline', 'assign', 'pickup', 'receive'];

describe('who sees and changes which return', () => {
  let delivered: DeliveredOrder;
  let ret: ReturnBody;
  let collector: Caller;
  const otherSeller = as('seller', uniqueId('seller'));
  const otherCustomer = as('customer', uniqueId('customer'));
  let otherCollector: Caller;

  beforeAll(async () => {
    collector = as('delivery', await addDeliveryPerson());
    otherCollector = as('delivery', await addDeliveryPerson());
    ({ delivered, ret } = await returnAt('approved'));
    const assigned = await changeReturn(admin, ret.id, 'assign', { deliveryPersonId: collector.sub });
    expect(assigned.status).toBe(200);
    ret = assigned.body;
  });

  const ids = async (caller: Caller) => {
    const response = await caller.get('/returns?limit=100');
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.items.map((item: { id: string }) => item.id) as string[];
  };

  it('GET /returns/{id}: admin, its seller, its customer, the assigned delivery person 200; other sellers, customers, delivery persons 404; system 403', async () => {
    const callers = { admin, seller: delivered.seller, customer: delivered.customer, delivery: collector };
    for (const [role, caller] of Object.entries(callers)) {
      const response = await caller.get(`/returns/${ret.id}`);
      expect(response.status, role).toBe(200);
      expect(response.body).toEqual(ret);
    }
    for (const caller of [otherSeller, otherCustomer, otherCollector]) expectError(await caller.get(`/returns/${ret.id}`), 404, 'NOT_FOUND');
    expectError(await storefront.get(`/returns/${ret.id}`), 403, 'FORBIDDEN');
  });

  it('GET /returns: each role lists its own scope only; system 403', async () => {
    expect(await ids(delivered.seller)).toContain(ret.id);
    expect(await ids(delivered.customer)).toEqual([ret.id]);
    expect(await ids(collector)).toEqual([ret.id]);
    expect((await admin.get('/returns?status=approved&limit=100')).status).toBe(200);
    for (const caller of [otherSeller, otherCustomer, otherCollector]) expect(await ids(caller)).toEqual([]);
    expectError(await storefront.get('/returns'), 403, 'FORBIDDEN');
  });

  it('POST /returns: only the customer of the item (another customer 404); admin, seller, delivery person, system 403', async () => {
    const fresh = await deliveredOrder();
    const body = { orderItemId: fresh.itemIds[0], reason: 'Wrong colour' };
    for (const caller of [admin, fresh.seller, collector, storefront]) expectError(await askReturn(caller, body), 403, 'FORBIDDEN');
    expectError(await askReturn(otherCustomer, body), 404, 'NOT_FOUND');
    expect((await askReturn(fresh.customer, body)).status).toBe(201);
  });

  it.each(CHANGES)('POST /returns/{id}/%s: sellers (its own and others), customers and system 403, the return unchanged', async (change) => {
    for (const caller of [delivered.seller, otherSeller, delivered.customer, otherCustomer, storefront]) {
      expectError(await changeReturn(caller, ret.id, change, bodyFor(change, collector.sub)), 403, 'FORBIDDEN');
    }
    expect((await admin.get(`/returns/${ret.id}`)).body).toEqual(ret);
  });

  it.each(['approve', 'decline', 'assign', 'receive'] as const)('POST /returns/{id}/%s: delivery persons (assigned or not) 403', async (change) => {
    for (const caller of [collector, otherCollector]) expectError(await changeReturn(caller, ret.id, change, bodyFor(change, collector.sub)), 403, 'FORBIDDEN');
  });

  it('POST /returns/{id}/pickup: a delivery person not assigned 404; the assigned one 200; the admin may too', async () => {
    expectError(await changeReturn(otherCollector, ret.id, 'pickup'), 404, 'NOT_FOUND');
    const picked = await changeReturn(collector, ret.id, 'pickup');
    expect(picked.status, JSON.stringify(picked.body)).toBe(200);
    expect(picked.body.status).toBe('picked_up');
    ret = picked.body;

    const { ret: another } = await returnAt('approved');
    expectError(await changeReturn(collector, another.id, 'pickup'), 404, 'NOT_FOUND');
    expect((await changeReturn(admin, another.id, 'pickup')).status).toBe(200);
  });

  it('the admin makes every change (approve, decline, assign, receive shown on fresh returns)', async () => {
    expect((await changeReturn(admin, (await returnAt('requested')).ret.id, 'approve')).status).toBe(200);
    expect((await changeReturn(admin, (await returnAt('requested')).ret.id, 'decline', bodyFor('decline'))).status).toBe(200);
    expect((await changeReturn(admin, (await returnAt('approved')).ret.id, 'assign', { deliveryPersonId: collector.sub })).status).toBe(200);
    expect((await changeReturn(admin, (await returnAt('picked_up')).ret.id, 'receive')).status).toBe(200);
  });
});
