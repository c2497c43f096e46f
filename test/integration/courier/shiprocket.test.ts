/**
 * Update Status → Shiprocket Orders over HTTP, with the Shiprocket simulator of the test runtime as
 * the far end. Every test that injects faults lives in this one file (run in order), so no other
 * test's courier calls meet them.
 */
import { afterEach, describe, expect, inject, it } from 'vitest';
import { as, type Caller } from '../support/api-client.ts';
import { addDeliveryPerson, admin, uniqueId } from '../support/fixtures.ts';
import { newSeller, orderOf } from '../parcels/parcel-helpers.ts';

const control = (path: string, init?: { method: string; body?: unknown }) =>
  fetch(`${inject('shiprocketControlUrl')}${path}`, {
    method: init?.method ?? 'GET',
    headers: { 'content-type': 'application/json' },
    body: init?.body === undefined ? undefined : JSON.stringify(init.body),
  }).then(async (response) => ({ status: response.status, body: await response.json().catch(() => undefined) }));

interface SimOrder {
  orderId: number;
  channelOrderId: string;
  awb: string | null;
  cancelled: boolean;
  shipmentStatus: number | null;
}
const simulatorState = async () => (await control('/state')).body as { orders: SimOrder[]; loginCount: number };
const ordersFor = async (parcelId: string) => (await simulatorState()).orders.filter((order) => order.channelOrderId.startsWith(parcelId));
const injectFault = (fault: { kind: string; method?: string; path?: string; times?: number }) => control('/faults', { method: 'POST', body: fault });

afterEach(async () => {
  await control('/faults', { method: 'DELETE' });
});

const DIMENSIONS = { weightKg: 0.5, lengthCm: 20, breadthCm: 15, heightCm: 5 };

async function sellerWithPickup(pickupLocation = 'Primary'): Promise<Caller> {
  const seller = newSeller();
  const saved = await admin.put(`/sellers/${seller.sub}`, {
    name: 'Meera Iyer',
    storeName: 'Aurora Weaves',
    address: { name: 'Aurora Weaves', phone: '+91 80 4000 1234', line1: '88 Koramangala', city: 'Bengaluru', state: 'Karnataka', postalCode: '560034', country: 'India' },
    pickupLocation,
  });
  expect(saved.status).toBe(201);
  return seller;
}

async function parcelOf(seller: Caller, items = 2) {
  const order = await orderOf(seller.sub, items);
  const parcel = await seller.post('/parcels', { orderId: order.id, itemIds: order.items.map((item) => item.id) });
  expect(parcel.status).toBe(201);
  return parcel.body as { id: string };
}

const ship = (seller: Caller, parcelId: string, body: Record<string, unknown> = DIMENSIONS) => seller.post(`/parcels/${parcelId}/shiprocket`, body);

