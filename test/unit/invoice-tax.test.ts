import { describe, expect, it } from 'vitest';
import { basisPointsOf, lineTaxOf } from '../../functions/domain/invoices/gst.ts';
import { indianStateOf, isSameState } from '../../functions/domain/invoices/indian-states.ts';
import { buildInvoice } from '../../functions/domain/invoices/invoice-document.ts';
import type { Invoice } from '../../functions/domain/invoices/invoice-types.ts';
import { customerAddress, sampleInvoiceInput, sellerAddress } from '../support/invoice-samples.ts';

// Expected figures worked out by hand (decimal arithmetic, half away from zero), not by the code under test.
describe('GST of one line, in paise', () => {
  it.each([
    // taxable, rate, GST, CGST (taxable at half the rate), SGST (GST − CGST)
    [999_999, 0, 0, 0, 0],
    [99_999, 0.25, 250, 125, 125], // 249.9975 → 250; 124.99875 → 125
    [200, 0.25, 1, 0, 1], // 0.5 → 1; 0.25 → 0
    [333_333, 1.5, 5_000, 2_500, 2_500], // 4999.995 → 5000; 2499.9975 → 2500
    [1_150, 1.5, 17, 9, 8], // 17.25 → 17; 8.625 → 9
    [30, 5, 2, 1, 1], // 1.5 → 2; 0.75 → 1
    [7_777, 12, 933, 467, 466], // 933.24 → 933; 466.62 → 467
    [12_345, 18, 2_222, 1_111, 1_111], // 2222.1; 1111.05
    [1_025, 18, 185, 92, 93], // 184.5 → 185; 92.25 → 92
    [1_234_567, 28, 345_679, 172_839, 172_840], // 345678.76; 172839.38
    [3_000, 1.15, 35, 17, 18], // 34.5 → 35, where 3000 * 1.15 / 100 in floating point is 34.49999…
    [25_000, 0.29, 73, 36, 37], // 72.5 → 73, floating point says 72.49999…
  ])('%i paise at %s%%: GST %i = CGST %i + SGST %i', (taxable, rate, gst, cgst, sgst) => {
    expect(lineTaxOf(taxable, rate, 'inter-state')).toEqual({ cgst: 0, sgst: 0, igst: gst });
    expect(lineTaxOf(taxable, rate, 'intra-state')).toEqual({ cgst, sgst, igst: 0 });
  });

  it('holds rates as basis points; more than two decimals or outside 0–100 is refused', () => {
    expect([0, 0.25, 0.29, 1.5, 5, 12, 18, 28, 100].map(basisPointsOf)).toEqual([0, 25, 29, 150, 500, 1200, 1800, 2800, 10_000]);
    for (const rate of [0.125, -1, 100.01, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => basisPointsOf(rate)).toThrow(RangeError);
  });

  it('CGST + SGST is the GST at the full rate for every amount and rate', () => {
    for (const rate of [0.25, 1.5, 3, 5, 12, 18, 28]) {
      for (let taxable = 1; taxable < 5_000; taxable += 7) {
        const { cgst, sgst } = lineTaxOf(taxable, rate, 'intra-state');
        expect(cgst + sgst).toBe(lineTaxOf(taxable, rate, 'inter-state').igst);
        expect(Math.abs(cgst - sgst)).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('states', () => {
  it('names the place of supply, with its GST state code when known', () => {
    expect(indianStateOf(' karnataka ')).toEqual({ name: 'Karnataka', gstCode: '29' });
    expect(indianStateOf('KA')).toEqual({ name: 'Karnataka', gstCode: '29' });
    expect(indianStateOf('Jammu & Kashmir')).toEqual({ name: 'Jammu and Kashmir', gstCode: '01' });
    expect(indianStateOf('Orissa')).toEqual({ name: 'Odisha', gstCode: '21' });
    expect(indianStateOf(' Atlantis ')).toEqual({ name: 'Atlantis', gstCode: null });
  });

  it('compares states trimmed and case-insensitively, abbreviations included', () => {
    expect(isSameState('Karnataka', '  KARNATAKA ')).toBe(true);
    expect(isSameState('Tamil  Nadu', 'TN')).toBe(true);
    expect(isSameState('atlantis', 'Atlantis ')).toBe(true);
    expect(isSameState('Karnataka', 'Kerala')).toBe(false);
  });
});

const sumOf = (invoice: Invoice, amountOf: (line: Invoice['lines'][number]) => number) => invoice.lines.reduce((sum, line) => sum + amountOf(line), 0);

describe('buildInvoice', () => {
  it('is inter-state (IGST only) when the shipping address is in another state than the seller', () => {
    const invoice = buildInvoice(sampleInvoiceInput(14));
    expect(invoice.supplyType).toBe('inter-state');
    expect(invoice.placeOfSupply).toEqual({ name: 'Maharashtra', gstCode: '27' });
    expect(invoice.lines.every((line) => line.cgst === 0 && line.sgst === 0)).toBe(true);
    expect(invoice.totals.igst).toBeGreaterThan(0);
    expect(invoice.totals).toMatchObject({ cgst: 0, sgst: 0, totalTax: invoice.totals.igst });
  });

  it('is intra-state (CGST + SGST) when the shipping address is in the seller’s state, however it is spelt', () => {
    for (const state of ['Karnataka', ' karnataka', 'KARNATAKA ', 'KA']) {
      const invoice = buildInvoice(sampleInvoiceInput(7, { shippingAddress: customerAddress(state) }));
      expect(invoice.supplyType).toBe('intra-state');
      expect(invoice.placeOfSupply).toEqual({ name: 'Karnataka', gstCode: '29' });
      expect(invoice.totals.igst).toBe(0);
      for (const line of invoice.lines) expect(line.cgst + line.sgst).toBe(lineTaxOf(line.taxableValue, line.taxPercent, 'inter-state').igst);
    }
  });

  it('takes the place of supply from the shipping address, not the billing address', () => {
    const invoice = buildInvoice(sampleInvoiceInput(2, { billingAddress: customerAddress('Karnataka'), shippingAddress: customerAddress('Maharashtra') }));
    expect(invoice.supplyType).toBe('inter-state');
    expect(invoice.placeOfSupply.name).toBe('Maharashtra');
  });

  it('computes each line: taxable = unit price × quantity, tax on it, line total', () => {
    const invoice = buildInvoice(
      sampleInvoiceInput(1, {
        shippingAddress: customerAddress('Karnataka'),
        items: [{ id: 'i1', productName: 'Saree', sku: 'S-1', variant: 'Red', hsn: '5007', quantity: 3, unitPrice: 34_167, taxPercent: 5 }],
      }),
    );
    // 3 × 34167 paise = 102501; GST 5 % = 5125.05 → 5125; CGST 2.5 % = 2562.525 → 2563; SGST 2562
    expect(invoice.lines).toEqual([
      {
        lineNumber: 1, itemId: 'i1', productName: 'Saree', variant: 'Red', sku: 'S-1', hsn: '5007',
        quantity: 3, unitPrice: 34_167, taxableValue: 102_501, taxPercent: 5, cgst: 2_563, sgst: 2_562, igst: 0, total: 107_626,
      },
    ]);
    expect(invoice.totals).toEqual({ taxableValue: 102_501, cgst: 2_563, sgst: 2_562, igst: 0, totalTax: 5_125, grandTotal: 107_626 });
    expect(invoice.amountInWords).toBe('Rupees One Thousand Seventy-Six and Twenty-Six Paise Only');
  });

  it('adds the totals up from the lines, for every rate', () => {
    for (const state of ['Karnataka', 'Maharashtra']) {
      const invoice = buildInvoice(sampleInvoiceInput(99, { shippingAddress: customerAddress(state) }));
      expect(new Set(invoice.lines.map((line) => line.taxPercent))).toEqual(new Set([0, 0.25, 1.5, 5, 12, 18, 28]));
      const { totals } = invoice;
      expect(totals.taxableValue).toBe(sumOf(invoice, (line) => line.taxableValue));
      expect(totals.cgst).toBe(sumOf(invoice, (line) => line.cgst));
      expect(totals.sgst).toBe(sumOf(invoice, (line) => line.sgst));
      expect(totals.igst).toBe(sumOf(invoice, (line) => line.igst));
      expect(totals.totalTax).toBe(totals.cgst + totals.sgst + totals.igst);
      expect(totals.grandTotal).toBe(totals.taxableValue + totals.totalTax);
      expect(totals.grandTotal).toBe(sumOf(invoice, (line) => line.total));
      for (const line of invoice.lines) expect(line.taxableValue).toBe(line.unitPrice * line.quantity);
    }
  });

  it('invoices a seller without a profile as inter-state, showing its id and no GSTIN', () => {
    const invoice = buildInvoice(sampleInvoiceInput(3, { seller: undefined, shippingAddress: customerAddress('Karnataka') }));
    expect(invoice.supplier).toEqual({ sellerId: 'seller-aurora', storeName: null, legalName: null, gstin: null, address: null });
    expect(invoice.supplyType).toBe('inter-state');
    expect(invoice.totals.cgst + invoice.totals.sgst).toBe(0);
  });

  it('carries the supplier, parties and order facts through', () => {
    const input = sampleInvoiceInput(1);
    const invoice = buildInvoice(input);
    expect(invoice).toMatchObject({
      invoiceNumber: input.invoiceNumber, issuedAt: input.issuedAt, parcelId: input.parcelId, orderId: input.orderId,
      orderPlacedAt: input.orderPlacedAt, paymentMethod: 'prepaid', currency: 'INR', reverseCharge: false,
      billTo: input.billingAddress, shipTo: input.shippingAddress,
      supplier: { sellerId: 'seller-aurora', storeName: 'Aurora Crafts', legalName: 'Aurora Handicrafts Private Limited', gstin: '29ABCDE1234F1Z5', address: sellerAddress },
    });
  });

  it('refuses what it cannot invoice', () => {
    const item = sampleInvoiceInput(1).items[0]!;
    expect(() => buildInvoice(sampleInvoiceInput(1, { currency: 'USD' }))).toThrow(/INR/);
    expect(() => buildInvoice(sampleInvoiceInput(1, { items: [] }))).toThrow(RangeError);
    expect(() => buildInvoice(sampleInvoiceInput(1, { issuedAt: 'soon' }))).toThrow(RangeError);
    expect(() => buildInvoice(sampleInvoiceInput(1, { items: [{ ...item, taxPercent: 12.345 }] }))).toThrow(/two decimals/);
    expect(() => buildInvoice(sampleInvoiceInput(1, { items: [{ ...item, unitPrice: 10.5 }] }))).toThrow(RangeError);
    expect(() => buildInvoice(sampleInvoiceInput(1, { items: [{ ...item, quantity: 0 }] }))).toThrow(RangeError);
  });
});
