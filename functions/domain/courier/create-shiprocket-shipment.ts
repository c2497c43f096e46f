import * as z from 'zod/mini';
import type { CourierOrderInput, ShiprocketApi } from '#courier/shiprocket-api.ts';
import { shiprocket } from '#courier/shiprocket-client.ts';
import { readOrder } from '#storage/order-items-table.ts';
import { afterChange, readParcel, writeParcelChange, type StoredParcel } from '#storage/parcels-table.ts';
import { readSeller } from '#storage/sellers-table.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { createIdempotently } from '../idempotency.ts';
import type { Order } from '../orders/order-types.ts';
import { applyStatusChange, changedMeanwhile } from '../parcels/apply-status-change.ts';
import type { CourierShipment, Parcel, ParcelEvent } from '../parcels/parcel-types.ts';
import type { Principal } from '../principal.ts';
import { positiveMeasure, text } from '../schemas.ts';
import { isShiprocketError, refusedRequest, upstreamFailure } from './courier-failures.ts';
import { isBeforePickup } from './courier-status.ts';

export const createShiprocketShipmentBody = z.object({
  pickupLocation: z.optional(text(36)),
  weightKg: positiveMeasure(1_000),
  lengthCm: positiveMeasure(1_000),
  breadthCm: positiveMeasure(1_000),
  heightCm: positiveMeasure(1_000),
  courierId: z.optional(z.int().check(z.gte(1))),
});
export type CreateShiprocketShipmentInput = z.infer<typeof createShiprocketShipmentBody>;

/** `{parcelId}` for the first courier order, then `{parcelId}-2`, ...: a cancelled id is never sent again. */
export const channelOrderIdOf = (parcelId: string, attempt: number): string => (attempt === 1 ? parcelId : `${parcelId}-${attempt}`);

/** The attempt a create works on: the unfinished or live one, else the next. */
const attemptFor = (parcel: Parcel): number =>
  parcel.courier && parcel.courier.cancelledAt === null ? parcel.courier.attempt : (parcel.courier?.attempt ?? 0) + 1;

async function saved(stored: StoredParcel, next: Parcel, event?: ParcelEvent): Promise<StoredParcel> {
  if ((await writeParcelChange(stored, { parcel: next, event })) === 'stale') throw changedMeanwhile(next.id);
  return afterChange(stored, next);
}

const rupees = (paise: number) => Math.round(paise) / 100;

/** Shiprocket requires a buyer email; an order without one sends this (documented in docs/api.md). */
export const NO_BUYER_EMAIL = 'no-email@example.com';

function courierOrderOf(order: Order, parcel: Parcel, courier: CourierShipment): CourierOrderInput {
  const items = parcel.items.map((item) => ({
    name: item.variant ? `${item.productName} (${item.variant})` : item.productName,
    sku: item.sku,
    units: item.quantity,
    sellingPrice: rupees(item.unitPrice * (1 + item.taxPercent / 100)),
    tax: item.taxPercent,
    hsn: item.hsn,
  }));
  return {
    channelOrderId: courier.channelOrderId,
    orderDate: order.placedAt,
    pickupLocation: courier.pickupLocation,
    billing: { ...order.billingAddress, email: order.billingAddress.email ?? order.shippingAddress.email ?? NO_BUYER_EMAIL },
    shipping: order.shippingAddress,
    items,
    paymentMethod: order.paymentMethod === 'cod' ? 'COD' : 'Prepaid',
    subTotal: Math.round(items.reduce((sum, item) => sum + item.sellingPrice * item.units, 0) * 100) / 100,
    lengthCm: courier.lengthCm,
    breadthCm: courier.breadthCm,
    heightCm: courier.heightCm,
    weightKg: courier.weightKg,
  };
}

/** Records the attempt before anything is sent to Shiprocket: a retry finds it and resumes it. */
async function recordAttempt(stored: StoredParcel, input: CreateShiprocketShipmentInput): Promise<StoredParcel> {
  const { parcel } = stored;
  const pickupLocation = input.pickupLocation ?? (await readSeller(parcel.sellerId))?.pickupLocation;
  if (!pickupLocation) throw ValidationError.of('pickupLocation', 'required: your seller profile has no pickup location to default to');
  const attempt = attemptFor(parcel);
  const courier: CourierShipment = {
    provider: 'shiprocket',
    orderId: null,
    channelOrderId: channelOrderIdOf(parcel.id, attempt),
    shipmentId: null,
    awb: null,
    courierId: input.courierId ?? null,
    courierName: null,
    statusCode: null,
    statusLabel: null,
    pickupLocation,
    weightKg: input.weightKg,
    lengthCm: input.lengthCm,
    breadthCm: input.breadthCm,
    heightCm: input.heightCm,
    labelUrl: null,
    pickupScheduledAt: null,
    etd: null,
    lastSyncedAt: null,
    cancelledAt: null,
    scans: [],
    exception: null,
    progress: 'requested',
    attempt,
    lastEventAt: null,
  };
  // Internal until Shiprocket has the order: the parcel as shown is unchanged (parcel-view.ts).
  return saved(stored, { ...parcel, courier });
}

/**
 * Drives the courier order from where it stands to complete — create (or find the one whose answer
 * was lost), AWB, pickup, label — saving after each step that Shiprocket cannot repeat.
 */
