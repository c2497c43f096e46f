import * as z from 'zod/mini';
import { orderItemSchema } from '../orders/order-types.ts';
import { EVENT_SOURCES, PARCEL_STATUSES } from './parcel-status.ts';

/**
 * The API's response shapes of parcels (API.md, "Parcels" and "Courier shipments"): what a parcel
 * reads as over HTTP. The stored parcel adds internal fields to these (parcel-types.ts), which
 * `parcelView` removes. Kept apart from parcel-types.ts, whose helpers route handlers import:
 * handlers only ever import these as types.
 */
export const parcelEventSchema = z.object({
  at: z.string(),
  status: z.enum(PARCEL_STATUSES),
  source: z.enum(EVENT_SOURCES),
  actor: z.nullable(z.string()),
  note: z.nullable(z.string()),
});

/** One carrier scan, as the courier reported it (newest first on the parcel). */
export const courierScanSchema = z.object({
  at: z.string(),
  /** Shiprocket's shipment status code of the scan; null when it sent none ("NA"). */
  code: z.nullable(z.int()),
  label: z.nullable(z.string()),
  activity: z.nullable(z.string()),
  location: z.nullable(z.string()),
});

/** Something the seller must see: lost, damaged, undelivered, an RTO... (null once the shipment moves on). */
export const courierExceptionSchema = z.object({
  code: z.int(),
  label: z.string(),
  at: z.string(),
});

/** API.md's CourierShipment, extended with `scans` and `exception` (docs/api.md). */
export const courierShipmentSchema = z.object({
  provider: z.literal('shiprocket'),
  /** Shiprocket's ids; null only while a create is unfinished (its answer not yet seen). */
  orderId: z.nullable(z.string()),
  channelOrderId: z.string(),
  shipmentId: z.nullable(z.string()),
  awb: z.nullable(z.string()),
  courierId: z.nullable(z.int()),
  courierName: z.nullable(z.string()),
  /** Shiprocket's shipment status code. */
  statusCode: z.nullable(z.int()),
  statusLabel: z.nullable(z.string()),
  pickupLocation: z.string(),
  weightKg: z.number(),
  lengthCm: z.number(),
  breadthCm: z.number(),
  heightCm: z.number(),
  labelUrl: z.nullable(z.string()),
  pickupScheduledAt: z.nullable(z.string()),
  etd: z.nullable(z.string()),
  lastSyncedAt: z.nullable(z.string()),
  cancelledAt: z.nullable(z.string()),
  /** The carrier's scans, newest first, at most MAX_COURIER_SCANS. */
  scans: z.array(courierScanSchema),
  exception: z.nullable(courierExceptionSchema),
});

export const SHIPPING_METHODS = ['local', 'shiprocket'] as const;

export const parcelSchema = z.object({
  id: z.string(),
  orderId: z.string(),
  sellerId: z.string(),
  customerId: z.string(),
  status: z.enum(PARCEL_STATUSES),
  shippingMethod: z.nullable(z.enum(SHIPPING_METHODS)),
  deliveryPersonId: z.nullable(z.string()),
  items: z.array(orderItemSchema),
  courier: z.nullable(courierShipmentSchema),
  invoiceNumber: z.nullable(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  events: z.array(parcelEventSchema),
});
