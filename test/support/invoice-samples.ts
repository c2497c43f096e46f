import type { Address } from '../../functions/domain/orders/order-types.ts';
import type { InvoiceInput, InvoiceItemInput } from '../../functions/domain/invoices/invoice-types.ts';

export const sellerAddress: Address = {
  name: 'Aurora Handicrafts',
  phone: '+91 80 4000 1234',
  line1: '12, 3rd Cross, Indiranagar',
  city: 'Bengaluru',
  state: 'Karnataka',
  postalCode: '560038',
  country: 'India',
};

export const customerAddress = (state: string): Address => ({
  name: 'Asha Rao',
  phone: '+91 98450 12345',
  email: 'asha@example.com',
  line1: 'Flat 402, Lotus Residency',
  line2: 'Near City Mall',
  city: state === 'Karnataka' ? 'Mysuru' : 'Pune',
  state,
  postalCode: state === 'Karnataka' ? '570001' : '411001',
  country: 'India',
});

const RATES = [0, 0.25, 1.5, 5, 12, 18, 28];

/** `count` items with awkward prices and every GST rate in turn. */
export function sampleItems(count: number): InvoiceItemInput[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `item-${String(index + 1).padStart(3, '0')}`,
    productName: index % 4 === 0 ? `Hand-block printed cotton bedsheet with two pillow covers, king size, design ${index + 1}` : `Brass diya ${index + 1}`,
    sku: `AUR-${1000 + index}`,
    variant: index % 3 === 0 ? 'Indigo / King' : null,
    hsn: index % 5 === 4 ? null : '63049190',
    quantity: (index % 3) + 1,
    unitPrice: 99_999 + index * 1_237,
    taxPercent: RATES[index % RATES.length]!,
  }));
}

export function sampleInvoiceInput(itemCount: number, overrides: Partial<InvoiceInput> = {}): InvoiceInput {
  return {
    invoiceNumber: '2026-27/000042',
    issuedAt: '2026-11-26T12:00:00.000Z',
    parcelId: '01JDPARCEL0000000000000001',
    orderId: 'ord-20261125-0042',
    orderPlacedAt: '2026-11-25T18:45:00.000Z',
    paymentMethod: 'prepaid',
    currency: 'INR',
    sellerId: 'seller-aurora',
    seller: { name: 'Aurora Handicrafts Private Limited', storeName: 'Aurora Crafts', gstin: '29ABCDE1234F1Z5', address: sellerAddress },
    billingAddress: customerAddress('Maharashtra'),
    shippingAddress: customerAddress('Maharashtra'),
    items: sampleItems(itemCount),
    ...overrides,
  };
}
