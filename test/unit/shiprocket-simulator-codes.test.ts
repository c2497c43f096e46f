import { describe, expect, it } from 'vitest';
import { istDateTime, istListDate, istShortDate, istWebhookTimestamp, nextIstDayAt, parseIstDateTime, phpDateTime } from '../../local/shiprocket-simulator/ist-time.ts';
import { ORDER_STATUS_LABELS, SHIPMENT_STATUSES } from '../../local/shiprocket-simulator/status-codes.ts';

/**
 * SHIPROCKET.md's shipment status codes, copied here on purpose: the simulator's table must cover
 * every one of them.
 */
// prettier-ignore
const SHIPROCKET_MD_SHIPMENT_CODES = [
  1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 38, 39, 40, 41, 42, 43, 44,
  45, 46, 47, 48, 49, 50, 51, 52, 54, 55, 56, 57, 59, 60, 61, 62, 63, 67, 68, 71, 72, 75, 76, 77, 78,
];

describe('status codes', () => {
  it('cover every shipment code of SHIPROCKET.md, each with an order status that has a label', () => {
    expect([...SHIPMENT_STATUSES.keys()].sort((a, b) => a - b)).toEqual(SHIPROCKET_MD_SHIPMENT_CODES);
    for (const status of SHIPMENT_STATUSES.values()) expect(ORDER_STATUS_LABELS.get(status.orderStatus), `order status of ${status.code}`).toBeDefined();
  });

  it('map the codes the webhook sample shows and the ones the domain cares about', () => {
    const orderCode = (code: number) => SHIPMENT_STATUSES.get(code)!.orderStatus;
    expect([18, 17, 42, 7, 8, 9, 10, 12, 6].map(orderCode)).toEqual([20, 19, 51, 7, 5, 15, 16, 33, 6]);
    expect(SHIPMENT_STATUSES.get(38)!.label).toBe('REACHED AT DESTINATION HUB');
  });
});

describe('IST formats', () => {
  const at = new Date('2026-11-26T20:35:09.250Z'); // 02:05:09 on the 27th in India

  it('writes each of Shiprocket\'s formats at UTC+05:30', () => {
    expect(istDateTime(at)).toBe('2026-11-27 02:05:09');
    expect(istWebhookTimestamp(at)).toBe('27 11 2026 02:05:09');
    expect(istListDate(at)).toBe('27 Nov 2026, 02:05 AM');
    expect(istListDate(new Date('2026-11-27T06:30:00Z'))).toBe('27 Nov 2026, 12:00 PM');
    expect(istShortDate(at)).toBe('Nov 27, 2026');
    expect(phpDateTime(at)).toEqual({ date: '2026-11-27 02:05:09.250000', timezone_type: 3, timezone: 'Asia/Kolkata' });
    expect(istDateTime(nextIstDayAt(at, 11))).toBe('2026-11-28 11:00:00');
  });

  it('reads order dates as IST wall clock and refuses impossible ones', () => {
    expect(parseIstDateTime('2026-11-27 02:05')?.toISOString()).toBe('2026-11-26T20:35:00.000Z');
    expect(parseIstDateTime('2026-11-27')?.toISOString()).toBe('2026-11-26T18:30:00.000Z');
    expect(parseIstDateTime('2026-02-30 10:00')).toBeUndefined();
    expect(parseIstDateTime('27-11-2026')).toBeUndefined();
  });
});
