import { describe, expect, it } from 'vitest';
import { itemInput, parcelFor, placeOrder, uniqueId } from '../support/fixtures.ts';
import { storedOrderItems } from '../support/table.ts';
import { expectError, listedItemsById, newSeller, orderOf, storedItemsById, viewParcel } from './parcel-helpers.ts';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('POST /parcels', () => {
  it('creates a received parcel from the selected items and marks them parcelled', async () => {
    const seller = newSeller();
    const otherSellerId = uniqueId('seller');
    const customerId = uniqueId('customer');
    const order = await placeOrder(customerId, [itemInput(seller.sub, { sku: 'A' }), itemInput(seller.sub, { sku: 'B' }), itemInput(otherSellerId), itemInput(seller.sub, { sku: 'C' })]);
    const [a, b, foreign, c] = order.items.map((item) => item.id);

    const response = await seller.post('/parcels', { orderId: order.id, itemIds: [a, c] });

    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const parcel = response.body;
    expect(parcel).toMatchObject({
      orderId: order.id,
      sellerId: seller.sub,
      customerId,
      status: 'received',
      shippingMethod: null,
      deliveryPersonId: null,
      courier: null,
      invoiceNumber: null,
    });
    expect(parcel.id).toEqual(expect.any(String));
    expect(parcel.createdAt).toMatch(ISO_TIME);
    expect(parcel.updatedAt).toMatch(ISO_TIME);
    expect(parcel.items.map((item: { id: string }) => item.id).sort()).toEqual([a, c].sort());
    for (const item of parcel.items) expect(item).toMatchObject({ parcelId: parcel.id, status: 'received', sellerId: seller.sub, orderId: order.id, deliveredAt: null });
    expect(parcel.events).toEqual([{ at: expect.stringMatching(ISO_TIME), status: 'received', source: 'seller', actor: seller.sub, note: null }]);

    const listed = await seller.get(`/order-items?orderId=${order.id}`);
    expect(listed.status).toBe(200);
    const parcelIdOf = new Map(listed.body.items.map((item: { id: string; parcelId: string | null }) => [item.id, item.parcelId]));
    expect(parcelIdOf).toEqual(new Map([[a, parcel.id], [b, null], [c, parcel.id]]));
    expect(parcelIdOf.has(foreign)).toBe(false);

    const viewed = await viewParcel(parcel.id);
    expect(viewed.items.map((item) => item.id).sort()).toEqual([a, c].sort());
    expect(viewed.events).toEqual(parcel.events);
  });

  describe('404 for items outside the seller and the order, and nothing is parcelled', () => {
    it("another seller's item in the same order", async () => {
      const seller = newSeller();
      const order = await placeOrder(uniqueId('customer'), [itemInput(seller.sub), itemInput(uniqueId('seller'))]);
      const [own, foreign] = order.items.map((item) => item.id);

      expectError(await seller.post('/parcels', { orderId: order.id, itemIds: [own, foreign] }), 404, 'NOT_FOUND');
      expectError(await seller.post('/parcels', { orderId: order.id, itemIds: [foreign] }), 404, 'NOT_FOUND');

      const stored = await storedItemsById(order.id);
      expect([...stored.values()].map((item) => item.parcelId)).toEqual([undefined, undefined]);
    });

    it('an item of another order of the same seller', async () => {
      const seller = newSeller();
      const [first, second] = [await orderOf(seller.sub, 1), await orderOf(seller.sub, 1)];

      expectError(await seller.post('/parcels', { orderId: first.id, itemIds: [first.items[0]!.id, second.items[0]!.id] }), 404, 'NOT_FOUND');
      expectError(await seller.post('/parcels', { orderId: first.id, itemIds: [second.items[0]!.id] }), 404, 'NOT_FOUND');

      expect((await storedItemsById(first.id)).get(first.items[0]!.id)?.parcelId).toBeUndefined();
      expect((await storedItemsById(second.id)).get(second.items[0]!.id)?.parcelId).toBeUndefined();
    });

    it('an unknown order', async () => {
      const seller = newSeller();
      const order = await orderOf(seller.sub, 1);
      expectError(await seller.post('/parcels', { orderId: uniqueId('no-such-order'), itemIds: [order.items[0]!.id] }), 404, 'NOT_FOUND');
    });
  });

  it('409 for an item already in a parcel, and the free items of that request stay free', async () => {
    const seller = newSeller();
    const order = await orderOf(seller.sub, 2);
    const [taken, free] = order.items.map((item) => item.id);
    const first = await seller.post('/parcels', { orderId: order.id, itemIds: [taken] });
    expect(first.status).toBe(201);

    expectError(await seller.post('/parcels', { orderId: order.id, itemIds: [taken] }), 409, 'CONFLICT');
    expectError(await seller.post('/parcels', { orderId: order.id, itemIds: [free, taken] }), 409, 'CONFLICT');

    const stored = await storedItemsById(order.id);
    expect(stored.get(taken!)?.parcelId).toBe(first.body.id);
    expect(stored.get(free!)?.parcelId).toBeUndefined();
    const parcels = await seller.get(`/parcels?orderId=${order.id}`);
    expect(parcels.body.items.map((parcel: { id: string }) => parcel.id)).toEqual([first.body.id]);
  });

  describe('400 VALIDATION_FAILED for a bad selection', () => {
    it('empty itemIds', async () => {
      const seller = newSeller();
      const order = await orderOf(seller.sub, 1);
      expectError(await seller.post('/parcels', { orderId: order.id, itemIds: [] }), 400, 'VALIDATION_FAILED', 'itemIds');
    });

    it('duplicate item ids, and nothing is parcelled', async () => {
      const seller = newSeller();
      const order = await orderOf(seller.sub, 2);
      const [a, b] = order.items.map((item) => item.id);
      expectError(await seller.post('/parcels', { orderId: order.id, itemIds: [a, b, a] }), 400, 'VALIDATION_FAILED', 'itemIds');
      expect([...(await storedItemsById(order.id)).values()].map((item) => item.parcelId)).toEqual([undefined, undefined]);
    });

    it('missing orderId and itemIds, each named', async () => {
      const response = await newSeller().post('/parcels', {});
      expectError(response, 400, 'VALIDATION_FAILED');
      expect(response.body.error.details.map((detail: { path: string }) => detail.path).sort()).toEqual(['itemIds', 'orderId']);
    });
  });

  it('holds up to 99 items: 100 ids → 400 naming the limit of 99; 99 → 201; the 100th goes into a second parcel', async () => {
    const seller = newSeller();
    const order = await orderOf(seller.sub, 100);
    const ids = order.items.map((item) => item.id);

    const tooMany = await seller.post('/parcels', { orderId: order.id, itemIds: ids });
    expectError(tooMany, 400, 'VALIDATION_FAILED', 'itemIds');
    expect(tooMany.body.error.message).toMatch(/\b99\b/);
    expect(tooMany.body.error.details.find((detail: { path: string }) => detail.path === 'itemIds').message).toMatch(/\b99\b/);
    expect([...(await storedItemsById(order.id)).values()].every((item) => item.parcelId === undefined)).toBe(true);

    const big = await seller.post('/parcels', { orderId: order.id, itemIds: ids.slice(0, 99) });
    expect(big.status, JSON.stringify(big.body)).toBe(201);
    expect(big.body.items).toHaveLength(99);
    const last = await seller.post('/parcels', { orderId: order.id, itemIds: [ids[99]] });
    expect(last.status, JSON.stringify(last.body)).toBe(201);

    const stored = await storedItemsById(order.id);
    expect(ids.slice(0, 99).every((id) => stored.get(id)?.parcelId === big.body.id)).toBe(true);
    expect(stored.get(ids[99]!)?.parcelId).toBe(last.body.id);
    expect((await viewParcel(big.body.id)).items).toHaveLength(99);
    const listed = await listedItemsById(order.id);
    expect([...listed.values()].filter((item) => item.parcelId === big.body.id)).toHaveLength(99);
  });
});

describe('what POST /parcels stores', () => {
  it('puts the parcel id on each packed item in DynamoDB Local', async () => {
    const { order, parcel } = await parcelFor(uniqueId('seller'));
    const items = await storedOrderItems(order.id);
    expect(items.map((item) => item.parcelId)).toEqual([parcel.id]);
  });
});
