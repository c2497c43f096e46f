import type { Address } from '../orders/order-types.ts';

export interface Seller {
  id: string;
  name: string;
  storeName: string;
  gstin: string | null;
  address: Address;
  pickupLocation: string | null;
  updatedAt: string;
}
