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

/** How far creating a courier shipment got: a retry resumes from here. */
export type CourierProgress = 'requested' | 'created' | 'awb_assigned' | 'complete';

/** The courier shipment of a parcel (API.md, CourierShipment, plus `progress` and `attempt`, which the API does not show). */
export interface CourierShipment {
  provider: 'shiprocket';
  /** Shiprocket's ids; null only while a create is unfinished (its answer not yet seen). */
  orderId: string | null;
  channelOrderId: string;
  shipmentId: string | null;
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
  progress: CourierProgress;
  /** 1 for the parcel's first courier order, 2 after one was cancelled, ...: it picks the channel order id. */
  attempt: number;
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
