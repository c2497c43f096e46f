import { describe, expect, it } from 'vitest';
import { assertReturnable } from '../../functions/domain/returns/return-eligibility.ts';
import { isWithinReturnWindow, returnWindowEnd } from '../../functions/domain/returns/return-window.ts';
import type { OrderItem } from '../../functions/domain/orders/order-types.ts';

// Delivered 3 Dec 2026 10:00 IST (04:30 UTC).
const deliveredAt = '2026-12-03T04:30:00.000Z';

describe('the return window: until the end of the IST day of delivery + returnWindowDays', () => {
  it('7 days after delivery on 3 Dec: the last day is 10 Dec, until 23:59:59.999 IST', () => {
    expect(returnWindowEnd(deliveredAt, 7).toISOString()).toBe('2026-12-10T18:29:59.999Z');
    expect(isWithinReturnWindow(deliveredAt, 7, new Date('2026-12-10T18:29:59.999Z'))).toBe(true);
    expect(isWithinReturnWindow(deliveredAt, 7, new Date('2026-12-10T18:30:00.000Z'))).toBe(false); // 11 Dec 00:00 IST
  });

  it('0 days: only the day of delivery (IST)', () => {
    expect(isWithinReturnWindow(deliveredAt, 0, new Date('2026-12-03T18:29:59.999Z'))).toBe(true);
    expect(isWithinReturnWindow(deliveredAt, 0, new Date('2026-12-03T18:30:00.000Z'))).toBe(false);
  });

  it('a delivery late in the UTC evening counts on the next IST day', () => {
    // 2 Dec 20:00 UTC is 3 Dec 01:30 IST.
    expect(returnWindowEnd('2026-12-02T20:00:00.000Z', 1).toISOString()).toBe('2026-12-04T18:29:59.999Z');
  });

  it('across a month and a year end', () => {
    expect(returnWindowEnd('2026-12-28T06:00:00.000Z', 7).toISOString()).toBe('2027-01-04T18:29:59.999Z');
  });
});

describe('the eligibility rules: each failure names its rule', () => {
  const customer = { role: 'customer' as const, id: 'c-1' };
  const item: OrderItem = {
    id: 'i-1', orderId: 'o-1', sellerId: 's-1', customerId: 'c-1', productName: 'P', sku: 'S', variant: null, quantity: 1, unitPrice: 100,
    taxPercent: 5, hsn: null, returnable: true, returnWindowDays: 7, status: 'delivered', parcelId: 'p-1', returnStatus: null,
    placedAt: '2026-12-01T00:00:00.000Z', deliveredAt,
  };
  const onLastDay = new Date('2026-12-10T18:29:59.999Z');
  const check = (overrides: Partial<OrderItem>, now = onLastDay) => () => assertReturnable({ ...item, ...overrides }, 'i-1', customer, now);

  it('an eligible item passes, a declined one may be asked again', () => {
    expect(check({})).not.toThrow();
    expect(check({ returnStatus: 'declined' })).not.toThrow();
  });
  it.each([
    [{ customerId: 'c-2' }, 'not found'],
    [{ status: 'shipped' as const, deliveredAt: null }, 'Rule "delivered"'],
    [{ returnable: false }, 'Rule "returnable"'],
    [{ returnStatus: 'requested' as const }, 'Rule "no open request"'],
    [{ returnStatus: 'returned' as const }, 'Rule "no open request"'],
  ])('%o → %s', (overrides, message) => {
    expect(check(overrides)).toThrow(message);
  });
  it('the day after the last day: the window rule', () => {
    expect(check({}, new Date('2026-12-10T18:30:00.000Z'))).toThrow('Rule "return window"');
  });
});
