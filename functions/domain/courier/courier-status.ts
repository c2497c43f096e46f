import type { ParcelStatus } from '../parcels/parcel-status.ts';

/**
 * What a Shiprocket shipment status code (SHIPROCKET.md's table) means for the parcel: one table,
 * every published code. `moves` is the parcel status it implies; `cancelled` ends the courier
 * shipment (the parcel stays, the seller may ship it again); `exception` is something the seller
 * must see (lost, damaged, undelivered, ...). A code missing here is kept and shown, never fatal.
 */
export interface CourierStatusMeaning {
  label: string;
  moves?: ParcelStatus;
  cancelled?: true;
  exception?: true;
}

const awaitingPickup = (label: string): CourierStatusMeaning => ({ label, moves: 'processed' });
const inTransit = (label: string): CourierStatusMeaning => ({ label, moves: 'shipped' });
const returning = (label: string): CourierStatusMeaning => ({ label, moves: 'rto' });
const problem = (label: string, moves?: ParcelStatus): CourierStatusMeaning => ({ label, exception: true, ...(moves ? { moves } : {}) });

export const COURIER_STATUS: Readonly<Record<number, CourierStatusMeaning>> = {
  1: awaitingPickup('AWB Assigned'),
  2: awaitingPickup('Label Generated'),
  3: awaitingPickup('Pickup Scheduled/Generated'),
  4: awaitingPickup('Pickup Queued'),
  5: awaitingPickup('Manifest Generated'),
  6: inTransit('Shipped'),
  7: { label: 'Delivered', moves: 'delivered' },
  8: { label: 'Canceled', cancelled: true },
  9: returning('RTO Initiated'),
  10: { label: 'RTO Delivered', moves: 'rto_delivered' },
  11: awaitingPickup('Pending'),
  12: problem('Lost'),
  13: problem('Pickup Error', 'processed'),
  14: returning('RTO Acknowledged'),
  15: awaitingPickup('Pickup Rescheduled'),
  16: { label: 'Cancellation Requested' },
  17: { label: 'Out For Delivery', moves: 'out_for_delivery' },
  18: inTransit('In Transit'),
  19: awaitingPickup('Out For Pickup'),
  20: problem('Pickup Exception', 'processed'),
  // A failed delivery attempt: back to shipped (only courier updates may make that move).
  21: problem('Undelivered', 'shipped'),
  22: inTransit('Delayed'),
  23: problem('Partial Delivered', 'delivered'),
  24: problem('Destroyed'),
  25: problem('Damaged'),
  26: { label: 'Fulfilled', moves: 'delivered' },
  27: awaitingPickup('Pickup Booked'),
  38: inTransit('Reached at Destination Hub'),
  39: problem('Misrouted', 'shipped'),
  40: returning('RTO NDR'),
  41: returning('RTO OFD'),
  42: inTransit('Picked Up'),
  43: { label: 'Self Fulfilled', moves: 'delivered' },
  44: problem('Disposed Off'),
  45: { label: 'Cancelled Before Dispatched', cancelled: true },
  46: returning('RTO In Transit'),
  47: problem('QC Failed', 'processed'),
  48: inTransit('Reached Warehouse'),
  49: inTransit('Custom Cleared'),
  50: inTransit('In Flight'),
  51: inTransit('Handover to Courier'),
  52: awaitingPickup('Shipment Booked'),
  54: inTransit('In Transit Overseas'),
  55: inTransit('Connection Aligned'),
  56: inTransit('Reached Overseas Warehouse'),
  57: inTransit('Custom Cleared Overseas'),
  59: awaitingPickup('Box Packing'),
  60: awaitingPickup('FC Allocated'),
  61: awaitingPickup('Picklist Generated'),
  62: awaitingPickup('Ready To Pack'),
  63: awaitingPickup('Packed'),
  67: awaitingPickup('FC Manifest Generated'),
  68: awaitingPickup('Processed at Warehouse'),
  71: problem('Handover Exception', 'processed'),
  72: problem('Packed Exception', 'processed'),
  75: returning('RTO Lock'),
  76: problem('Untraceable'),
  77: problem('Issue Related To The Recipient', 'shipped'),
  78: returning('Reached Back At Seller City'),
};

/** The meaning of a code; an unknown one is shown as such and changes nothing. */
export const courierStatusOf = (code: number): CourierStatusMeaning => COURIER_STATUS[code] ?? { label: `Unknown Shiprocket status ${code}` };

/** Until the courier picks the parcel up, its order can still be cancelled. */
export const isBeforePickup = (parcelStatus: ParcelStatus): boolean => parcelStatus === 'received' || parcelStatus === 'processed';
