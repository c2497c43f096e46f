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

/** One carrier scan, as the courier reported it (newest first on the parcel). */
export interface CourierScan {
  at: string;
  /** Shiprocket's shipment status code of the scan; null when it sent none ("NA"). */
  code: number | null;
  label: string | null;
  activity: string | null;
  location: string | null;
}

/** Something the seller must see: lost, damaged, undelivered, an RTO... (null once the shipment moves on). */
export interface CourierException {
  code: number;
  label: string;
  at: string;
}

/**
 * The courier shipment of a parcel: API.md's CourierShipment, extended with `scans` and
 * `exception`; `progress`, `attempt` and `lastEventAt` are internal (not shown).
 */
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
  /** The carrier's scans, newest first, at most MAX_COURIER_SCANS. */
  scans: CourierScan[];
  exception: CourierException | null;
  progress: CourierProgress;
  /** 1 for the parcel's first courier order, 2 after one was cancelled, ...: it picks the channel order id. */
  attempt: number;
  /** The courier's time of the newest courier event applied (webhook, sync, refresh): older ones are ignored. */
  lastEventAt: string | null;
}

/** Bounded so that a 99-item parcel with a long journey stays far under DynamoDB's 400 KB. */
export const MAX_COURIER_SCANS = 50;

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
