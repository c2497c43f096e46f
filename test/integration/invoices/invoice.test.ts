import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { inject, describe, expect, it } from 'vitest';
import { financialYearOf } from '../../../functions/domain/invoices/financial-year.ts';
import { as } from '../support/api-client.ts';
import { addDeliveryPerson, admin, itemInput, orderInput, storefront, uniqueId } from '../support/fixtures.ts';

const FY = financialYearOf(new Date());

/** The text of a PDF, as poppler's pdftotext reads it (one string per page). */
function pdfText(bytes: Uint8Array): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'invoice-'));
  try {
    const file = join(dir, 'invoice.pdf');
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function download(url: string) {
  const response = await fetch(url);
  return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
}

async function sellerWithProfile(state = 'Karnataka') {
  const seller = as('seller', uniqueId('seller'));
  const profile = await admin.put(`/sellers/${seller.sub}`, {
    name: 'Meera Iyer',
    storeName: 'Aurora Weaves',
    gstin: '29ABCDE1234F1Z5',
    address: { name: 'Aurora Weaves', phone: '+91 80 4000 1234', line1: '88 Koramangala', city: 'Bengaluru', state, postalCode: '560034', country: 'India' },
  });
  expect(profile.status).toBe(201);
  return seller;
}

/** A parcel of `products` (names) for `seller`, shipped to an address in `shipToState`. */
async function parcelOf(sellerId: string, products: string[], shipToState = 'Karnataka') {
  const customerId = uniqueId('customer');
  const input = orderInput(
    customerId,
    products.map((productName, i) => itemInput(sellerId, { productName, sku: `SKU-${i}`, unitPrice: 149_950 + i, taxPercent: 18, hsn: '5208' })),
    { shippingAddress: { name: 'Asha Rao', phone: '+91 98450 12345', line1: '12 MG Road', city: 'X', state: shipToState, postalCode: '560001', country: 'India' } },
  );
  const order = await storefront.post('/orders', input);
  expect(order.status).toBe(201);
  const parcel = await as('seller', sellerId).post('/parcels', { orderId: order.body.id, itemIds: order.body.items.map((item: { id: string }) => item.id) });
  expect(parcel.status).toBe(201);
  return { parcelId: parcel.body.id as string, customerId };
}

describe('GET /parcels/{parcelId}/invoice', () => {
  it('issues the first invoice of the seller\'s year and links its PDF: a GST tax invoice with CGST + SGST inside the state', async () => {
    const seller = await sellerWithProfile('Karnataka');
    const { parcelId } = await parcelOf(seller.sub, ['Handloom cotton saree', 'Silk stole']);

    const before = Date.now();
    const response = await seller.get(`/parcels/${parcelId}/invoice`);

    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toEqual({ invoiceNumber: `${FY}/000001`, url: expect.stringMatching(/^http/), expiresAt: expect.any(String) });
    const after = Date.now();
    const expiresAt = Date.parse(response.body.expiresAt);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 15 * 60_000 - 1_000);
    expect(expiresAt).toBeLessThanOrEqual(after + 15 * 60_000);
    expect(Number(new URL(response.body.url).searchParams.get('X-Amz-Expires'))).toBe(900);

    const pdf = await download(response.body.url);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe(`inline; filename="${FY}-000001.pdf"`);
    const document = await PDFDocument.load(pdf.bytes);
    expect(document.getPageCount()).toBe(1);
    const text = pdfText(pdf.bytes).join('\n');
    for (const expected of ['TAX INVOICE', `${FY}/000001`, '29ABCDE1234F1Z5', 'Aurora Weaves', 'Handloom cotton saree', 'Silk stole', 'CGST', 'SGST', '₹', 'Karnataka', parcelId]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).not.toContain('IGST');

    const view = await seller.get(`/parcels/${parcelId}`);
    expect(view.body.invoiceNumber).toBe(`${FY}/000001`);
  });

  it('answers later calls with the same number and the same stored document; download=true makes the link an attachment', async () => {
    const seller = await sellerWithProfile();
    const { parcelId } = await parcelOf(seller.sub, ['Teak serving tray']);
    const first = await seller.get(`/parcels/${parcelId}/invoice`);
    const again = await seller.get(`/parcels/${parcelId}/invoice?download=true`);

    expect(again.body.invoiceNumber).toBe(first.body.invoiceNumber);
    const [one, two] = await Promise.all([download(first.body.url), download(again.body.url)]);
    expect(two.headers.get('etag')).toBe(one.headers.get('etag'));
    expect(Buffer.from(two.bytes).equals(Buffer.from(one.bytes))).toBe(true);
    expect(two.headers.get('content-disposition')).toBe(`attachment; filename="${FY}-000001.pdf"`);
  });

  it('uses IGST when the place of supply is another state, and still invoices a seller without a profile (its id shown, GSTIN blank)', async () => {
    const sellerId = uniqueId('seller');
    const { parcelId } = await parcelOf(sellerId, ['Brass diya set'], 'Maharashtra');
    const response = await as('seller', sellerId).get(`/parcels/${parcelId}/invoice`);
    expect(response.status).toBe(200);
    const text = pdfText((await download(response.body.url)).bytes).join('\n');
    expect(text).toContain('IGST');
    expect(text).toContain('Maharashtra');
    expect(text).toContain(sellerId);
    expect(text).not.toMatch(/CGST/);
  });

  it('numbers concurrently requested invoices of one seller 1..10, each parcel one number, no gap and no duplicate', async () => {
    const seller = await sellerWithProfile();
    const parcels = await Promise.all(Array.from({ length: 10 }, (_, i) => parcelOf(seller.sub, [`Product ${i}`])));
    const calls = parcels.flatMap(({ parcelId }) => Array.from({ length: 3 }, () => seller.get(`/parcels/${parcelId}/invoice`).then((response) => ({ parcelId, response }))));

    const answers = await Promise.all(calls);

    for (const { response } of answers) expect(response.status, JSON.stringify(response.body)).toBe(200);
    const numberOf = new Map<string, Set<string>>();
    for (const { parcelId, response } of answers) numberOf.set(parcelId, (numberOf.get(parcelId) ?? new Set()).add(response.body.invoiceNumber));
    for (const numbers of numberOf.values()) expect(numbers.size).toBe(1);
    const numbers = [...numberOf.values()].map((set) => [...set][0]!).sort();
    expect(numbers).toEqual(Array.from({ length: 10 }, (_, i) => `${FY}/${String(i + 1).padStart(6, '0')}`));
  }, 60_000);

  it('finishes an invoice whose upload failed with the same number, and takes the next number only for the next parcel', async () => {
    const seller = await sellerWithProfile();
    const { parcelId } = await parcelOf(seller.sub, ['Kalamkari table runner']);
    // A directory where the emulator must write the object makes the upload fail.
    const blocker = join(inject('s3Directory'), inject('invoiceBucket'), 'invoices', seller.sub, `${parcelId}.pdf._S3rver_object`);
    mkdirSync(blocker, { recursive: true });
    const failed = await seller.get(`/parcels/${parcelId}/invoice`);
    expect(failed.status, JSON.stringify(failed.body)).toBe(503);
    expect(failed.body.error.code).toBe('UNAVAILABLE');
    rmSync(blocker, { recursive: true });

    const retried = await seller.get(`/parcels/${parcelId}/invoice`);
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
    expect(retried.body.invoiceNumber).toBe(`${FY}/000001`);
    expect((await download(retried.body.url)).status).toBe(200);
    const next = await parcelOf(seller.sub, ['Copper water bottle']);
    expect((await seller.get(`/parcels/${next.parcelId}/invoice`)).body.invoiceNumber).toBe(`${FY}/000002`);
  });

  it('flows a 99-item parcel onto more pages with "Page n of m"', async () => {
    const seller = await sellerWithProfile();
    const { parcelId } = await parcelOf(seller.sub, Array.from({ length: 99 }, (_, i) => `Block-print cushion cover ${i + 1}`));
    const response = await seller.get(`/parcels/${parcelId}/invoice`);
    expect(response.status).toBe(200);
    const pages = pdfText((await download(response.body.url)).bytes);
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`);
    expect(pages.join('\n')).toContain('Block-print cushion cover 99');
  }, 30_000);

  it('keeps a deleted parcel\'s invoice on record and never reuses its number; the parcel itself answers 404', async () => {
    const seller = await sellerWithProfile();
    const { parcelId } = await parcelOf(seller.sub, ['Silk stole']);
    expect((await seller.get(`/parcels/${parcelId}/invoice`)).body.invoiceNumber).toBe(`${FY}/000001`);
    expect((await seller.delete(`/parcels/${parcelId}`)).status).toBe(204);

    expect((await seller.get(`/parcels/${parcelId}/invoice`)).status).toBe(404);
    const next = await parcelOf(seller.sub, ['Silk stole']);
    expect((await seller.get(`/parcels/${next.parcelId}/invoice`)).body.invoiceNumber).toBe(`${FY}/000002`);
  });

  it('is scoped like the parcel: own seller, admin and own customer 200; another seller or customer 404; delivery persons 403', async () => {
    const seller = await sellerWithProfile();
    const { parcelId, customerId } = await parcelOf(seller.sub, ['Silk stole']);
    const deliveryPersonId = await addDeliveryPerson();
    const cases: [ReturnType<typeof as>, number][] = [
      [seller, 200],
      [admin, 200],
      [as('customer', customerId), 200],
      [as('seller', uniqueId('seller')), 404],
      [as('customer', uniqueId('customer')), 404],
      [as('delivery', deliveryPersonId), 403],
      [as('system', 'storefront'), 403],
    ];
    for (const [caller, status] of cases) expect((await caller.get(`/parcels/${parcelId}/invoice`)).status, `${caller.role}`).toBe(status);
    expect((await seller.get(`/parcels/${uniqueId('nope')}/invoice`)).status).toBe(404);
  });
});
