/**
 * Shiprocket's two code sets (SHIPROCKET.md): shipment status codes (tracking's `shipment_status`,
 * scans' `sr-status`, the webhook's `shipment_status_id`) and order status codes (the order list's
 * `status_code`, the webhook's `current_status_id`). One row per shipment code: its name, the
 * `sr-status-label` written in scans, the courier scan code and activity the simulator writes, and
 * the order status it puts the order in.
 */

export interface ShipmentStatus {
  code: number;
  /** As SHIPROCKET.md names it (tracking's `current_status`). */
  name: string;
  /** A scan's `sr-status-label` and the webhook's `shipment_status`. */
  label: string;
  /** The courier's own scan code (a scan's `status`). */
  scan: string;
  /** The scan's `activity`. */
  activity: string;
  /** The order status code the order is in while its shipment has this status. */
  orderStatus: number;
}

type Row = [code: number, name: string, scan: string, activity: string, orderStatus: number, label?: string];

// prettier-ignore
const rows: Row[] = [
  [1, 'AWB Assigned', 'AWB', 'Shipment details received from the seller', 3],
  [2, 'Label Generated', 'LBL', 'Shipping label generated', 3],
  [3, 'Pickup Scheduled/Generated', 'PUG', 'Pickup scheduled with the courier', 4, 'PICKUP GENERATED'],
  [4, 'Pickup Queued', 'PUQ', 'Pickup queued', 12],
  [5, 'Manifest Generated', 'MAN', 'Manifested - consignment manifested', 4],
  [6, 'Shipped', 'SHP', 'In transit - shipment received at origin centre', 6],
  [7, 'Delivered', 'DLVD', 'Delivered to consignee', 7],
  [8, 'Canceled', 'CAN', 'Shipment cancelled', 5],
  [9, 'RTO Initiated', 'RTI', 'Return to origin initiated', 15],
  [10, 'RTO Delivered', 'RTD', 'Returned to the seller', 16],
  [11, 'Pending', 'PND', 'Shipment pending', 3],
  [12, 'Lost', 'LST', 'Shipment lost', 33],
  [13, 'Pickup Error', 'PUE', 'Pickup error - seller not reachable', 14],
  [14, 'RTO Acknowledged', 'RTA', 'Return to origin acknowledged by the seller', 17],
  [15, 'Pickup Rescheduled', 'PUR', 'Pickup rescheduled to the next working day', 13],
  [16, 'Cancellation Requested', 'CNR', 'Cancellation requested', 18],
  [17, 'Out For Delivery', 'OFD', 'Out for delivery', 19],
  [18, 'In Transit', 'IT', 'In transit - bag received at facility', 20],
  [19, 'Out For Pickup', 'OFP', 'Out for pickup', 34],
  [20, 'Pickup Exception', 'PUX', 'Pickup exception - package not ready', 35],
  [21, 'Undelivered', 'UD', 'Undelivered - consignee not available', 36],
  [22, 'Delayed', 'DLY', 'Shipment delayed', 37],
  [23, 'Partial Delivered', 'PDL', 'Partially delivered', 38],
  [24, 'Destroyed', 'DST', 'Shipment destroyed', 39],
  [25, 'Damaged', 'DMG', 'Shipment damaged', 40],
  [26, 'Fulfilled', 'FUL', 'Order fulfilled', 41],
  [27, 'Pickup Booked', 'PUB', 'Pickup booked', 70],
  [38, 'Reached at Destination Hub', 'RAD', 'Reached destination hub', 43],
  [39, 'Misrouted', 'MSR', 'Shipment misrouted', 44],
  [40, 'RTO NDR', 'RTN', 'Return to origin - not delivered', 46],
  [41, 'RTO OFD', 'RTOFD', 'Return to origin - out for delivery', 45],
  [42, 'Picked Up', 'PUD', 'Shipment picked up', 51],
  [43, 'Self Fulfilled', 'SFL', 'Self fulfilled', 52],
  [44, 'Disposed Off', 'DSP', 'Shipment disposed off', 53],
  [45, 'Cancelled Before Dispatched', 'CBD', 'Cancelled before dispatch', 54],
  [46, 'RTO In Transit', 'RTIT', 'Return to origin - in transit', 55],
  [47, 'QC Failed', 'QCF', 'Quality check failed', 57],
  [48, 'Reached Warehouse', 'RWH', 'Reached warehouse', 58],
  [49, 'Custom Cleared', 'CCL', 'Customs cleared', 59],
  [50, 'In Flight', 'IFL', 'In flight', 60],
  [51, 'Handover to Courier', 'HTC', 'Handed over to the courier', 61],
  [52, 'Shipment Booked', 'BKD', 'Shipment booked', 62],
  [54, 'In Transit Overseas', 'ITO', 'In transit overseas', 64],
  [55, 'Connection Aligned', 'CNA', 'Connection aligned', 65],
  [56, 'Reached Overseas Warehouse', 'ROW', 'Reached overseas warehouse', 66],
  [57, 'Custom Cleared Overseas', 'CCO', 'Customs cleared overseas', 67],
  [59, 'Box Packing', 'BXP', 'Box packing', 69],
  [60, 'FC Allocated', 'FCA', 'Fulfilment centre allocated', 73],
  [61, 'Picklist Generated', 'PKL', 'Picklist generated', 74],
  [62, 'Ready To Pack', 'RTP', 'Ready to pack', 75],
  [63, 'Packed', 'PKD', 'Packed', 76],
  [67, 'FC Manifest Generated', 'FCM', 'Fulfilment centre manifest generated', 80],
  [68, 'Processed at Warehouse', 'PAW', 'Processed at warehouse', 81],
  [71, 'Handover Exception', 'HEX', 'Handover exception', 83],
  [72, 'Packed Exception', 'PEX', 'Packed exception', 82],
  [75, 'RTO Lock', 'RTL', 'Return to origin locked', 87],
  [76, 'Untraceable', 'UNT', 'Shipment untraceable', 88],
  [77, 'Issue Related To The Recipient', 'IRR', 'Issue related to the recipient', 89],
  [78, 'Reached Back At Seller City', 'RBS', 'Reached back at the seller city', 90],
];

