import { twoDigits } from '#domain/invoices/ist-calendar.ts';

/**
 * Shiprocket speaks India Standard Time without an offset, in several formats. IST is UTC+05:30
 * all year (no daylight saving time), so converting is a fixed shift.
 */
const IST_OFFSET_MS = (5 * 60 + 30) * 60_000;

/** `2026-11-26 14:05`, `2026-11-26 11:37:00`, `2022-11-25 11:17:52.878599`, `2026-11-26T14:05:00`, `2026-11-26`. */
const YEAR_FIRST = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;
/** The webhook's `current_timestamp`: `23 05 2023 11:43:52` (DD MM YYYY); also with `-` or `/` between the date parts. */
const DAY_FIRST = /^(\d{2})[ /-](\d{2})[ /-](\d{4})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/;
/** A time that says its own offset (ISO-8601 with `Z` or `±hh:mm`): taken as it says. */
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/**
 * An IST wall-clock time from Shiprocket as an ISO-8601 UTC instant (`2026-11-26T08:35:00.000Z`),
 * or undefined when the text is none of the formats Shiprocket uses or names no real time.
 */
export function istToIso(text: string): string | undefined {
  const value = text.trim();
  if (WITH_OFFSET.test(value)) {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
  }
  const yearFirst = YEAR_FIRST.exec(value);
  if (yearFirst) {
    const [, year, month, day, hour, minute, second, fraction] = yearFirst;
    return fromParts(year!, month!, day!, hour, minute, second, fraction);
  }
  const dayFirst = DAY_FIRST.exec(value);
  if (dayFirst) {
    const [, day, month, year, hour, minute, second] = dayFirst;
    return fromParts(year!, month!, day!, hour, minute, second, undefined);
  }
  return undefined;
}

function fromParts(year: string, month: string, day: string, hour = '00', minute = '00', second = '00', fraction = ''): string | undefined {
  const [y, mo, d, h, mi, s] = [year, month, day, hour, minute, second].map(Number) as [number, number, number, number, number, number];
  const ms = Number(fraction.slice(0, 3).padEnd(3, '0'));
  const wallClock = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const check = new Date(wallClock);
  // Date.UTC rolls 31 April over to 1 May and 24:00 to the next day: such texts name no real time.
  if (y === 0 || check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || check.getUTCHours() !== h || check.getUTCMinutes() !== mi || check.getUTCSeconds() !== s) {
    return undefined;
  }
  return new Date(wallClock - IST_OFFSET_MS).toISOString();
}

/** An instant (ISO-8601 or Date) as Shiprocket's IST `YYYY-MM-DD HH:mm` (the `order_date` format). */
export function isoToIstMinutes(instant: string | Date): string {
  const ms = new Date(instant).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Not a valid instant: ${String(instant)}`);
  const ist = new Date(ms + IST_OFFSET_MS);
  return `${ist.getUTCFullYear()}-${twoDigits(ist.getUTCMonth() + 1)}-${twoDigits(ist.getUTCDate())} ${twoDigits(ist.getUTCHours())}:${twoDigits(ist.getUTCMinutes())}`;
}
