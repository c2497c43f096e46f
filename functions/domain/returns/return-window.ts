import { endOfIstDay, istDateOf } from '../invoices/ist-calendar.ts';

/**
 * The last instant a return may be asked for: the end (23:59:59.999 IST) of the Indian calendar
 * date of delivery plus `returnWindowDays` (delivered 3 Dec 10:00 IST, 7 days: until 10 Dec 23:59:59.999 IST).
 */
export const returnWindowEnd = (deliveredAt: string, returnWindowDays: number): Date => endOfIstDay(istDateOf(deliveredAt), returnWindowDays);

export const isWithinReturnWindow = (deliveredAt: string, returnWindowDays: number, now: Date): boolean =>
  now.getTime() <= returnWindowEnd(deliveredAt, returnWindowDays).getTime();