export const SHIPMENT_STATUSES: ReadonlyMap<number, ShipmentStatus> = new Map(
  rows.map(([code, name, scan, activity, orderStatus, label]) => [code, { code, name, label: label ?? name.toUpperCase(), scan, activity, orderStatus }]),
);

/** A code outside the table (Shiprocket adds codes): kept and shown, the order status left as it was. */
export function shipmentStatus(code: number): ShipmentStatus | undefined {
  return SHIPMENT_STATUSES.get(code);
}

/** Order status codes the simulator puts orders in (the order list's `status`, the webhook's `current_status`). */
// prettier-ignore
export const ORDER_STATUS_LABELS: ReadonlyMap<number, string> = new Map([
  [1, 'NEW'], [3, 'READY TO SHIP'], [4, 'PICKUP SCHEDULED'], [5, 'CANCELED'], [6, 'SHIPPED'], [7, 'DELIVERED'],
  [12, 'PICKUP QUEUE'], [13, 'PICKUP RESCHEDULED'], [14, 'PICKUP ERROR'], [15, 'RTO INITIATED'], [16, 'RTO DELIVERED'],
  [17, 'RTO ACKNOWLEDGED'], [18, 'CANCELLATION REQUESTED'], [19, 'OUT FOR DELIVERY'], [20, 'IN TRANSIT'], [33, 'LOST'],
  [34, 'OUT FOR PICKUP'], [35, 'PICKUP EXCEPTION'], [36, 'UNDELIVERED'], [37, 'DELIVERY DELAYED'], [38, 'PARTIAL DELIVERED'],
  [39, 'DESTROYED'], [40, 'DAMAGED'], [41, 'FULFILLED'], [43, 'REACHED DESTINATION HUB'], [44, 'MISROUTED'], [45, 'RTO_OFD'],
  [46, 'RTO_NDR'], [51, 'PICKED UP'], [52, 'SELF FULFILLED'], [53, 'DISPOSED OFF'], [54, 'CANCELED BEFORE DISPATCHED'],
  [55, 'RTO IN-TRANSIT'], [57, 'QC FAILED'], [58, 'REACHED WAREHOUSE'], [59, 'CUSTOM CLEARED'], [60, 'IN FLIGHT'],
  [61, 'HANDOVER TO COURIER'], [62, 'BOOKED'], [64, 'IN TRANSIT OVERSEAS'], [65, 'CONNECTION ALIGNED'],
  [66, 'REACHED OVERSEAS WAREHOUSE'], [67, 'CUSTOM CLEARED OVERSEAS'], [69, 'BOX PACKING'], [70, 'PICKUP BOOKED'],
  [73, 'FC ALLOCATED'], [74, 'PICKLIST GENERATED'], [75, 'READY TO PACK'], [76, 'PACKED'], [80, 'FC MANIFEST GENERATED'],
  [81, 'PROCESSED AT WAREHOUSE'], [82, 'PACKED EXCEPTION'], [83, 'HANDOVER EXCEPTION'], [87, 'RTO_LOCK'], [88, 'UNTRACEABLE'],
  [89, 'ISSUE_RELATED_TO_THE_RECIPIENT'], [90, 'REACHED_BACK_AT_SELLER_CITY'],
]);

export const ORDER_NEW = 1;
export const SHIPMENT_AWB_ASSIGNED = 1;
export const SHIPMENT_LABEL_GENERATED = 2;
export const SHIPMENT_PICKUP_SCHEDULED = 3;
export const SHIPMENT_DELIVERED = 7;
export const SHIPMENT_CANCELED = 8;
export const SHIPMENT_PICKED_UP = 42;

/** Shipment codes of a cancelled order: its channel order id can never be used again. */
export const CANCELLED_SHIPMENT_STATUSES: ReadonlySet<number> = new Set([SHIPMENT_CANCELED, 45]);

/**
 * Shipment codes before the courier has the parcel: an order may still be cancelled
 * (`/orders/cancel`). Anything else, from Picked Up (42) on, is refused.
 */
export const BEFORE_PICKUP_STATUSES: ReadonlySet<number> = new Set([1, 2, 3, 4, 5, 11, 13, 15, 19, 20, 27, 52]);

/** Before "Out for Pickup": what `/orders/cancel/shipment/awbs` accepts. */
export const BEFORE_OUT_FOR_PICKUP_STATUSES: ReadonlySet<number> = new Set([1, 2, 3, 4, 5, 11, 13, 15, 27, 52]);
