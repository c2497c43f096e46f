import * as z from 'zod/mini';
import { istToIso } from '#courier/ist-time.ts';
import { findParcelByAwb } from '#storage/parcels-table.ts';
import type { CourierScan } from '../parcels/parcel-types.ts';
import { applyCourierStatus, type CourierStatusOutcome } from './apply-courier-status.ts';

/** Shiprocket sends numbers as strings at times, and "NA" for no code. */
const looseCode = z.optional(z.nullable(z.union([z.number(), z.string()])));
const looseText = z.optional(z.nullable(z.union([z.string(), z.number()])));

/** The parts of Shiprocket's tracking push this project reads; anything else in it is ignored. */
export const courierWebhookBody = z.object({
  awb: z.union([z.string().check(z.trim(), z.minLength(1)), z.number()]),
  current_status: looseText,
  current_timestamp: looseText,
  shipment_status: looseText,
  shipment_status_id: looseCode,
  scans: z.optional(
    z.nullable(
      z.array(
        z.object({
          date: looseText,
          status: looseText,
          activity: looseText,
          location: looseText,
          'sr-status': looseCode,
          'sr-status-label': looseText,
        }),
      ),
    ),
  ),
});
export type CourierWebhookInput = z.infer<typeof courierWebhookBody>;

const codeOf = (value: number | string | null | undefined): number | null => {
  const code = typeof value === 'number' ? value : Number.parseInt(value ?? '', 10);
  return Number.isInteger(code) ? code : null;
};
const textOf = (value: string | number | null | undefined): string | null => (value === null || value === undefined || value === '' ? null : String(value));

export type WebhookOutcome = CourierStatusOutcome | 'unknown-awb' | 'no-status';

/**
 * A tracking push: the parcel found by its AWB (one Query), the status (`shipment_status_id`, else
 * the newest scan's `sr-status`) at the push's own time (`current_timestamp`, IST), applied through
 * the one courier-status path. Unknown AWBs (other channels' shipments) and pushes without a status
 * change nothing.
 */
export async function receiveCourierWebhook(input: CourierWebhookInput): Promise<WebhookOutcome> {
  const stored = await findParcelByAwb(String(input.awb));
  if (!stored) return 'unknown-awb';
  const scans: CourierScan[] = (input.scans ?? []).flatMap((scan) => {
    const at = istToIso(textOf(scan.date) ?? '');
    return at ? [{ at, code: codeOf(scan['sr-status']), label: textOf(scan['sr-status-label']), activity: textOf(scan.activity), location: textOf(scan.location) }] : [];
  });
  const newest = [...scans].sort((a, b) => b.at.localeCompare(a.at))[0];
  const code = codeOf(input.shipment_status_id) ?? newest?.code ?? null;
  if (code === null) return 'no-status';
  const at = istToIso(textOf(input.current_timestamp) ?? '') ?? newest?.at ?? new Date().toISOString();
  const { outcome } = await applyCourierStatus(stored, { code, label: textOf(input.shipment_status) ?? textOf(input.current_status), at, source: 'webhook', scans });
  return outcome;
}
