import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { callApiAs, launchChromium, placeOrder, parcelCard, screen, signInAs } from './support/browser.ts';

let browser: Browser;
let seller: Page;
beforeAll(async () => {
  browser = await launchChromium();
  seller = await signInAs(browser, 'seller-aurora');
});
afterAll(async () => browser?.close());

async function createParcel(page: Page, orderId: string, products: string[]): Promise<string> {
  await page.getByRole('button', { name: 'Create a Parcel' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create a Parcel' });
  await dialog.getByRole('combobox', { name: 'Order' }).selectOption({ value: orderId });
  for (const product of products) await dialog.getByRole('checkbox', { name: product, exact: true }).check();
  await dialog.getByRole('button', { name: 'Create parcel' }).click();
  await dialog.waitFor({ state: 'detached' });
  const created = await page.getByRole('status').filter({ hasText: /Parcel \S+ created/ }).textContent();
  return created!.match(/Parcel (\S+) created/)![1]!;
}

describe('seller panel', () => {
  test('shows the Order Items and Shipments tabs, moved between with the arrow keys', async () => {
    const itemsTab = seller.getByRole('tab', { name: 'Order Items' });
    await expect.poll(() => itemsTab.getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => seller.getByRole('table', { name: 'Order items' }).getByRole('row').count()).toBeGreaterThan(1);
    await seller.getByRole('checkbox', { name: 'Not in a parcel' }).check();
    await expect.poll(() => seller.getByRole('table', { name: 'Order items' }).textContent()).not.toContain('Silk stole');
    await screen(seller, 'seller-order-items');
    await itemsTab.focus();
    await seller.keyboard.press('ArrowRight');
    const shipmentsTab = seller.getByRole('tab', { name: 'Shipments' });
    await expect.poll(() => shipmentsTab.getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => seller.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string } } }).document.activeElement.textContent)).toBe('Shipments');
    await seller.getByRole('list', { name: 'Created Parcels List' }).waitFor();
    await screen(seller, 'seller-shipments');
  });

  let parcelId: string;
  test('creates a parcel, views it and opens its invoice', async () => {
    parcelId = await createParcel(seller, 'demo-order-1003', ['Kalamkari table runner']);
    const card = parcelCard(seller, parcelId);
    await card.getByRole('button', { name: 'View' }).click();
    const view = seller.getByRole('dialog', { name: `Parcel ${parcelId}` });
    expect(await view.getByRole('table', { name: 'Items' }).textContent()).toContain('Kalamkari table runner');
    expect(await view.getByRole('region', { name: 'Timeline' }).textContent()).toContain('Received');
    await screen(seller, 'seller-parcel-view');
    await view.getByRole('button', { name: 'Close' }).click();

    // Headless Chromium has no PDF viewer: the new tab's request for the PDF is what shows it opened.
    const pdfRequested = seller.context().waitForEvent('request', { predicate: (request) => /\.pdf/.test(request.url()) });
    await card.getByRole('button', { name: 'Invoice' }).click();
    const request = await pdfRequested;
    expect(new URL(request.url()).searchParams.get('response-content-disposition') ?? 'inline').toContain('inline');
    await request.frame().page().close();
    const download = card.getByRole('link', { name: /^Download invoice \d{4}-\d{2}\/\d{6}$/ });
    await download.waitFor();
    const pdf = await fetch((await download.getAttribute('href'))!);
    expect(pdf.headers.get('content-disposition')).toContain('attachment');
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
  });

  test('ships it locally with a delivery person, offering only the allowed moves; Delete is then disabled with its reason', async () => {
    const card = parcelCard(seller, parcelId);
    await card.getByRole('button', { name: 'Update Status' }).click();
    const dialog = seller.getByRole('dialog', { name: `Update Status — parcel ${parcelId}` });
    await expect.poll(() => dialog.getByRole('tab', { name: 'Local Shipping' }).getAttribute('aria-selected')).toBe('true');
    const statusBox = dialog.getByRole('combobox', { name: 'Next status' });
    expect(await statusBox.locator('option').allTextContents()).toEqual(['Processed', 'Shipped', 'Cancelled']);
    await dialog.getByRole('combobox', { name: 'Delivery person' }).selectOption({ label: 'Kiran Kumar (+91 90000 11111)' });
    await statusBox.selectOption({ label: 'Shipped' });
    await screen(seller, 'seller-update-status-local');
    await dialog.getByRole('button', { name: 'Save status' }).click();
    await dialog.getByRole('status').filter({ hasText: 'now shipped' }).waitFor();
    expect(await statusBox.locator('option').allTextContents()).toEqual(['Out for delivery', 'Delivered', 'Returning to origin']);
    await dialog.getByRole('button', { name: 'Close' }).click();

    const remove = card.getByRole('button', { name: 'Delete' });
    await expect.poll(() => remove.isDisabled()).toBe(true);
    expect(await remove.getAttribute('aria-describedby')).toBeTruthy();
    expect(await card.textContent()).toContain('can no longer be deleted');
  });

  test('creates, refreshes and cancels a Shiprocket parcel', async () => {
    const parcel = await createParcel(seller, 'demo-order-1002', ['Block-print cushion cover']);
    const card = parcelCard(seller, parcel);
    await card.getByRole('button', { name: 'Update Status' }).click();
    const dialog = seller.getByRole('dialog', { name: `Update Status — parcel ${parcel}` });
    await dialog.getByRole('tab', { name: 'Shiprocket Orders' }).click();
    await dialog.getByRole('spinbutton', { name: 'Weight (kg)' }).fill('0.8');
    for (const side of ['Length (cm)', 'Breadth (cm)', 'Height (cm)']) await dialog.getByRole('spinbutton', { name: side }).fill('20');
    await dialog.getByRole('button', { name: 'Create Shiprocket order' }).click();
    const details = dialog.getByRole('region', { name: 'Shiprocket shipment' });
    await details.waitFor();
    expect(await details.textContent()).toMatch(/AWB\s*\d+/);
    await details.getByRole('link', { name: 'Shipping label (PDF)' }).waitFor();
    await screen(seller, 'seller-update-status-shiprocket');

    await details.getByRole('button', { name: 'Refresh' }).click();
    await details.getByRole('status').filter({ hasText: 'Refreshed from Shiprocket' }).waitFor();
    await details.getByRole('button', { name: 'Cancel Shiprocket Parcel' }).click();
    await dialog.getByRole('button', { name: 'Create Shiprocket order' }).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => card.getByRole('button', { name: 'Delete' }).isDisabled()).toBe(false);
  });

  test('an item packed elsewhere meanwhile: the seller is told in plain words and the list is refreshed', async () => {
    await placeOrder('e2e-order-race', 'Ikat cushion');
    const dialog = seller.getByRole('dialog', { name: 'Create a Parcel' });
    await seller.getByRole('button', { name: 'Create a Parcel' }).click();
    await dialog.getByRole('combobox', { name: 'Order' }).selectOption({ value: 'e2e-order-race' });
    await dialog.getByRole('checkbox', { name: 'Ikat cushion' }).check();
    const taken = await callApiAs('seller-aurora', 'POST', '/parcels', { orderId: 'e2e-order-race', itemIds: ['e2e-order-race-item'] });
    expect(taken.status).toBe(201);
    await dialog.getByRole('button', { name: 'Create parcel' }).click();
    const alert = dialog.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('packed into another parcel meanwhile');
    await dialog.getByRole('checkbox', { name: 'Ikat cushion' }).waitFor({ state: 'detached' });
    await screen(seller, 'seller-create-parcel-conflict');
    await dialog.getByRole('button', { name: 'Close' }).click();
  });
});
