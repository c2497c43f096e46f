import { describe, expect, it } from 'vitest';
import { COURIER_STATUS, courierStatusOf } from '../../functions/domain/courier/courier-status.ts';

/**
 * SHIPROCKET.md's shipment status codes, copied here on purpose (a change to the product's table
 * then fails this test), with what each must mean for the parcel per SHIPROCKET.md's guidance.
 */
const EXPECTED: Record<number, 'processed' | 'shipped' | 'out_for_delivery' | 'delivered' | 'rto' | 'rto_delivered' | 'cancelled' | 'exception' | 'none'> = {
  1: 'processed', 2: 'processed', 3: 'processed', 4: 'processed', 5: 'processed', 6: 'shipped', 7: 'delivered', 8: 'cancelled',
  9: 'rto', 10: 'rto_delivered', 11: 'processed', 12: 'exception', 13: 'processed', 14: 'rto', 15: 'processed', 16: 'none',
  17: 'out_for_delivery', 18: 'shipped', 19: 'processed', 20: 'processed', 21: 'shipped', 22: 'shipped', 23: 'delivered', 24: 'exception',
  25: 'exception', 26: 'delivered', 27: 'processed', 38: 'shipped', 39: 'shipped', 40: 'rto', 41: 'rto', 42: 'shipped',
  43: 'delivered', 44: 'exception', 45: 'cancelled', 46: 'rto', 47: 'processed', 48: 'shipped', 49: 'shipped', 50: 'shipped',
  51: 'shipped', 52: 'processed', 54: 'shipped', 55: 'shipped', 56: 'shipped', 57: 'shipped', 59: 'processed', 60: 'processed',
  61: 'processed', 62: 'processed', 63: 'processed', 67: 'processed', 68: 'processed', 71: 'processed', 72: 'processed',
  75: 'rto', 76: 'exception', 77: 'shipped', 78: 'rto',
};

/** The ones the seller must see as exceptions (lost, damaged, undelivered, pickup problems, ...). */
const EXCEPTIONS = [12, 13, 20, 21, 23, 24, 25, 39, 44, 47, 71, 72, 76, 77];

describe('Shiprocket shipment status codes', () => {
  it('covers every published code, and no other', () => {
    expect(Object.keys(COURIER_STATUS).map(Number).sort((a, b) => a - b)).toEqual(Object.keys(EXPECTED).map(Number).sort((a, b) => a - b));
  });

  it.each(Object.entries(EXPECTED))('code %s means %s for the parcel', (code, meaning) => {
    const status = courierStatusOf(Number(code));
    if (meaning === 'cancelled') expect(status).toMatchObject({ cancelled: true });
    else if (meaning === 'exception' || meaning === 'none') expect(status.moves).toBeUndefined();
    else expect(status.moves).toBe(meaning);
    expect(Boolean(status.exception)).toBe(EXCEPTIONS.includes(Number(code)));
  });

  it('keeps an unknown code visible and changes nothing with it', () => {
    expect(courierStatusOf(99)).toEqual({ label: 'Unknown Shiprocket status 99' });
  });
});
