import { describe, expect, it } from 'vitest';
import { canMove, PARCEL_STATUSES } from '../../functions/domain/parcels/parcel-status.ts';
import { ALLOWED_MOVES as allowed } from '../support/api-md-status-table.ts';


describe('parcel state machine', () => {
  for (const from of PARCEL_STATUSES) {
    for (const to of PARCEL_STATUSES) {
      const expected = allowed[from].includes(to);
      it(`${from} → ${to}: ${expected ? 'allowed' : 'refused'} for sellers`, () => {
        expect(canMove(from, to, 'seller')).toBe(expected);
      });
    }
  }

  it('lets only courier updates send out_for_delivery back to shipped (a failed attempt)', () => {
    expect(canMove('out_for_delivery', 'shipped', 'seller')).toBe(false);
    expect(canMove('out_for_delivery', 'shipped', 'delivery')).toBe(false);
    for (const source of ['webhook', 'sync', 'refresh'] as const) expect(canMove('out_for_delivery', 'shipped', source)).toBe(true);
    expect(canMove('delivered', 'shipped', 'webhook')).toBe(false);
  });
});
