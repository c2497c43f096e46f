import type * as z from 'zod/mini';
import type { courierExceptionSchema, courierScanSchema, courierShipmentSchema, parcelEventSchema, parcelSchema } from './parcel-schemas.ts';

/** The stored parcel: the API's shapes (parcel-schemas.ts) plus what only the server reads. */
export type ShippingMethod = NonNullable<z.infer<typeof parcelSchema>['shippingMethod']>;

export type ParcelEvent = z.infer<typeof parcelEventSchema> & {
  /** Notes are internal (staff only) unless the one who wrote them marked them for the customer. */
  noteVisibleToCustomer: boolean;
};

/** How far creating a courier shipment got: a retry resumes from here. */
export type CourierProgress = 'requested' | 'created' | 'awb_assigned' | 'complete';

export type CourierScan = z.infer<typeof courierScanSchema>;

export type CourierException = z.infer<typeof courierExceptionSchema>;

/** The courier shipment of a parcel as shown, plus `progress`, `attempt` and `lastEventAt` (internal). */
export type CourierShipment = z.infer<typeof courierShipmentSchema> & {
  progress: CourierProgress;
  /** 1 for the parcel's first courier order, 2 after one was cancelled, ...: it picks the channel order id. */
  attempt: number;
  /** The courier's time of the newest courier event applied (webhook, sync, refresh): older ones are ignored. */
  lastEventAt: string | null;
};

/** Bounded so that a 99-item parcel with a long journey stays far under DynamoDB's 400 KB. */
export const MAX_COURIER_SCANS = 50;

export type Parcel = Omit<z.infer<typeof parcelSchema>, 'events' | 'courier'> & {
  events: ParcelEvent[];
  courier: CourierShipment | null;
};

/** A live courier shipment blocks local status changes and deletion until it is cancelled. */
export const hasLiveCourierShipment = (parcel: Pick<Parcel, 'courier'>): boolean => parcel.courier !== null && parcel.courier.cancelledAt === null;
