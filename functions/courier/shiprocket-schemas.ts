import * as z from 'zod/mini';
import type { TrackingActivity, TrackingSnapshot } from './shiprocket-api.ts';
import { istToIso } from './ist-time.ts';

/**
 * What Shiprocket answers, checked before use — with its awkward types: numbers sent as strings,
 * `""`, `null` or nothing for "none", `"NA"` in scans, IST times in several formats (converted to
 * ISO UTC here). Objects are loose: Shiprocket adds fields freely.
 */

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** Text that may come as `""`, `null` or not at all (or as a number): null when none. */
export const optionalText = z.pipe(
  z.optional(z.nullable(z.union([z.string(), z.number()]))),
  z.transform((value) => (isBlank(value) ? null : String(value).trim())),
);

/** The same, with Shiprocket's `"NA"` for "none" too. */
const textOrNa = z.pipe(optionalText, z.transform((value) => (value === null || value.toUpperCase() === 'NA' ? null : value)));

/** Text where the interface wants a string: `""` when none. */
const textOrEmpty = z.pipe(optionalText, z.transform((value) => value ?? ''));

/** A number sent as a number or as a string of digits. */
export const numberish = z.union([
  z.number().check(z.refine(Number.isFinite, 'must be a finite number')),
  z.pipe(z.string().check(z.regex(/^\s*-?\d+(\.\d+)?\s*$/, 'must be a number')), z.transform(Number)),
]);

/** A number that may come as `""`, `null`, `"NA"` or not at all: null when none. */
export const optionalNumber = z.pipe(
  z.optional(z.nullable(z.union([z.number(), z.string()]))),
  z.transform((value, context) => {
    if (isBlank(value) || (typeof value === 'string' && value.trim().toUpperCase() === 'NA')) return null;
    const parsed = numberish.safeParse(value);
    if (parsed.success) return parsed.data;
    context.issues.push({ code: 'custom', message: `must be a number, "NA" or empty: ${JSON.stringify(value)}`, input: value });
    return z.NEVER;
  }),
);

/** Shiprocket's ids: integers, sometimes sent as strings; kept as strings. */
export const shiprocketId = z.pipe(
  z.union([z.int().check(z.nonnegative()), z.string().check(z.trim(), z.minLength(1, 'must not be empty'))]),
  z.transform((value) => String(value)),
);

/** PHP's DateTime as JSON: `{ date: "2022-11-25 11:17:52.878599", timezone_type: 3, timezone: "Asia/Kolkata" }`. */
const phpDateTime = z.looseObject({ date: z.string(), timezone: z.optional(z.string()) });
const IST_ZONES = new Set(['Asia/Kolkata', 'Asia/Calcutta', 'IST', '+05:30']);
const UTC_ZONES = new Set(['UTC', 'Z', '+00:00', 'GMT']);

function instantOf(value: string | z.infer<typeof phpDateTime>): string | undefined {
  if (typeof value === 'string') return istToIso(value);
  const zone = value.timezone;
  if (zone === undefined || IST_ZONES.has(zone)) return istToIso(value.date);
  if (UTC_ZONES.has(zone)) {
    const asIst = istToIso(value.date);
    return asIst && new Date(Date.parse(asIst) + (5 * 60 + 30) * 60_000).toISOString();
  }
  return undefined;
}

/** Nothing, `""`, `null` or MySQL's zero date. */
const noTime = (value: unknown) => isBlank(value) || (typeof value === 'string' && value.startsWith('0000-00-00'));

/** An IST time (any of Shiprocket's formats, or a PHP DateTime object) as ISO UTC; null when none. */
export const optionalIstTime = z.pipe(
  z.optional(z.nullable(z.union([z.string(), phpDateTime]))),
  z.transform((value, context) => {
    if (noTime(value)) return null;
    const iso = instantOf(value!);
    if (iso !== undefined) return iso;
    context.issues.push({ code: 'custom', message: `must be a Shiprocket IST time: ${JSON.stringify(value)}`, input: value });
    return z.NEVER;
  }),
);

/** An IST time that must be there, as ISO UTC. */
export const istTime = z.pipe(
  optionalIstTime,
  z.transform((value, context) => {
    if (value !== null) return value;
    context.issues.push({ code: 'custom', message: 'a time is required', input: value });
    return z.NEVER;
  }),
);

/** An estimate (etd, edd): ISO UTC when it reads as a time, null otherwise — never a reason to refuse an answer. */
const estimatedTime = z.pipe(z.optional(z.unknown()), z.transform((value) => (noTime(value) ? null : typeof value === 'string' ? (istToIso(value) ?? null) : null)));

