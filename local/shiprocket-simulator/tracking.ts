import { istDateTime, istWebhookTimestamp } from './ist-time.ts';
import { orderStatusCode, type Scan, type SimOrder } from './simulator-state.ts';
import { ORDER_STATUS_LABELS, shipmentStatus } from './status-codes.ts';

/** Tracking answers (`tracking_data`) and the tracking webhook's payload, built from an order. */

export const NO_ACTIVITIES = 'There are no activities for this shipment in our records yet. Please check again after some time.';

/** Shiprocket writes "NA" for a scan that maps to no shipment status. */
function scanJson(scan: Scan) {
  const known = scan.srStatus === null ? undefined : shipmentStatus(scan.srStatus);
  return {
    date: istDateTime(scan.at),
    status: scan.status,
    activity: scan.activity,
    location: scan.location,
    'sr-status': scan.srStatus === null ? 'NA' : String(scan.srStatus),
    'sr-status-label': known?.label ?? 'NA',
  };
}

/** Newest first, as tracking answers them; scans recorded later win ties. */
const newestFirst = (scans: readonly Scan[]) => [...scans].reverse().sort((a, b) => b.at.getTime() - a.at.getTime());

const statusName = (code: number | null) => (code === null ? 'NEW' : (shipmentStatus(code)?.name ?? `Status ${code}`));
const orNull = (at: Date | null) => (at ? istDateTime(at) : null);

/** `tracking_data` of one order's shipment: `track_status: 0` until the courier has a scan. */
export function trackingData(order: SimOrder | undefined, trackUrl: (awb: string) => string) {
  const shipment = order?.shipment;
  if (!order || !shipment?.awb || !shipment.courier || shipment.scans.length === 0) return { track_status: 0, error: NO_ACTIVITIES };
  return {
    track_status: 1,
    shipment_status: shipment.status,
    shipment_track: [
      {
        id: shipment.id,
        awb_code: shipment.awb,
        courier_company_id: shipment.courier.id,
        shipment_id: shipment.id,
        order_id: order.id,
        pickup_date: orNull(shipment.pickedUpAt),
        delivered_date: orNull(shipment.deliveredAt),
        weight: order.order.weightKg.toFixed(2),
        packages: 1,
        current_status: statusName(shipment.status),
        delivered_to: order.order.shipping.city,
        destination: order.order.shipping.city,
        consignee_name: order.order.shipping.name,
        origin: order.pickup.city,
        courier_agent_details: null,
        courier_name: shipment.courier.name,
        edd: orNull(shipment.etd),
        pod: shipment.deliveredAt ? 'Available' : 'Not Available',
        pod_status: '',
      },
    ],
    shipment_track_activities: newestFirst(shipment.scans).map(scanJson),
    track_url: trackUrl(shipment.awb),
    etd: orNull(shipment.etd),
    qc_response: { qc_image: '', qc_failed_reason: '' },
  };
}

/** The tracking webhook's body for the shipment's current status (scans oldest first, as pushed). */
export function webhookPayload(order: SimOrder, at: Date, channelId: number) {
  const { shipment } = order;
  const status = shipment.status === null ? undefined : shipmentStatus(shipment.status);
  const orderStatus = orderStatusCode(order);
  return {
    awb: shipment.awb,
    courier_name: shipment.courier?.name ?? '',
    current_status: ORDER_STATUS_LABELS.get(orderStatus) ?? 'NA',
    current_status_id: orderStatus,
    shipment_status: status?.label ?? 'NA',
    shipment_status_id: shipment.status,
    current_timestamp: istWebhookTimestamp(at),
    order_id: order.channelOrderId,
    sr_order_id: order.id,
    awb_assigned_date: orNull(shipment.awbAssignedAt),
    pickup_scheduled_date: orNull(shipment.pickupScheduledAt),
    etd: orNull(shipment.etd),
    scans: newestFirst(shipment.scans).reverse().map(scanJson),
    is_return: 0,
    channel_id: channelId,
    pod_status: '',
    pod: shipment.deliveredAt ? 'Available' : 'Not Available',
    qc_image: '',
    qc_failure_reason: '',
  };
}
