import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { as } from './api-client.ts';

/** A unique id per test run, so tests sharing one table never see each other's records. */
export const uniqueId = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

export const address = {
  name: 'Asha Rao',
  phone: '+91 98450 12345',
  line1: '12 MG Road',
  city: 'Bengaluru',
  state: 'Karnataka',
  postalCode: '560001',
  country: 'India',
};

export const itemInput = (sellerId: string, overrides: Record<string, unknown> = {}) => ({
  sellerId,
  productName: 'Cotton saree',
  sku: 'SAR-001',
  quantity: 1,
  unitPrice: 149900,
  taxPercent: 5,
  ...overrides,
});

export const orderInput = (customerId: string, items: ReturnType<typeof itemInput>[], overrides: Record<string, unknown> = {}) => ({
  id: uniqueId('order'),
  customerId,
  paymentMethod: 'prepaid',
  shippingAddress: address,
  items,
  ...overrides,
});

export const storefront = as('system', 'storefront');
export const admin = as('admin', 'admin-1');

/** Ingests an order through the API and returns it (201 asserted). */
export async function placeOrder(customerId: string, items: ReturnType<typeof itemInput>[]) {
  const response = await storefront.post('/orders', orderInput(customerId, items));
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string; items: { id: string; sellerId: string }[] };
}

/** A delivery person created by the admin. */
export async function addDeliveryPerson(id = uniqueId('dp')) {
  const response = await admin.post('/delivery-persons', { id, name: 'Kiran Kumar', phone: '+91 90000 11111' });
  expect(response.status).toBe(201);
  return id;
}

/** A seller's order with `count` items and a parcel of them (201 asserted). */
export async function parcelFor(sellerId: string, customerId = uniqueId('customer'), count = 1) {
  const order = await placeOrder(customerId, Array.from({ length: count }, (_, i) => itemInput(sellerId, { sku: `SKU-${i}` })));
  const response = await as('seller', sellerId).post('/parcels', { orderId: order.id, itemIds: order.items.map((item) => item.id) });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return { order, parcel: response.body as { id: string; status: string; items: { id: string }[] }, customerId };
}
