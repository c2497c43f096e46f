import { describe, expect, it } from 'vitest';
import { as } from './support/api-client.ts';
import { admin, itemInput, orderInput, placeOrder, storefront, uniqueId } from './support/fixtures.ts';
import { storedOrderItems } from './support/table.ts';

describe('POST /orders', () => {
  it('stores the order with defaults and answers 201', async () => {
    const seller = uniqueId('seller');
    const body = orderInput(uniqueId('customer'), [itemInput(seller), itemInput(seller, { sku: 'B', returnable: false })]);
    const response = await storefront.post('/orders', body);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      id: body.id,
      currency: 'INR',
      billingAddress: body.shippingAddress,
      items: [
        { sellerId: seller, status: 'received', parcelId: null, returnStatus: null, returnable: true, returnWindowDays: 7, deliveredAt: null },
        { sku: 'B', returnable: false },
      ],
    });
    expect(response.body.items[0].id).toMatch(/^[0-9A-Z]{26}$/);
    expect(await storedOrderItems(body.id)).toHaveLength(2);
  });

  it('is idempotent on id: the same body again answers 200 with the stored order', async () => {
    const body = orderInput(uniqueId('customer'), [itemInput(uniqueId('seller'))]);
    const first = await storefront.post('/orders', body);
    const again = await admin.post('/orders', { ...body });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await storedOrderItems(body.id)).toHaveLength(1);
  });

  it('answers 409 when the id is reused with another body, and keeps the original', async () => {
    const body = orderInput(uniqueId('customer'), [itemInput(uniqueId('seller'))]);
    await storefront.post('/orders', body);
    const other = await storefront.post('/orders', { ...body, items: [...body.items, itemInput('seller-x')] });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('CONFLICT');
    const stored = await storedOrderItems(body.id);
    expect(stored).toHaveLength(1);
  });

  it('settles concurrent identical ingestions to one stored order', async () => {
    const body = orderInput(uniqueId('customer'), [itemInput(uniqueId('seller')), itemInput(uniqueId('seller'))]);
    const responses = await Promise.all(Array.from({ length: 8 }, () => storefront.post('/orders', body)));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.every((status) => [200, 201, 409].includes(status))).toBe(true);
    expect(await storedOrderItems(body.id)).toHaveLength(2);
  });

  it('takes 100 items in one order and refuses 101', async () => {
    const seller = uniqueId('seller');
    const hundred = orderInput(uniqueId('customer'), Array.from({ length: 100 }, (_, i) => itemInput(seller, { sku: `S${i}` })));
    expect((await storefront.post('/orders', hundred)).status).toBe(201);
    const tooMany = await storefront.post('/orders', { ...hundred, id: uniqueId('order'), items: [...hundred.items, itemInput(seller)] });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.details).toEqual([{ path: 'items', message: 'an order holds at most 100 items' }]);
  });

  it('reads back every item of a large order with long addresses', async () => {
    const seller = uniqueId('seller');
    const long = { ...orderInput('c', []).shippingAddress, email: `${'a'.repeat(64)}@${'b'.repeat(180)}.example`, line1: 'x'.repeat(300), line2: 'y'.repeat(300) };
    const body = orderInput(uniqueId('customer'), Array.from({ length: 100 }, (_, i) => itemInput(seller, { sku: `S${i}`, productName: 'p'.repeat(300) })), { shippingAddress: long, billingAddress: long });
    expect((await storefront.post('/orders', body)).status).toBe(201);
    expect((await admin.get(`/orders/${body.id}`)).body.items).toHaveLength(100);
    const tooLongEmail = await storefront.post('/orders', { ...body, id: uniqueId('order'), shippingAddress: { ...long, email: `${'a'.repeat(64)}@${'b'.repeat(250)}.example` } });
    expect(tooLongEmail.status).toBe(400);
    expect(tooLongEmail.body.error.details[0].path).toBe('shippingAddress.email');
  });

  it('refuses sellers, customers and delivery persons', async () => {
    for (const role of ['seller', 'customer', 'delivery'] as const) {
      const response = await as(role, 'someone').post('/orders', orderInput('c', [itemInput('s')]));
      expect(response.status).toBe(403);
    }
  });
});

describe('GET /orders/{orderId}', () => {
  it('shows admin the whole order, the customer its own, a seller only its items', async () => {
    const [sellerA, sellerB, customer] = [uniqueId('seller'), uniqueId('seller'), uniqueId('customer')];
    const order = await placeOrder(customer, [itemInput(sellerA), itemInput(sellerB), itemInput(sellerA)]);

    expect((await admin.get(`/orders/${order.id}`)).body.items).toHaveLength(3);
    expect((await as('customer', customer).get(`/orders/${order.id}`)).body.items).toHaveLength(3);
    const forA = await as('seller', sellerA).get(`/orders/${order.id}`);
    expect(forA.body.items.map((item: { sellerId: string }) => item.sellerId)).toEqual([sellerA, sellerA]);
    expect((await as('seller', sellerB).get(`/orders/${order.id}`)).body.items).toHaveLength(1);
  });

  it('answers 404 to another customer, a seller with no items there, and unknown orders', async () => {
    const order = await placeOrder(uniqueId('customer'), [itemInput(uniqueId('seller'))]);
    for (const caller of [as('customer', 'someone-else'), as('seller', 'other-seller')]) {
      const response = await caller.get(`/orders/${order.id}`);
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('NOT_FOUND');
    }
    expect((await admin.get('/orders/no-such-order')).status).toBe(404);
  });
});

describe('numbers the API stores', () => {
  it.each([[1e-131], [5e-324], [18.123], [0.001], [1e21], [-5], [101]])('refuses taxPercent %s with 400 naming the field, storing nothing', async (taxPercent) => {
    const input = orderInput(uniqueId('customer'), [itemInput(uniqueId('seller'), { taxPercent })]);
    const response = await storefront.post('/orders', input);
    expect(response.status, JSON.stringify(response.body)).toBe(400);
    expect(new Set(response.body.error.details.map((detail: { path: string }) => detail.path))).toEqual(new Set(['items.0.taxPercent']));
    expect(await storedOrderItems(input.id)).toEqual([]);
  });

  it.each([[0], [0.25], [1.5], [3], [5], [12], [18], [28], [99.99]])('takes the GST rate %s and answers it back exactly', async (taxPercent) => {
    const response = await storefront.post('/orders', orderInput(uniqueId('customer'), [itemInput(uniqueId('seller'), { taxPercent })]));
    expect(response.status).toBe(201);
    expect(response.body.items[0].taxPercent).toBe(taxPercent);
  });

  it('refuses a unit price above ₹1 crore (in paise) or with a fraction', async () => {
    for (const unitPrice of [1_000_000_001, 10.5, Number.MAX_SAFE_INTEGER + 2]) {
      const response = await storefront.post('/orders', orderInput(uniqueId('customer'), [itemInput(uniqueId('seller'), { unitPrice })]));
      expect(response.status, String(unitPrice)).toBe(400);
    }
  });
});