async function completeShipment(start: StoredParcel, api: ShiprocketApi, actor: string, fresh: boolean): Promise<Parcel> {
  let stored = start;
  let courier = start.parcel.courier!;
  const update = async (changes: Partial<CourierShipment>, event?: { note: string }) => {
    courier = { ...courier, ...changes };
    const now = new Date().toISOString();
    const entry: ParcelEvent | undefined = event && { at: now, status: stored.parcel.status, source: 'seller', actor, note: event.note, noteVisibleToCustomer: false };
    // Every save after the record step follows an order Shiprocket has: the parcel ships with it now.
    const events = entry ? [...stored.parcel.events, entry] : stored.parcel.events;
    stored = await saved(stored, { ...stored.parcel, shippingMethod: 'shiprocket', courier, updatedAt: now, events }, entry);
  };

  if (courier.progress === 'requested') {
    const found = fresh ? undefined : await api.findOrder(courier.channelOrderId);
    const order = (await readOrder(stored.parcel.orderId))?.order;
    if (!order) throw new NotFoundError(`Parcel ${stored.parcel.id} not found.`);
    const made = found ?? (await api.createOrder(courierOrderOf(order, stored.parcel, courier)));
    await update({
      orderId: made.orderId,
      shipmentId: made.shipmentId,
      ...(made.awb ? { awb: made.awb, courierId: made.courierId, courierName: made.courierName, progress: 'awb_assigned' as const } : { progress: 'created' as const }),
    });
  }
  if (courier.progress === 'created') {
    const assignment = await api.assignAwb(courier.shipmentId!, courier.courierId ?? undefined).catch(async (error: unknown) => {
      if (!isShiprocketError(error) || !/already assigned/i.test(error.message)) throw error;
      const found = await api.findOrder(courier.channelOrderId);
      if (!found?.awb) throw error;
      return { awb: found.awb, courierId: found.courierId ?? 0, courierName: found.courierName ?? '', pickupScheduledAt: null };
    });
    courier = { ...courier, awb: assignment.awb, courierId: assignment.courierId, courierName: assignment.courierName, pickupScheduledAt: assignment.pickupScheduledAt, statusCode: 1, statusLabel: 'AWB Assigned', progress: 'awb_assigned' };
    const note = `Shiprocket AWB ${assignment.awb} (${assignment.courierName})`;
    if (stored.parcel.status === 'received') {
      const parcel = await applyStatusChange(stored, { to: 'processed', source: 'seller', actor, note, set: { courier, shippingMethod: 'shiprocket' } });
      stored = afterChange(stored, parcel);
    } else {
      await update({}, { note });
    }
  }
  if (courier.progress === 'awb_assigned') {
    const pickup = await api.requestPickup(courier.shipmentId!).catch((error: unknown) => {
      // A resumed create whose pickup request went through before.
      if (isShiprocketError(error) && error.failure === 'rejected' && /already/i.test(error.message)) return undefined;
      throw error;
    });
    const label = await api.generateLabel(courier.shipmentId!);
    await update(
      { pickupScheduledAt: pickup?.pickupScheduledAt ?? courier.pickupScheduledAt, labelUrl: label.labelUrl, statusCode: 3, statusLabel: 'Pickup Scheduled/Generated', progress: 'complete' },
      { note: `Shiprocket pickup requested${pickup?.pickupScheduledAt ? ` for ${pickup.pickupScheduledAt}` : ''}` },
    );
  }
  return stored.parcel;
}

async function ship(parcelId: string, input: CreateShiprocketShipmentInput, seller: Principal, api: ShiprocketApi): Promise<Parcel> {
  const stored = await readParcel(parcelId);
  if (!stored || stored.parcel.sellerId !== seller.id) throw new NotFoundError(`Parcel ${parcelId} not found.`);
  const { parcel } = stored;
  const live = parcel.courier && parcel.courier.cancelledAt === null ? parcel.courier : null;
  if (live?.progress === 'complete') throw new ConflictError(`Parcel ${parcelId} already has a live courier shipment (AWB ${live.awb}); cancel it first.`);
  if (!live && !isBeforePickup(parcel.status)) throw new ConflictError(`Parcel ${parcelId} is ${parcel.status}; a courier order is made for a received or processed parcel.`);

  const attempt = live ? stored : await recordAttempt(stored, input);
  try {
    return await completeShipment(attempt, api, seller.id, !live);
  } catch (error) {
    if (!isShiprocketError(error)) throw error;
    const current = error.failure === 'rejected' ? await readParcel(parcelId) : undefined;
    const reached = current?.parcel.courier;
    if (current && reached?.progress === 'requested' && reached.attempt === attempt.parcel.courier!.attempt) {
      // Shiprocket refused the create itself, so nothing exists there: the attempt is taken back.
      await saved(current, { ...current.parcel, courier: parcel.courier, shippingMethod: parcel.shippingMethod, updatedAt: parcel.updatedAt });
      throw refusedRequest(error);
    }
    throw upstreamFailure(error, 'the courier order; retry to resume it where it stopped');
  }
}

/**
 * Update Status → Shiprocket Orders: creates the courier order for the parcel, assigns an AWB and
 * requests pickup. Resumable: a retry continues the recorded attempt (never a second order); with
 * an `Idempotency-Key`, a retry of a finished create answers the same parcel.
 */
export async function createShiprocketShipment(
  parcelId: string,
  input: CreateShiprocketShipmentInput,
  seller: Principal,
  idempotencyKey?: string,
  api: ShiprocketApi = shiprocket(),
): Promise<{ parcel: Parcel; replayed: boolean }> {
  const { resource, replayed } = await createIdempotently({
    scope: `POST /parcels/{parcelId}/shiprocket#${seller.id}`,
    key: idempotencyKey,
    request: { parcelId, ...input },
    resourceId: parcelId,
    create: () => ship(parcelId, input, seller, api),
    find: async () => {
      const parcel = (await readParcel(parcelId))?.parcel;
      return parcel?.courier?.progress === 'complete' && parcel.sellerId === seller.id ? parcel : undefined;
    },
  });
  return { parcel: resource, replayed };
}
