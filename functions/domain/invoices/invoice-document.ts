import { amountInWords } from './amount-in-words.ts';
import { lineTaxOf, type SupplyType } from './gst.ts';
import { indianStateOf, isSameState } from './indian-states.ts';
import type { Invoice, InvoiceInput, InvoiceItemInput, InvoiceLine, InvoiceSupplier, InvoiceTotals } from './invoice-types.ts';

/**
 * The invoice of one parcel, computed line by line: GST per line rounded to the paisa, CGST + SGST
 * when the seller's address is in the state of the shipping address (the place of supply), else
 * IGST. A seller without a profile has no known state: its invoices are inter-state (IGST).
 */
export function buildInvoice(input: InvoiceInput): Invoice {
  if (input.currency !== 'INR') throw new RangeError(`A GST invoice is in INR; this order is in ${input.currency}.`);
  if (input.items.length === 0) throw new RangeError('An invoice needs at least one item.');
  assertInstant(input.issuedAt);

  const placeOfSupply = indianStateOf(input.shippingAddress.state);
  const supplyType: SupplyType =
    input.seller && isSameState(input.seller.address.state, input.shippingAddress.state) ? 'intra-state' : 'inter-state';
  const lines = input.items.map((item, index) => lineOf(item, index + 1, supplyType));
  const totals = totalsOf(lines);

  return {
    invoiceNumber: input.invoiceNumber,
    issuedAt: input.issuedAt,
    parcelId: input.parcelId,
    orderId: input.orderId,
    orderPlacedAt: input.orderPlacedAt,
    paymentMethod: input.paymentMethod,
    currency: 'INR',
    supplier: supplierOf(input),
    billTo: input.billingAddress,
    shipTo: input.shippingAddress,
    placeOfSupply,
    supplyType,
    reverseCharge: false,
    lines,
    totals,
    amountInWords: amountInWords(totals.grandTotal),
  };
}

function supplierOf({ sellerId, seller }: InvoiceInput): InvoiceSupplier {
  if (!seller) return { sellerId, storeName: null, legalName: null, gstin: null, address: null };
  return { sellerId, storeName: seller.storeName, legalName: seller.name, gstin: seller.gstin, address: seller.address };
}

function lineOf(item: InvoiceItemInput, lineNumber: number, supplyType: SupplyType): InvoiceLine {
  assertPaise(item.unitPrice, `unitPrice of item ${item.id}`);
  if (!Number.isSafeInteger(item.quantity) || item.quantity < 1) throw new RangeError(`quantity of item ${item.id} must be an integer ≥ 1`);
  const taxableValue = item.unitPrice * item.quantity;
  assertPaise(taxableValue, `taxable value of item ${item.id}`);
  const tax = lineTaxOf(taxableValue, item.taxPercent, supplyType);
  return {
    lineNumber,
    itemId: item.id,
    productName: item.productName,
    variant: item.variant,
    sku: item.sku,
    hsn: item.hsn,
    quantity: item.quantity,
    unitPrice: item.unitPrice,
    taxableValue,
    taxPercent: item.taxPercent,
    ...tax,
    total: taxableValue + tax.cgst + tax.sgst + tax.igst,
  };
}

function totalsOf(lines: InvoiceLine[]): InvoiceTotals {
  const sum = (amountOf: (line: InvoiceLine) => number) => lines.reduce((total, line) => total + amountOf(line), 0);
  const totals = {
    taxableValue: sum((line) => line.taxableValue),
    cgst: sum((line) => line.cgst),
    sgst: sum((line) => line.sgst),
    igst: sum((line) => line.igst),
    totalTax: sum((line) => line.cgst + line.sgst + line.igst),
    grandTotal: sum((line) => line.total),
  };
  assertPaise(totals.grandTotal, 'grand total');
  return totals;
}

function assertPaise(amount: number, what: string): void {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`${what} must be a non-negative integer number of paise: ${amount}`);
}

function assertInstant(iso: string): void {
  if (Number.isNaN(Date.parse(iso))) throw new RangeError(`issuedAt must be an ISO-8601 instant: ${iso}`);
}