describe('POST /parcels/{parcelId}/shiprocket', () => {
  it('creates the courier order, assigns an AWB and requests pickup: the parcel is processed and shows its courier details', async () => {
    const seller = await sellerWithPickup();
    const parcel = await parcelOf(seller);

    const response = await ship(seller, parcel.id);

    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body).toMatchObject({ status: 'processed', shippingMethod: 'shiprocket' });
    expect(response.body.courier).toEqual({
      provider: 'shiprocket',
      orderId: expect.any(String),
      channelOrderId: parcel.id,
      shipmentId: expect.any(String),
      awb: expect.any(String),
      courierId: expect.any(Number),
      courierName: expect.any(String),
      statusCode: 3,
      statusLabel: expect.any(String),
      pickupLocation: 'Primary',
      ...DIMENSIONS,
      labelUrl: expect.stringMatching(/^http/),
      pickupScheduledAt: expect.any(String),
      etd: null,
      lastSyncedAt: null,
      cancelledAt: null,
      scans: [],
      exception: null,
    });
    expect(response.body.items.every((item: { status: string }) => item.status === 'processed')).toBe(true);
    expect(response.body.events.map((event: { note: string | null }) => event.note).join(' ')).toContain(response.body.courier.awb);
    const orders = await ordersFor(parcel.id);
    expect(orders).toHaveLength(1);
    expect(orders[0]!.awb).toBe(response.body.courier.awb);
    expect((await seller.get(`/parcels/${parcel.id}`)).body).toEqual(response.body);
  });

  it('answers 400 naming each missing dimension, and sends nothing to Shiprocket', async () => {
    const seller = await sellerWithPickup();
    const parcel = await parcelOf(seller, 1);
    const response = await ship(seller, parcel.id, { weightKg: 0.5 });
    expect(response.status).toBe(400);
    expect(response.body.error.details.map((detail: { path: string }) => detail.path).sort()).toEqual(['breadthCm', 'heightCm', 'lengthCm']);
    expect(await ordersFor(parcel.id)).toEqual([]);
  });

  it("answers 400 with Shiprocket's message for a pickup location it does not know, and leaves the parcel as it was", async () => {
    const seller = await sellerWithPickup();
    const parcel = await parcelOf(seller, 1);
    const before = (await seller.get(`/parcels/${parcel.id}`)).body;

    const response = await ship(seller, parcel.id, { ...DIMENSIONS, pickupLocation: 'Nowhere Warehouse' });

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.message).toMatch(/Wrong Pickup location entered/);
    expect(response.body.error.details[0].path).toBe('pickupLocation');
    expect((await seller.get(`/parcels/${parcel.id}`)).body).toEqual(before);
    // And the parcel can still ship locally.
    expect((await seller.post(`/parcels/${parcel.id}/status`, { status: 'processed' })).status).toBe(200);
  });

  it('needs a pickup location when the seller profile has none (400 on pickupLocation)', async () => {
    const seller = newSeller();
    const parcel = await parcelOf(seller, 1);
    const response = await ship(seller, parcel.id);
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual([{ path: 'pickupLocation', message: expect.stringMatching(/required/) }]);
  });

  it("answers 404 for another seller's parcel, 403 for roles that may not, and 409 for a second create on a live shipment", async () => {
    const seller = await sellerWithPickup();
    const parcel = await parcelOf(seller, 1);
    expect((await ship(as('seller', uniqueId('seller')), parcel.id)).status).toBe(404);
    expect((await ship(admin, parcel.id)).status).toBe(403);
    expect((await ship(seller, parcel.id)).status).toBe(201);
    const second = await ship(seller, parcel.id);
    expect(second.status).toBe(409);
    expect(second.body.error.message).toMatch(/live courier shipment/);
    expect(await ordersFor(parcel.id)).toHaveLength(1);
  });

  it('refuses local status changes and delete while the courier shipment is live (409)', async () => {
    const seller = await sellerWithPickup();
    const parcel = await parcelOf(seller, 1);
    expect((await ship(seller, parcel.id)).status).toBe(201);
    const deliveryPersonId = await addDeliveryPerson();
    expect((await seller.post(`/parcels/${parcel.id}/status`, { status: 'shipped', deliveryPersonId })).status).toBe(409);
    expect((await seller.delete(`/parcels/${parcel.id}`)).status).toBe(409);
  });

  it('resumes after the create answer was lost: exactly one courier order, a complete parcel', async () => {
    const seller = await sellerWithPickup();
    const parcel = await parcelOf(seller, 1);
    await injectFault({ kind: 'drop-response', method: 'POST', path: '/orders/create/adhoc' });

    const lost = await ship(seller, parcel.id);
    expect(lost.status, JSON.stringify(lost.body)).toBe(502);
    expect(lost.body.error.code).toBe('UPSTREAM_ERROR');
    expect(await ordersFor(parcel.id)).toHaveLength(1);

    const retried = await ship(seller, parcel.id);
    expect(retried.status, JSON.stringify(retried.body)).toBe(201);
    expect(retried.body.courier.awb).toEqual(expect.any(String));
    expect(await ordersFor(parcel.id)).toHaveLength(1);
  });

  it('resumes after the AWB answer was lost (a crash after assignment): the same order keeps its AWB', async () => {
    const seller = await sellerWithPickup();
    const parcel = await parcelOf(seller, 1);
    await injectFault({ kind: 'drop-response', method: 'POST', path: '/courier/assign/awb' });

    // The AWB is assigned but its answer is lost: the same request either recovers it ("already
    // assigned" → the order is looked up) or answers 502, and then the retry does.
    const first = await ship(seller, parcel.id);
    expect([201, 502]).toContain(first.status);
    const [order] = await ordersFor(parcel.id);
    expect(order?.awb).toEqual(expect.any(String));

    const retried = first.status === 201 ? first : await ship(seller, parcel.id);
    expect(retried.status, JSON.stringify(retried.body)).toBe(201);
    expect(retried.body.courier.awb).toBe(order!.awb);
    expect(await ordersFor(parcel.id)).toHaveLength(1);
  });

  it('logs in again exactly once when the token expires mid-flow', async () => {
    const seller = await sellerWithPickup();
    const parcel = await parcelOf(seller, 1);
    const before = (await simulatorState()).loginCount;
    await injectFault({ kind: 'expired-token', method: 'POST', path: '/courier/assign/awb' });
    expect((await ship(seller, parcel.id)).status).toBe(201);
    expect((await simulatorState()).loginCount - before).toBe(1);
  });

  it('backs off and succeeds after a 429', async () => {
    const seller = await sellerWithPickup();
    const parcel = await parcelOf(seller, 1);
    await injectFault({ kind: 'rate-limit', method: 'POST', path: '/courier/generate/pickup' });
    expect((await ship(seller, parcel.id)).status).toBe(201);
  });

  it('answers 502 after retries when Shiprocket keeps failing, and the parcel reads as before', async () => {
    const seller = await sellerWithPickup();
    const parcel = await parcelOf(seller, 1);
    const before = (await seller.get(`/parcels/${parcel.id}`)).body;
    await injectFault({ kind: 'server-error', method: 'POST', path: '/orders/create/adhoc', times: 100 });

    const failed = await ship(seller, parcel.id);

    expect(failed.status).toBe(502);
    expect(failed.body.error).toEqual({ code: 'UPSTREAM_ERROR', message: expect.stringMatching(/Shiprocket/) });
    expect((await seller.get(`/parcels/${parcel.id}`)).body).toEqual(before);
    await control('/faults', { method: 'DELETE' });
    expect((await ship(seller, parcel.id)).status).toBe(201);
    expect(await ordersFor(parcel.id)).toHaveLength(1);
  });

  it('shares one login between many creates', async () => {
    const seller = await sellerWithPickup();
    const parcels = await Promise.all(Array.from({ length: 10 }, () => parcelOf(seller, 1)));
    const before = (await simulatorState()).loginCount;
    const responses = await Promise.all(parcels.map((parcel) => ship(seller, parcel.id)));
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(201));
    expect((await simulatorState()).loginCount).toBe(before);
  });

  it('answers a retried create with the same Idempotency-Key with the same parcel (201), not a 409', async () => {
    const seller = await sellerWithPickup();
    const parcel = await parcelOf(seller, 1);
    const token = await seller.token;
    const send = () =>
      fetch(`${inject('apiUrl')}/parcels/${parcel.id}/shiprocket`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `ship-${parcel.id}` },
        body: JSON.stringify(DIMENSIONS),
      }).then(async (response) => ({ status: response.status, replayed: response.headers.get("idempotent-replayed"), body: (await response.json()) as { courier: { awb: string } } }));
    const first = await send();
    const again = await send();
    expect([first.status, again.status, again.replayed]).toEqual([201, 201, 'true']);
    expect(again.body.courier.awb).toBe(first.body.courier.awb);
  });
});

