import type { TrackingSnapshot } from '#courier/shiprocket-api.ts';
import type { CourierScan } from '../parcels/parcel-types.ts';
import type { CourierStatusUpdate } from './apply-courier-status.ts';

/** A tracking snapshot (refresh, sync) as a courier update: its shipment code (else the newest scan's) at the newest scan's time (none without scans). */
export function courierUpdateOf(tracking: TrackingSnapshot, source: CourierStatusUpdate['source']): CourierStatusUpdate | undefined {
  const newest = tracking.activities[0];
  const code = tracking.shipmentStatus ?? newest?.srStatus ?? null;
  if (!tracking.found || code === null) return undefined;
  const scans: CourierScan[] = tracking.activities.map((activity) => ({
    at: activity.at,
    code: activity.srStatus,
    label: activity.srStatusLabel,
    activity: activity.activity,
    location: activity.location,
  }));
  return { code, label: tracking.currentStatus, at: newest?.at, source, scans };
}
