import { describe, expect, it } from 'vitest';
import { financialYearOf, invoiceNumberOf } from '../../functions/domain/invoices/financial-year.ts';
import { formatIstDate } from '../../functions/domain/invoices/ist-calendar.ts';

describe('financialYearOf (1 April – 31 March, by the date in IST)', () => {
  it.each([
    ['2027-03-31T18:29:59.999Z', '2026-27'], // 23:59:59.999 on 31 March in India
    ['2027-03-31T18:30:00.000Z', '2027-28'], // midnight starting 1 April in India
    ['2026-03-31T18:29:59.999Z', '2025-26'],
    ['2026-03-31T18:30:00.000Z', '2026-27'],
    ['2026-11-26T12:00:00.000Z', '2026-27'],
    ['2026-12-31T20:00:00.000Z', '2026-27'], // already 1 January 2027 in India, same financial year
    ['2099-03-31T18:30:00.000Z', '2099-00'],
    ['2100-03-31T18:29:59.999Z', '2099-00'],
    ['1999-06-01T00:00:00.000Z', '1999-00'],
    ['2009-04-01T00:00:00.000Z', '2009-10'],
  ])('%s → %s', (instant, financialYear) => {
    expect(financialYearOf(instant)).toBe(financialYear);
  });

  it('takes a Date as well', () => {
    expect(financialYearOf(new Date('2027-03-31T18:30:00.000Z'))).toBe('2027-28');
  });

  it('refuses what is not an instant', () => {
    expect(() => financialYearOf('yesterday')).toThrow(RangeError);
  });
});

describe('invoiceNumberOf', () => {
  it('is {FY}/{seq} with seq zero-padded to 6 digits, within the 16 characters GST allows', () => {
    expect(invoiceNumberOf('2026-27', 1)).toBe('2026-27/000001');
    expect(invoiceNumberOf('2099-00', 42)).toBe('2099-00/000042');
    expect(invoiceNumberOf('2026-27', 999_999)).toBe('2026-27/999999');
    expect(invoiceNumberOf('2026-27', 999_999).length).toBeLessThanOrEqual(16);
    expect(invoiceNumberOf(financialYearOf('2027-04-01T00:00:00+05:30'), 7)).toBe('2027-28/000007');
  });

  it.each([0, -1, 1_000_000, 1.5, Number.NaN])('refuses sequence %s', (sequence) => {
    expect(() => invoiceNumberOf('2026-27', sequence)).toThrow(RangeError);
  });

  it.each(['2026-28', '26-27', '2026/27', '2026-27 ', ''])('refuses financial year %j', (financialYear) => {
    expect(() => invoiceNumberOf(financialYear, 1)).toThrow(RangeError);
  });
});

describe('formatIstDate', () => {
  it('is dd-mm-yyyy of the date in India', () => {
    expect(formatIstDate('2026-11-25T18:29:59.999Z')).toBe('25-11-2026');
    expect(formatIstDate('2026-11-25T18:30:00.000Z')).toBe('26-11-2026');
    expect(formatIstDate('2027-01-04T03:00:00.000Z')).toBe('04-01-2027');
  });
});
