import type * as z from 'zod/mini';
import type { Principal } from '../principal.ts';
import type { courierShipmentSchema, parcelEventSchema, parcelSchema } from './parcel-schemas.ts';
import type { CourierShipment, Parcel, ParcelEvent } from './parcel-types.ts';

/** A parcel, its events and its courier shipment as the API shows them. */
export type ParcelEventView = z.infer<typeof parcelEventSchema>;
export type CourierShipmentView = z.infer<typeof courierShipmentSchema>;
export type ParcelView = z.infer<typeof parcelSchema>;

const courierView = ({ progress: _progress, attempt: _attempt, lastEventAt: _lastEventAt, ...courier }: CourierShipment): CourierShipmentView => courier;

const staffEvent = ({ noteVisibleToCustomer: _visible, ...event }: ParcelEvent): ParcelEventView => event;

/** What a customer reads on its own tracking page: what happened and when, not who on the staff did it. */
const customerEvent = (event: ParcelEvent): ParcelEventView => ({
  at: event.at,
  status: event.status,
  source: event.source,
  actor: null,
  note: event.noteVisibleToCustomer ? event.note : null,
});

/** The parcel as `principal` may see it: customers get events without internal notes or staff ids. */
export function parcelView(parcel: Parcel, principal: Principal): ParcelView {
  return {
    ...parcel,
    // An attempt Shiprocket has not confirmed yet is not shown: the parcel reads as before it.
    courier: parcel.courier && parcel.courier.progress !== 'requested' ? courierView(parcel.courier) : null,
    events: parcel.events.map(principal.role === 'customer' ? customerEvent : staffEvent),
  };
}
