/** India Standard Time: UTC+05:30 all year (India has no daylight saving time). */
const IST_OFFSET_MS = (5 * 60 + 30) * 60_000;

export interface CalendarDate {
  year: number;
  /** 1 = January */
  month: number;
  day: number;
}

/** The calendar date in India at an instant (a `Date` or an ISO-8601 string). */
export function istDateOf(instant: Date | string): CalendarDate {
  const ms = new Date(instant).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Not a valid instant: ${String(instant)}`);
  const shifted = new Date(ms + IST_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** dd-mm-yyyy, the date in India at that instant. */
export function formatIstDate(instant: Date | string): string {
  const { year, month, day } = istDateOf(instant);
  return `${twoDigits(day)}-${twoDigits(month)}-${year}`;
}

export const twoDigits = (value: number): string => String(value).padStart(2, '0');

/** The last millisecond (23:59:59.999 IST) of the Indian calendar date `days` days after `date`. */
export function endOfIstDay(date: CalendarDate, days = 0): Date {
  const nextMidnightUtc = Date.UTC(date.year, date.month - 1, date.day + days + 1);
  return new Date(nextMidnightUtc - IST_OFFSET_MS - 1);
}
