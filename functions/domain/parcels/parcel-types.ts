import type { OrderItem } from '../orders/order-types.ts';
import type { EventSource, ParcelStatus } from './parcel-status.ts';

export type ShippingMethod = 'local' | 'shiprocket';

export interface ParcelEvent {
  at: string;
  status: ParcelStatus;
  source: EventSource;
  actor: string | null;
  note: string | null;
  /** Notes are internal (staff only) unless the one who wrote them marked them for the customer. */
  noteVisibleToCustomer: boolean;
}

/** The courier shipment of a parcel (API.md, CourierShipment). */
export interface CourierShipment {
  provider: 'shiprocket';
  orderId: string;
  channelOrderId: string;
  shipmentId: string;
  awb: string | null;
  courierId: number | null;
  courierName: string | null;
  /** Shiprocket's shipment status code. */
  statusCode: number | null;
  statusLabel: string | null;
  pickupLocation: string;
  weightKg: number;
  lengthCm: number;
  breadthCm: number;
  heightCm: number;
  labelUrl: string | null;
  pickupScheduledAt: string | null;
  etd: string | null;
  lastSyncedAt: string | null;
  cancelledAt: string | null;
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
