import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { callApiAs, launchChromium, parcelCard, placeOrder, screen, signInAs } from './support/browser.ts';

const PHONE = { width: 390, height: 844 };
const PRODUCT = 'Ajrakh dupatta';

let browser: Browser;
let parcelId: string;
beforeAll(async () => {
  browser = await launchChromium();
  // The seller's part is the seller panel's test; here it happens through the API.
  await placeOrder('e2e-order-journey', PRODUCT);
  const created = await callApiAs('seller-aurora', 'POST', '/parcels', { orderId: 'e2e-order-journey', itemIds: ['e2e-order-journey-item'] });
  parcelId = ((await created.json()) as { id: string }).id;
  const shipped = await callApiAs('seller-aurora', 'POST', `/parcels/${parcelId}/status`, { status: 'shipped', deliveryPersonId: 'dp-kiran' });
  expect(shipped.status).toBe(200);
});
afterAll(async () => browser?.close());

describe('a parcel delivered and returned', () => {
  test('the delivery person, on a phone, takes it out for delivery and marks it delivered', async () => {
    const courier = await signInAs(browser, 'dp-kiran', PHONE);
    const card = parcelCard(courier, parcelId);
    await card.getByRole('button', { name: 'Mark out for delivery' }).waitFor();
    expect(await card.getByRole('button').allTextContents()).toEqual(['Mark out for delivery', 'Mark delivered']);
    await card.getByRole('button', { name: 'Mark out for delivery' }).click();
    await courier.getByRole('status').filter({ hasText: 'out for delivery' }).waitFor();
    await screen(courier, 'delivery-phone');
    await card.getByRole('button', { name: 'Mark delivered' }).click();
    await courier.getByRole('status').filter({ hasText: 'delivered' }).waitFor();
    await expect.poll(() => card.getByRole('button').count()).toBe(0);
    expect(await card.textContent()).toContain('Delivered');
  });

  test('the customer sees the tracking timeline and requests a return', async () => {
    const customer = await signInAs(browser, 'customer-asha', PHONE);
    const card = parcelCard(customer, parcelId);
    await card.waitFor();
    const timeline = await card.getByRole('region', { name: 'Timeline' }).textContent();
    expect(timeline).toMatch(/Received.*Shipped.*Out for delivery.*Delivered/s);
    await card.getByRole('button', { name: `Request return of ${PRODUCT}` }).click();
    const dialog = customer.getByRole('dialog', { name: `Return ${PRODUCT}` });
    await dialog.getByRole('textbox', { name: 'Why are you returning it?' }).fill('The colour is not as shown');
    await screen(customer, 'customer-request-return');
    await dialog.getByRole('button', { name: 'Send return request' }).click();
    await customer.getByRole('status').filter({ hasText: `Return of ${PRODUCT} requested` }).waitFor();
    const myReturns = customer.getByRole('list', { name: 'My returns' });
    await expect.poll(() => myReturns.textContent()).toContain('The colour is not as shown');
    expect(await myReturns.textContent()).toContain('Requested');
    await expect.poll(() => card.getByRole('button', { name: /Request return/ }).count()).toBe(0);
    await screen(customer, 'customer-parcels');
  });

  test('the admin approves the return, assigns its pickup and marks it received', async () => {
    const admin = await signInAs(browser, 'admin-1');
    const request = admin.getByRole('listitem').filter({ hasText: 'e2e-order-journey-item' });
    await request.getByRole('button', { name: 'Approve' }).click();
    await request.getByRole('button', { name: 'Mark received' }).waitFor();
    await request.getByRole('combobox', { name: 'Pickup person' }).selectOption({ label: 'Kiran Kumar' });
    await request.getByRole('button', { name: 'Assign pickup' }).click();
    await expect.poll(() => request.textContent()).toContain('Pickup by dp-kiran');
    await screen(admin, 'admin-return-requests');
    await request.getByRole('button', { name: 'Mark received' }).click();
    await expect.poll(() => request.textContent()).toContain('Returned');
    expect(await request.getByRole('button').count()).toBe(0);
  });

  test('the seller sees the return, read-only', async () => {
    const seller = await signInAs(browser, 'seller-aurora');
    await seller.getByRole('tab', { name: 'Returns' }).click();
    const returned = seller.getByRole('listitem').filter({ hasText: 'e2e-order-journey-item' });
    await expect.poll(() => returned.textContent()).toContain('Returned');
    expect(await returned.getByRole('button').count()).toBe(0);
    await screen(seller, 'seller-returns');
  });

  test('the admin lists parcels by status and adds a delivery person', async () => {
    const admin = await signInAs(browser, 'admin-1');
    await admin.getByRole('tab', { name: 'Parcels' }).click();
    await admin.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Delivered' });
    const parcels = admin.getByRole('list', { name: 'All parcels' });
    await expect.poll(async () => (await parcels.getByRole('listitem').allTextContents()).every((card) => card.includes('Delivered'))).toBe(true);
    expect(await parcels.textContent()).toContain(parcelId);
    await screen(admin, 'admin-parcels');
    await admin.getByRole('tab', { name: 'Delivery persons' }).click();
    await admin.getByRole('textbox', { name: 'Name' }).fill('Sunil Patil');
    await admin.getByRole('textbox', { name: 'Phone' }).fill('+91 90000 33333');
    await admin.getByRole('button', { name: 'Add delivery person' }).click();
    await admin.getByRole('status').filter({ hasText: 'Sunil Patil added' }).waitFor();
    await expect.poll(() => admin.getByRole('list', { name: 'Delivery persons' }).textContent()).toContain('Sunil Patil');
    await screen(admin, 'admin-delivery-persons');
  });
});
