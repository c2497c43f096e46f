import { istDateOf, twoDigits } from './ist-calendar.ts';

const APRIL = 4;
const FINANCIAL_YEAR = /^(\d{4})-(\d{2})$/;
export const MAX_INVOICE_SEQUENCE = 999_999;

/** The Indian financial year (1 April – 31 March, by the date in IST) of an instant, e.g. `2026-27`, `2099-00`. */
export function financialYearOf(instant: Date | string): string {
  const { year, month } = istDateOf(instant);
  const startYear = month >= APRIL ? year : year - 1;
  return `${startYear}-${twoDigits((startYear + 1) % 100)}`;
}

/** `{FY}/{seq}` with seq zero-padded to 6 digits: `2026-27/000001` (14 characters; GST allows 16). */
export function invoiceNumberOf(financialYear: string, sequence: number): string {
  const match = FINANCIAL_YEAR.exec(financialYear);
  if (!match || (Number(match[1]) + 1) % 100 !== Number(match[2])) {
    throw new RangeError(`Not a financial year like 2026-27: ${financialYear}`);
  }
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_INVOICE_SEQUENCE) {
    throw new RangeError(`Invoice sequence must be an integer from 1 to ${MAX_INVOICE_SEQUENCE}: ${sequence}`);
  }
  return `${financialYear}/${String(sequence).padStart(6, '0')}`;
}
