import { randomBytes, randomInt } from 'node:crypto';
import type { SimCourier } from './couriers.ts';
import type { ValidOrder } from './order-validation.ts';
import { CANCELLED_SHIPMENT_STATUSES, ORDER_NEW, shipmentStatus } from './status-codes.ts';

/** What one simulator instance keeps in memory. */

export interface PickupAddress {
  address: string;
  city: string;
  state: string;
  pinCode: string;
}

export interface PickupLocation extends PickupAddress {
  id: number;
  /** The nickname orders name in `pickup_location` (matched exactly). */
  name: string;
}

export interface Scan {
  at: Date;
  /** The courier's scan code. */
  status: string;
  activity: string;
  location: string;
  /** The shipment status code of the scan; null is Shiprocket's "NA". */
  srStatus: number | null;
}

export interface SimShipment {
  id: number;
  /** The shipment status code; null while the order is NEW (no AWB yet). */
  status: number | null;
  /** The last status set that is in the table (`status` itself unless that one is unknown). */
  lastKnownStatus: number | null;
  awb: string | null;
  courier: SimCourier | null;
  awbAssignedAt: Date | null;
  pickupScheduledAt: Date | null;
  pickupToken: string | null;
  labelUrl: string | null;
  etd: Date | null;
  pickedUpAt: Date | null;
  deliveredAt: Date | null;
  /** In the order they were recorded (tracking sorts them newest first). */
  scans: Scan[];
}

export interface SimOrder {
  id: number;
  channelOrderId: string;
  createdAt: Date;
  order: ValidOrder;
  /** The request body as sent. */
  request: unknown;
  pickup: PickupLocation;
  shipment: SimShipment;
}

export const TEN_DAYS_MS = 10 * 24 * 3_600_000;

const DEFAULT_PICKUP_ADDRESS: PickupAddress = { address: 'Plot 14, Industrial Layout', city: 'Bengaluru', state: 'Karnataka', pinCode: '560068' };

export interface StateOptions {
  email: string;
  password: string;
  pickupLocations: readonly string[];
  tokenTtlMs: number;
  duplicateChannelOrderIds: 'create' | 'refuse';
  now: () => Date;
}

export class SimulatorState {
  readonly companyId = randomInt(100_000, 999_999);
  readonly userId = randomInt(1_000_000, 9_999_999);
  readonly channelId = randomInt(1_000_000, 9_999_999);
  readonly orders: SimOrder[] = [];
  readonly pickupLocations = new Map<string, PickupLocation>();
  /** Token → when it expires (ms since the epoch). */
  private readonly tokens = new Map<string, number>();
  logins = 0;
  // Ids keep growing across resets, from a random start: a restarted simulator does not hand out
  // the ids and AWBs of the one before (the app's table may still hold them).
  private nextOrderId = randomInt(100_000_000, 800_000_000);
  private nextShipmentId = randomInt(100_000_000, 800_000_000);
  private nextPickupId = randomInt(1_000_000, 2_000_000);
  private readonly awbs = new Set<string>();

  constructor(readonly options: StateOptions) {
    this.reset();
  }

  now(): Date {
    return this.options.now();
  }

  reset(): void {
    this.orders.length = 0;
    this.tokens.clear();
    this.logins = 0;
    this.pickupLocations.clear();
    for (const name of this.options.pickupLocations) this.addPickupLocation(name);
  }

  login(email: unknown, password: unknown): string | undefined {
    if (email !== this.options.email || password !== this.options.password) return undefined;
    this.logins += 1;
    const token = randomBytes(36).toString('base64url');
    this.tokens.set(token, this.now().getTime() + this.options.tokenTtlMs);
    return token;
  }

  tokenStatus(token: string | undefined): 'valid' | 'expired' | 'unknown' {
    const expiresAt = token === undefined ? undefined : this.tokens.get(token);
    if (expiresAt === undefined) return 'unknown';
    return expiresAt > this.now().getTime() ? 'valid' : 'expired';
  }

  /** Every token issued so far stops working (answered as expired). */
  expireTokens(only?: string): void {
    for (const token of this.tokens.keys()) if (only === undefined || token === only) this.tokens.set(token, 0);
  }

  addPickupLocation(name: string, address: Partial<PickupAddress> = {}): PickupLocation {
    const known = this.pickupLocations.get(name);
    const location: PickupLocation = { ...DEFAULT_PICKUP_ADDRESS, ...known, ...definedOnly(address), id: known?.id ?? this.nextPickupId++, name };
    this.pickupLocations.set(name, location);
    return location;
  }