describe('POST /parcels/{parcelId}/shiprocket/cancel and /refresh', () => {
  it('cancels before pickup: courier.cancelledAt set, no shipping method; then local shipping works, or a new courier order with a new channel id', async () => {
    const seller = await sellerWithPickup();
    const parcel = await parcelOf(seller, 1);
    expect((await ship(seller, parcel.id)).status).toBe(201);

    const cancelled = await seller.post(`/parcels/${parcel.id}/shiprocket/cancel`);

    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body.shippingMethod).toBeNull();
    expect(cancelled.body.courier.cancelledAt).toEqual(expect.any(String));
    expect((await ordersFor(parcel.id))[0]!.cancelled).toBe(true);
    expect((await seller.post(`/parcels/${parcel.id}/shiprocket/cancel`)).status).toBe(409);

    const again = await ship(seller, parcel.id);
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body.courier.channelOrderId).toBe(`${parcel.id}-2`);
    expect((await seller.post(`/parcels/${parcel.id}/shiprocket/cancel`)).status).toBe(200);
    const deliveryPersonId = await addDeliveryPerson();
    const local = await seller.post(`/parcels/${parcel.id}/status`, { status: 'shipped', deliveryPersonId });
    expect(local.status, JSON.stringify(local.body)).toBe(200);
    expect(local.body.shippingMethod).toBe('local');
  });

  it('refreshes tracking through the state machine, and refuses to cancel once picked up (409)', async () => {
    const seller = await sellerWithPickup();
    const parcel = await parcelOf(seller, 1);
    const shipped = await ship(seller, parcel.id);
    const awb = shipped.body.courier.awb as string;

    expect((await control(`/shipments/${awb}/status`, { method: 'POST', body: { statusId: 42, webhook: false } })).status).toBe(200);
    const refreshed = await seller.post(`/parcels/${parcel.id}/shiprocket/refresh`);

    expect(refreshed.status, JSON.stringify(refreshed.body)).toBe(200);
    expect(refreshed.body.status).toBe('shipped');
    expect(refreshed.body.courier).toMatchObject({ statusCode: 42, lastSyncedAt: expect.any(String) });
    expect(refreshed.body.events.at(-1)).toMatchObject({ status: 'shipped', source: 'refresh', actor: null });

    const cancel = await seller.post(`/parcels/${parcel.id}/shiprocket/cancel`);
    expect(cancel.status).toBe(409);

    // Skipping forward (missed scans): delivered straight from shipped, items delivered with the parcel.
    await control(`/shipments/${awb}/status`, { method: 'POST', body: { statusId: 7, webhook: false } });
    const delivered = await admin.post(`/parcels/${parcel.id}/shiprocket/refresh`);
    expect(delivered.body.status).toBe('delivered');
    expect(delivered.body.items[0].deliveredAt).toEqual(expect.any(String));
  });

  it('refuses cancel and refresh without a live courier shipment (409), and scopes them like the parcel', async () => {
    const seller = await sellerWithPickup();
    const parcel = await parcelOf(seller, 1);
    expect((await seller.post(`/parcels/${parcel.id}/shiprocket/cancel`)).status).toBe(409);
    expect((await seller.post(`/parcels/${parcel.id}/shiprocket/refresh`)).status).toBe(409);
    expect((await as('seller', uniqueId('seller')).post(`/parcels/${parcel.id}/shiprocket/refresh`)).status).toBe(404);
    expect((await as('customer', uniqueId('c')).post(`/parcels/${parcel.id}/shiprocket/cancel`)).status).toBe(403);
  });
});
