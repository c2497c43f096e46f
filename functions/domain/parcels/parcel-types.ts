import type { OrderItem } from '../orders/order-types.ts';
import type { EventSource, ParcelStatus } from './parcel-status.ts';

export type ShippingMethod = 'local' | 'shiprocket';

export interface ParcelEvent {
  at: string;
  status: ParcelStatus;
  source: EventSource;
  actor: string | null;
  note: string | null;
}

/** The courier shipment of a parcel (filled by the Shiprocket flow). */
export interface CourierShipment {
  provider: 'shiprocket';
  cancelledAt: string | null;
  [field: string]: unknown;
}

export interface Parcel {
  id: string;
  orderId: string;
  sellerId: string;
  customerId: string;
  status: ParcelStatus;
  shippingMethod: ShippingMethod | null;
  deliveryPersonId: string | null;
  items: OrderItem[];
  courier: CourierShipment | null;
  invoiceNumber: string | null;
  createdAt: string;
  updatedAt: string;
  events: ParcelEvent[];
}

/** A live courier shipment blocks local status changes and deletion until it is cancelled. */
export const hasLiveCourierShipment = (parcel: Pick<Parcel, 'courier'>): boolean => parcel.courier !== null && parcel.courier.cancelledAt === null;
