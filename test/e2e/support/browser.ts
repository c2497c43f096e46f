import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect, inject } from 'vitest';

const projectRoot = resolve(import.meta.dirname, '../../..');
/** Every screenshot the tests take (a test artifact; gitignored). */
export const SCREENS_DIR = join(projectRoot, 'test-results', 'screens');
const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export { launchChromium } from './browser-launch.ts';

/** A new browser session signed in as a demo user, by pressing that user's button on the sign-in page. */
export async function signInAs(browser: Browser, user: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(inject('panelsUrl'));
  await page.getByRole('button', { name: user, exact: true }).click();
  await page.getByText(`Signed in as ${user}`).waitFor();
  return page;
}

/** axe-core in the page: no serious or critical finding on what the screen shows now. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await page.addScriptTag({ path: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: string, options: object): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run('html', { resultTypes: ['violations'] });
    return result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  });
  expect(violations, `accessibility of ${screen}`).toEqual([]);
}

/** Saves `test-results/screens/<name>.png` and checks the screen's accessibility. */
export async function screen(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENS_DIR, `${name}.png`), fullPage: true });
  await expectAccessible(page, name);
}

/** A parcel's card in a list, found by its heading. */
export const parcelCard = (page: Page, parcelId: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `Parcel ${parcelId}`, exact: true }) });

/** A demo user's token from the local sign-in. */
export async function demoToken(sub: string): Promise<string> {
  const response = await fetch(`${inject('panelsUrl')}/__local/sign-in`, { method: 'POST', body: JSON.stringify({ sub }) });
  return ((await response.json()) as { token: string }).token;
}

/** Calls the API as a demo user, behind the page's back (another tab, the storefront). */
export async function callApiAs(sub: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${inject('panelsUrl')}${path}`, {
    method,
    headers: { authorization: `Bearer ${await demoToken(sub)}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const asha = { name: 'Asha Rao', phone: '+91 98450 12345', line1: '12 MG Road', city: 'Bengaluru', state: 'Karnataka', postalCode: '560001', country: 'India' };

/** A new order from the storefront: one item of seller-aurora for customer-asha. */
export async function placeOrder(orderId: string, productName: string): Promise<void> {
  const response = await callApiAs('storefront', 'POST', '/orders', {
    id: orderId,
    customerId: 'customer-asha',
    paymentMethod: 'prepaid',
    shippingAddress: asha,
    items: [{ id: `${orderId}-item`, sellerId: 'seller-aurora', productName, sku: `SKU-${orderId}`, quantity: 1, unitPrice: 59900, taxPercent: 12 }],
  });
  expect(response.status).toBe(201);
}
