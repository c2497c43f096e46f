/**
 * Shiprocket's times are India Standard Time (UTC+05:30) written without an offset, in several
 * formats depending on the endpoint. These helpers write a `Date` in each of them.
 */

const IST_OFFSET_MS = (5 * 60 + 30) * 60 * 1000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const two = (n: number) => String(n).padStart(2, '0');

/** The wall clock in India at `at`. */
function istFields(at: Date) {
  const shifted = new Date(at.getTime() + IST_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hours: shifted.getUTCHours(),
    minutes: shifted.getUTCMinutes(),
    seconds: shifted.getUTCSeconds(),
    micros: shifted.getUTCMilliseconds() * 1000,
  };
}

/** `2026-11-26 14:05:09`: tracking activities, AWB and pickup dates, etd. */
export function istDateTime(at: Date): string {
  const t = istFields(at);
  return `${t.year}-${two(t.month)}-${two(t.day)} ${two(t.hours)}:${two(t.minutes)}:${two(t.seconds)}`;
}

/** `26 11 2026 14:05:09`: the webhook's `current_timestamp`. */
export function istWebhookTimestamp(at: Date): string {
  const t = istFields(at);
  return `${two(t.day)} ${two(t.month)} ${t.year} ${two(t.hours)}:${two(t.minutes)}:${two(t.seconds)}`;
}

/** `26 Nov 2026, 02:05 PM`: dates in the order list. */
export function istListDate(at: Date): string {
  const t = istFields(at);
  const hours12 = t.hours % 12 === 0 ? 12 : t.hours % 12;
  return `${two(t.day)} ${MONTHS[t.month - 1]} ${t.year}, ${two(hours12)}:${two(t.minutes)} ${t.hours < 12 ? 'AM' : 'PM'}`;
}

/** `Dec 01, 2026`: a courier's `etd` in the serviceability answer. */
export function istShortDate(at: Date): string {
  const t = istFields(at);
  return `${MONTHS[t.month - 1]} ${two(t.day)}, ${t.year}`;
}

/** PHP's DateTime as JSON: `{ date: "2026-11-26 14:05:09.123000", timezone_type: 3, timezone: "Asia/Kolkata" }`. */
export function phpDateTime(at: Date) {
  return { date: `${istDateTime(at)}.${String(istFields(at).micros).padStart(6, '0')}`, timezone_type: 3, timezone: 'Asia/Kolkata' };
}

/** The next day at `hour`:00 IST (a courier's next pickup slot). */
export function nextIstDayAt(at: Date, hour: number): Date {
  const t = istFields(at);
  return new Date(Date.UTC(t.year, t.month - 1, t.day + 1, hour) - IST_OFFSET_MS);
}

/** Reads `YYYY-MM-DD`, `YYYY-MM-DD HH:mm` or `YYYY-MM-DD HH:mm:ss` (an IST wall clock); undefined when it is not a real date. */
export function parseIstDateTime(text: string): Date | undefined {
  const found = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (!found) return undefined;
  const [year, month, day, hours = 0, minutes = 0, seconds = 0] = found.slice(1).map((part) => (part === undefined ? undefined : Number(part))) as number[];
  const utc = new Date(Date.UTC(year!, month! - 1, day!, hours, minutes, seconds));
  if (utc.getUTCMonth() !== month! - 1 || utc.getUTCDate() !== day! || hours > 23 || minutes > 59 || seconds > 59) return undefined;
  return new Date(utc.getTime() - IST_OFFSET_MS);
}
