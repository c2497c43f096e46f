/**
 * A return from request to received over HTTP, with the item (GET /orders/{id}) and the parcel's
 * copy of it (GET /parcels/{id}) checked after every change; a declined request asked again; the
 * Idempotency-Key; an item id shared by two orders; a courier-delivered item.
 */
import { describe, expect, inject, it } from 'vitest';
import { as } from '../support/api-client.ts';
import { addDeliveryPerson, admin, uniqueId } from '../support/fixtures.ts';
import { askReturn, changeReturn, deliveredOrder, itemViews, requestedReturn, returnAt } from './return-helpers.ts';
import { newSeller, orderOf } from '../parcels/parcel-helpers.ts';

describe('a return from request to received', () => {
  it('requested → approved → assigned → picked up by the delivery person → returned, each change seen on the item and its parcel', async () => {
    const delivered = await deliveredOrder([{}, {}]);
    expect(await itemViews(delivered)).toEqual({ order: { status: 'delivered', returnStatus: null }, parcel: { status: 'delivered', returnStatus: null } });

    const asked = await askReturn(delivered.customer, { orderItemId: delivered.itemIds[0], reason: 'Too small' });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    expect(asked.body).toMatchObject({
      orderItemId: delivered.itemIds[0], orderId: delivered.orderId, sellerId: delivered.seller.sub, customerId: delivered.customer.sub,
      reason: 'Too small', status: 'requested', declineReason: null, deliveryPersonId: null, decidedAt: null, pickedUpAt: null, receivedAt: null,
    });
    expect(asked.body.events).toEqual([{ at: asked.body.createdAt, status: 'requested', source: 'customer', actor: delivered.customer.sub, note: null }]);
    const returnId = asked.body.id;
    expect(await itemViews(delivered)).toEqual({ order: { status: 'delivered', returnStatus: 'requested' }, parcel: { status: 'delivered', returnStatus: 'requested' } });

    const approved = await changeReturn(admin, returnId, 'approve', { note: 'Size exchange policy' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decidedAt: expect.any(String) });
    expect(approved.body.events.at(-1)).toMatchObject({ status: 'approved', source: 'admin', actor: 'admin-1', note: 'Size exchange policy' });
    expect(await itemViews(delivered)).toEqual({ order: { status: 'delivered', returnStatus: 'approved' }, parcel: { status: 'delivered', returnStatus: 'approved' } });

    const collector = await addDeliveryPerson();
    const assigned = await changeReturn(admin, returnId, 'assign', { deliveryPersonId: collector });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ status: 'approved', deliveryPersonId: collector });
    expect(assigned.body.events.at(-1)).toMatchObject({ status: 'approved', source: 'admin' });
    const assignedList = await as('delivery', collector).get(`/returns`);
    expect(assignedList.body.items.map((ret: { id: string }) => ret.id)).toEqual([returnId]);

    const pickedUp = await changeReturn(as('delivery', collector), returnId, 'pickup', { note: 'Collected at the door' });
    expect(pickedUp.status, JSON.stringify(pickedUp.body)).toBe(200);
    expect(pickedUp.body).toMatchObject({ status: 'picked_up', pickedUpAt: expect.any(String) });
    expect(pickedUp.body.events.at(-1)).toMatchObject({ status: 'picked_up', source: 'delivery', actor: collector, note: 'Collected at the door' });
    expect(await itemViews(delivered)).toEqual({ order: { status: 'delivered', returnStatus: 'picked_up' }, parcel: { status: 'delivered', returnStatus: 'picked_up' } });

    const received = await changeReturn(admin, returnId, 'receive');
    expect(received.status).toBe(200);
    expect(received.body).toMatchObject({ status: 'returned', receivedAt: expect.any(String) });
    expect(received.body.events.map((event: { status: string }) => event.status)).toEqual(['requested', 'approved', 'approved', 'picked_up', 'returned']);
    expect(await itemViews(delivered)).toEqual({ order: { status: 'returned', returnStatus: 'returned' }, parcel: { status: 'returned', returnStatus: 'returned' } });
    // The other item of the parcel is untouched.
    expect(await itemViews(delivered, delivered.itemIds[1])).toEqual({ order: { status: 'delivered', returnStatus: null }, parcel: { status: 'delivered', returnStatus: null } });

    const seen = await delivered.customer.get(`/returns/${returnId}`);
    expect(seen.body).toEqual(received.body);
  });

  it('a declined request shows its reason; the customer may ask again and the new request is the item\'s', async () => {
    const { delivered, ret } = await returnAt('declined');
    expect(ret).toMatchObject({ status: 'declined', declineReason: 'Worn; not in its original condition', decidedAt: expect.any(String) });
    expect(await itemViews(delivered)).toEqual({ order: { status: 'delivered', returnStatus: 'declined' }, parcel: { status: 'delivered', returnStatus: 'declined' } });

    const again = await requestedReturn(delivered);
    expect(again.id).not.toBe(ret.id);
    expect(await itemViews(delivered)).toEqual({ order: { status: 'delivered', returnStatus: 'requested' }, parcel: { status: 'delivered', returnStatus: 'requested' } });
    const mine = await delivered.customer.get('/returns');
    expect(mine.body.items.map((item: { id: string; status: string }) => [item.id, item.status])).toEqual([[again.id, 'requested'], [ret.id, 'declined']]);
  });

  it('the same Idempotency-Key and body answer the same return with Idempotent-Replayed; another body with it is a 409', async () => {
    const delivered = await deliveredOrder();
    const key = uniqueId('key');
    const body = { orderItemId: delivered.itemIds[0], reason: 'Changed my mind' };
    const first = await askReturn(delivered.customer, body, key);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const replay = await askReturn(delivered.customer, body, key);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    expect((await askReturn(delivered.customer, { ...body, reason: 'Other' }, key)).status).toBe(409);
    expect((await delivered.customer.get('/returns')).body.items).toHaveLength(1);
  });

  it('an item id in two of the customer\'s orders is ambiguous (409) until orderId names the order', async () => {
    const customerId = uniqueId('customer');
    const first = await deliveredOrder([{ id: 'line-1' }], customerId);
    const second = await deliveredOrder([{ id: 'line-1' }], customerId);
    expect(first.itemIds[0]).toBe(second.itemIds[0]); // the storefront numbers items per order
    const ambiguous = await askReturn(first.customer, { orderItemId: first.itemIds[0], reason: 'Broken' });
    expect(ambiguous.status).toBe(409);
    expect(ambiguous.body.error.message).toMatch(/several of your orders; pass orderId/);

    const named = await askReturn(first.customer, { orderItemId: second.itemIds[0], orderId: second.orderId, reason: 'Broken' });
    expect(named.status, JSON.stringify(named.body)).toBe(201);
    expect(named.body.orderId).toBe(second.orderId);
    expect((await itemViews(second)).order.returnStatus).toBe('requested');
    expect((await itemViews(first)).order.returnStatus).toBeNull();
  });

  it('a courier-delivered item (Shiprocket simulator push) can be returned and received', async () => {
    const seller = newSeller();
    await admin.put(`/sellers/${seller.sub}`, {
      name: 'N', storeName: 'S', pickupLocation: 'Primary',
      address: { name: 'S', phone: '+91 80 4000 1234', line1: 'L', city: 'Bengaluru', state: 'Karnataka', postalCode: '560034', country: 'India' },
    });
    const customerId = uniqueId('customer');
    const order = await orderOf(seller.sub, 1, customerId);
    const parcel = await seller.post('/parcels', { orderId: order.id, itemIds: order.items.map((item) => item.id) });
    const shipped = await seller.post(`/parcels/${parcel.body.id}/shiprocket`, { weightKg: 0.5, lengthCm: 20, breadthCm: 15, heightCm: 5 });
    expect(shipped.status, JSON.stringify(shipped.body)).toBe(201);
    const pushed = await fetch(`${inject('shiprocketControlUrl')}/shipments/${shipped.body.courier.awb}/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ statusId: 7 }),
    }).then((response) => response.json() as Promise<{ webhook: { sent: boolean; status: number } }>);
    expect(pushed.webhook).toMatchObject({ sent: true, status: 200 });
    const delivered = { seller, customer: as('customer', customerId), orderId: order.id, parcelId: parcel.body.id, itemIds: order.items.map((item) => item.id) };
    expect((await itemViews(delivered)).order.status).toBe('delivered');

    const { ret } = await returnAt('returned', delivered);
    expect(ret.status).toBe('returned');
    expect(await itemViews(delivered)).toEqual({ order: { status: 'returned', returnStatus: 'returned' }, parcel: { status: 'returned', returnStatus: 'returned' } });
  });
});
