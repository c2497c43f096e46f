import type { Address, OrderItem, PaymentMethod } from '../orders/order-types.ts';
import type { Seller } from '../sellers/seller.ts';
import type { SupplyType } from './gst.ts';
import type { IndianState } from './indian-states.ts';

export type { SupplyType } from './gst.ts';
export type { IndianState } from './indian-states.ts';

/** What the invoice says about itself and its order, as given. */
export interface InvoiceReferences {
  invoiceNumber: string;
  /** ISO-8601 UTC; the invoice date is this instant's date in IST. */
  issuedAt: string;
  parcelId: string;
  orderId: string;
  orderPlacedAt: string;
  paymentMethod: PaymentMethod;
}

/** What an invoice is made from: the parcel's items as packed, its order header and the seller's profile (if any). */
export interface InvoiceInput extends InvoiceReferences {
  /** Must be INR. */
  currency: string;
  sellerId: string;
  seller: Pick<Seller, 'name' | 'storeName' | 'gstin' | 'address'> | undefined;
  billingAddress: Address;
  shippingAddress: Address;
  items: ReadonlyArray<InvoiceItemInput>;
}

export type InvoiceItemInput = Pick<OrderItem, 'id' | 'productName' | 'sku' | 'variant' | 'hsn' | 'quantity' | 'unitPrice' | 'taxPercent'>;

/** A GST tax invoice as plain data; every amount is integer paise. */
export interface Invoice extends InvoiceReferences {
  currency: 'INR';
  supplier: InvoiceSupplier;
  billTo: Address;
  shipTo: Address;
  /** The shipping address's state. */
  placeOfSupply: IndianState;
  supplyType: SupplyType;
  reverseCharge: false;
  lines: InvoiceLine[];
  totals: InvoiceTotals;
  amountInWords: string;
}

/** A seller without a profile is named by its id, with no GSTIN and no address. */
export interface InvoiceSupplier {
  sellerId: string;
  storeName: string | null;
  legalName: string | null;
  gstin: string | null;
  address: Address | null;
}

export interface InvoiceLine {
  /** 1-based position on the invoice. */
  lineNumber: number;
  itemId: string;
  productName: string;
  variant: string | null;
  sku: string;
  hsn: string | null;
  quantity: number;
  /** Tax-exclusive. */
  unitPrice: number;
  /** unitPrice × quantity */
  taxableValue: number;
  taxPercent: number;
  cgst: number;
  sgst: number;
  igst: number;
  /** taxableValue + cgst + sgst + igst */
  total: number;
}

export interface InvoiceTotals {
  taxableValue: number;
  cgst: number;
  sgst: number;
  igst: number;
  totalTax: number;
  grandTotal: number;
}
