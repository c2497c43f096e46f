/**
 * What the domain needs of Shiprocket, in the project's own terms (ids as strings, times as ISO
 * UTC, money in rupees where Shiprocket wants rupees). `shiprocket-client.ts` implements it over
 * HTTP; failures surface as `ShiprocketError`.
 */
import type { Address } from '#domain/orders/order-types.ts';

export interface CourierOrderInput {
  /** Our id for the courier order, unique forever (`{parcelId}`, `{parcelId}-2`, ...). */
  channelOrderId: string;
  /** When the marketplace order was placed (ISO UTC); sent as Shiprocket's IST `YYYY-MM-DD HH:mm`. */
  orderDate: string;
  /** A pickup nickname registered with Shiprocket, matched exactly. */
  pickupLocation: string;
  billing: Address;
  shipping: Address;
  items: { name: string; sku: string; units: number; /** per unit, rupees, tax included */ sellingPrice: number; /** percent */ tax: number; hsn: string | null }[];
  paymentMethod: 'COD' | 'Prepaid';
  /** Rupees, the sum of the items (Shiprocket does not compute it). */
  subTotal: number;
  lengthCm: number;
  breadthCm: number;
  heightCm: number;
  weightKg: number;
}

/** A courier order as Shiprocket knows it. */
export interface CourierOrder {
  orderId: string;
  shipmentId: string;
  channelOrderId: string;
  awb: string | null;
  courierId: number | null;
  courierName: string | null;
}

export interface AwbAssignment {
  awb: string;
  courierId: number;
  courierName: string;
  /** ISO UTC, from Shiprocket's IST time; null when not given. */
  pickupScheduledAt: string | null;
}

export interface PickupRequest {
  pickupScheduledAt: string | null;
  tokenNumber: string | null;
}

export interface TrackingActivity {
  /** ISO UTC (Shiprocket's IST times converted). */
  at: string;
  status: string;
  activity: string;
  location: string;
  /** The shipment status code of this scan; null for Shiprocket's "NA". */
  srStatus: number | null;
  srStatusLabel: string | null;
}

export interface TrackingSnapshot {
  /** false: Shiprocket has no tracking yet (`track_status: 0`). */
  found: boolean;
  /** The shipment status code (SHIPROCKET.md's table). */
  shipmentStatus: number | null;
  currentStatus: string | null;
  awb: string | null;
  etd: string | null;
  /** Newest first, as Shiprocket sends them. */
  activities: TrackingActivity[];
}

/** Why a call failed: Shiprocket refused the request (its message and field errors), or it could not be reached/answered after retries. */
export type ShiprocketFailure = 'rejected' | 'unavailable';

export class ShiprocketError extends Error {
  constructor(
    message: string,
    readonly failure: ShiprocketFailure,
    /** HTTP status Shiprocket answered with (200 for "HTTP 200 with an error inside"); undefined when it never answered. */
    readonly httpStatus: number | undefined,
    /** 422's `errors`, e.g. `{ pickup_location: ['...'] }`. */
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = 'ShiprocketError';
  }
}

export interface ShiprocketApi {
  createOrder(input: CourierOrderInput): Promise<CourierOrder>;
  /** The courier order made under this channel order id, if any (a create whose answer was lost). */
  findOrder(channelOrderId: string): Promise<CourierOrder | undefined>;
  /** Given courier, else Shiprocket's recommended one. "AWB is already assigned" → rejected. */
  assignAwb(shipmentId: string, courierId?: number): Promise<AwbAssignment>;
  requestPickup(shipmentId: string): Promise<PickupRequest>;
  generateLabel(shipmentId: string): Promise<{ labelUrl: string }>;
  /** Before pickup only; "Cancelation is not allowed" and the like → rejected. Already cancelled → resolves. */
  cancelOrder(orderId: string): Promise<void>;
  trackAwb(awb: string): Promise<TrackingSnapshot>;
  /** Up to 50 a call (the client splits longer lists); unknown AWBs are absent from the map. */
  trackAwbs(awbs: readonly string[]): Promise<Map<string, TrackingSnapshot>>;
}