  ordersByChannelId(channelOrderId: string): SimOrder[] {
    return this.orders.filter((order) => order.channelOrderId === channelOrderId);
  }

  /** Why this channel order id cannot be used for a new order, if it cannot. */
  channelOrderIdRefusal(channelOrderId: string): string | undefined {
    const earlier = this.ordersByChannelId(channelOrderId);
    if (earlier.some((order) => isCancelled(order))) return `Order id ${channelOrderId} belongs to a cancelled order and cannot be used again. Please use a different order id.`;
    if (earlier.length > 0 && this.options.duplicateChannelOrderIds === 'refuse') return `Order id ${channelOrderId} already exists. Please use a different order id.`;
    return undefined;
  }

  createOrder(order: ValidOrder, request: unknown, pickup: PickupLocation): SimOrder {
    const created: SimOrder = {
      id: this.nextOrderId++,
      channelOrderId: order.channelOrderId,
      createdAt: this.now(),
      order,
      request: structuredClone(request),
      pickup,
      shipment: {
        id: this.nextShipmentId++,
        status: null,
        lastKnownStatus: null,
        awb: null,
        courier: null,
        awbAssignedAt: null,
        pickupScheduledAt: null,
        pickupToken: null,
        labelUrl: null,
        etd: null,
        pickedUpAt: null,
        deliveredAt: null,
        scans: [],
      },
    };
    this.orders.push(created);
    return created;
  }

  orderById(id: unknown): SimOrder | undefined {
    return this.orders.find((order) => String(order.id) === String(id).trim());
  }

  orderByShipmentId(id: unknown): SimOrder | undefined {
    return this.orders.find((order) => String(order.shipment.id) === String(id).trim());
  }

  orderByAwb(awb: unknown): SimOrder | undefined {
    return typeof awb === 'string' || typeof awb === 'number' ? this.orders.find((order) => order.shipment.awb === String(awb).trim()) : undefined;
  }

  newAwb(courier: SimCourier): string {
    for (;;) {
      let digits = '';
      while (digits.length < courier.awbDigits) digits += String(randomInt(0, 10));
      const awb = `${courier.awbPrefix}${digits}`;
      if (!this.awbs.has(awb)) {
        this.awbs.add(awb);
        return awb;
      }
    }
  }

  /** Moves the shipment to `code` and, when given, records the courier's scan of it. */
  setShipmentStatus(order: SimOrder, code: number, scan?: Scan): void {
    const shipment = order.shipment;
    shipment.status = code;
    if (shipmentStatus(code)) shipment.lastKnownStatus = code;
    if (scan) shipment.scans.push(scan);
    const at = scan?.at ?? this.now();
    if (code === 42) shipment.pickedUpAt ??= at;
    if (code === 7) shipment.deliveredAt ??= at;
  }
}

const definedOnly = <T extends object>(value: T): Partial<T> => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;

export const isCancelled = (order: SimOrder) => order.shipment.status !== null && CANCELLED_SHIPMENT_STATUSES.has(order.shipment.status);

/** The order status code: NEW until an AWB, then the one its shipment status puts it in. */
export function orderStatusCode(order: SimOrder): number {
  const { status, lastKnownStatus } = order.shipment;
  // A code outside the table leaves the order where the last known code put it.
  const known = status !== null && shipmentStatus(status) ? status : lastKnownStatus;
  return known === null ? ORDER_NEW : shipmentStatus(known)!.orderStatus;
}

/** An order as tests see it (a copy: changing it changes nothing). */
export function orderSnapshot(order: SimOrder) {
  const { shipment } = order;
  const iso = (at: Date | null) => at?.toISOString() ?? null;
  return {
    orderId: order.id,
    shipmentId: shipment.id,
    channelOrderId: order.channelOrderId,
    createdAt: order.createdAt.toISOString(),
    pickupLocation: order.pickup.name,
    statusCode: orderStatusCode(order),
    cancelled: isCancelled(order),
    shipmentStatus: shipment.status,
    awb: shipment.awb,
    courierId: shipment.courier?.id ?? null,
    courierName: shipment.courier?.name ?? null,
    awbAssignedAt: iso(shipment.awbAssignedAt),
    pickupScheduledAt: iso(shipment.pickupScheduledAt),
    pickupToken: shipment.pickupToken,
    labelUrl: shipment.labelUrl,
    scans: shipment.scans.map((scan) => ({ ...scan, at: scan.at.toISOString() })),
    request: structuredClone(order.request),
  };
}
export type OrderSnapshot = ReturnType<typeof orderSnapshot>;
