import type { ParcelStatus } from '../parcels/parcel-status.ts';

export interface Address {
  name: string;
  phone: string;
  email?: string;
  line1: string;
  line2?: string;
  city: string;
  state: string;
  postalCode: string;
  country: string;
}

export type PaymentMethod = 'prepaid' | 'cod';
export type ItemStatus = ParcelStatus | 'returned';
export type ReturnStatus = 'requested' | 'approved' | 'declined' | 'picked_up' | 'returned';

export interface OrderItem {
  id: string;
  orderId: string;
  sellerId: string;
  customerId: string;
  productName: string;
  sku: string;
  variant: string | null;
  quantity: number;
  unitPrice: number;
  taxPercent: number;
  hsn: string | null;
  returnable: boolean;
  returnWindowDays: number;
  status: ItemStatus;
  parcelId: string | null;
  returnStatus: ReturnStatus | null;
  placedAt: string;
  deliveredAt: string | null;
}

/** What an order says once, shared by all its items (immutable after ingestion). */
export interface OrderHeader {
  id: string;
  customerId: string;
  paymentMethod: PaymentMethod;
  currency: string;
  shippingAddress: Address;
  billingAddress: Address;
  placedAt: string;
}

export interface Order extends OrderHeader {
  items: OrderItem[];
}