/** `1` / `0` flags (`awb_assign_status`, `label_created`, ...), sometimes strings or booleans. */
const flag = z.union([numberish, z.pipe(z.boolean(), z.transform((value) => (value ? 1 : 0)))]);

export const loginResponse = z.looseObject({ token: z.string().check(z.trim(), z.minLength(1, 'must not be empty')) });

export const createOrderResponse = z.looseObject({
  order_id: shiprocketId,
  shipment_id: shiprocketId,
  channel_order_id: optionalText,
  awb_code: optionalText,
  courier_company_id: optionalNumber,
  courier_name: optionalText,
});

/** GET /orders: only what finding one entry needs; the entry found is checked with `listedOrder`. */
export const listOrdersPage = z.looseObject({
  data: z.array(z.looseObject({ channel_order_id: optionalText })),
  meta: z.optional(z.nullable(z.looseObject({ pagination: z.optional(z.nullable(z.looseObject({ current_page: optionalNumber, total_pages: optionalNumber }))) }))),
});

const listedShipment = z.looseObject({
  id: shiprocketId,
  awb: optionalText,
  awb_code: optionalText,
  courier: optionalText,
  courier_name: optionalText,
  courier_id: optionalNumber,
  courier_company_id: optionalNumber,
});

export const listedOrder = z.looseObject({
  id: shiprocketId,
  channel_order_id: optionalText,
  // "Get all orders" lists shipments; an order's own page has one shipment object.
  shipments: z.union([z.array(listedShipment).check(z.minLength(1, 'must list the shipment')), listedShipment]),
  awb_data: z.optional(z.nullable(z.looseObject({ awb: optionalText }))),
  courier_name: optionalText,
});

export const assignAwbResponse = z.looseObject({ awb_assign_status: flag, response: z.optional(z.unknown()) });
export const assignedAwb = z.looseObject({
  data: z.looseObject({
    awb_code: shiprocketId,
    courier_company_id: numberish,
    courier_name: z.string().check(z.trim(), z.minLength(1, 'must not be empty')),
    pickup_scheduled_date: optionalIstTime,
  }),
});

export const pickupResponse = z.looseObject({ pickup_status: flag, response: z.optional(z.unknown()) });
export const scheduledPickup = z.looseObject({ pickup_scheduled_date: optionalIstTime, pickup_token_number: optionalText });

export const labelResponse = z.looseObject({ label_created: flag, label_url: optionalText });

const trackingActivity = z.looseObject({
  date: istTime,
  status: textOrEmpty,
  activity: textOrEmpty,
  location: textOrEmpty,
  'sr-status': optionalNumber,
  'sr-status-label': textOrNa,
});

export const trackingData = z.looseObject({
  track_status: flag,
  shipment_status: optionalNumber,
  shipment_track: z.optional(z.nullable(z.array(z.looseObject({ awb_code: optionalText, current_status: optionalText, edd: estimatedTime })))),
  shipment_track_activities: z.optional(z.nullable(z.array(trackingActivity))),
  etd: estimatedTime,
});
type TrackingData = z.infer<typeof trackingData>;

export const trackAwbResponse = z.looseObject({ tracking_data: trackingData });

/** Keyed by AWB; `{}` (or PHP's `[]`) when none is known; an unknown AWB's entry may be empty too. */
export const trackAwbsResponse = z.union([
  z.record(z.string(), z.union([z.looseObject({ tracking_data: z.optional(trackingData) }), z.tuple([])])),
  z.tuple([]),
]);

/** One shipment's tracking in the interface's terms. */
export function snapshotOf(data: TrackingData, awb: string): TrackingSnapshot {
  const found = data.track_status === 1;
  const track = data.shipment_track?.[0];
  if (!found) return { found, shipmentStatus: null, currentStatus: null, awb: track?.awb_code ?? awb, etd: null, activities: [] };
  const activities: TrackingActivity[] = (data.shipment_track_activities ?? []).map((scan) => ({
    at: scan.date,
    status: scan.status,
    activity: scan.activity,
    location: scan.location,
    srStatus: scan['sr-status'],
    srStatusLabel: scan['sr-status-label'],
  }));
  return {
    found,
    // 0 is no code of the table.
    shipmentStatus: data.shipment_status || null,
    currentStatus: track?.current_status ?? null,
    awb: track?.awb_code ?? awb,
    etd: data.etd ?? track?.edd ?? null,
    activities,
  };
}

/** `path: message` of the first issues, to say what in an answer was unexpected. */
export function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(answer)'}: ${issue.message}`)
    .join('; ');
}
