import { describe, expect, it } from 'vitest';
import { canMove, PARCEL_STATUSES, type EventSource } from '../../functions/domain/parcels/parcel-status.ts';
import { ALLOWED_MOVES as allowed, type Status } from '../support/api-md-status-table.ts';

const PEOPLE: readonly EventSource[] = ['seller', 'admin', 'delivery', 'system'];
const COURIER: readonly EventSource[] = ['webhook', 'sync', 'refresh'];

/** API.md: courier updates "may skip forward along this table" — anything reachable by allowed moves. */
function reachable(from: Status): Set<Status> {
  const seen = new Set<Status>();
  const pending = [...allowed[from]];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (!seen.has(next)) {
      seen.add(next);
      pending.push(...allowed[next]);
    }
  }
  return seen;
}

describe('parcel state machine', () => {
  for (const from of PARCEL_STATUSES) {
    for (const to of PARCEL_STATUSES) {
      const expected = allowed[from].includes(to);
      it(`${from} → ${to}: ${expected ? 'allowed' : 'refused'} for sellers`, () => {
        expect(canMove(from, to, 'seller')).toBe(expected);
      });
    }
  }

  it('gives every person (seller, admin, delivery, system) exactly the one-step moves of the table', () => {
    for (const source of PEOPLE) {
      for (const from of PARCEL_STATUSES) for (const to of PARCEL_STATUSES) expect(canMove(from, to, source), `${source} ${from}→${to}`).toBe(allowed[from].includes(to));
    }
  });

  it('lets courier updates (webhook, sync, refresh) skip forward along the table, and nothing backwards but a failed attempt', () => {
    for (const source of COURIER) {
      for (const from of PARCEL_STATUSES) {
        for (const to of PARCEL_STATUSES) {
          const expected = reachable(from).has(to) || (from === 'out_for_delivery' && to === 'shipped');
          expect(canMove(from, to, source), `${source} ${from}→${to}`).toBe(expected);
        }
      }
    }
    expect(canMove('processed', 'delivered', 'webhook')).toBe(true);
    expect(canMove('received', 'rto_delivered', 'sync')).toBe(true);
    expect(canMove('delivered', 'shipped', 'webhook')).toBe(false);
    expect(canMove('rto', 'delivered', 'refresh')).toBe(false);
  });

  it('lets only courier updates send out_for_delivery back to shipped (a failed attempt)', () => {
    expect(canMove('out_for_delivery', 'shipped', 'seller')).toBe(false);
    expect(canMove('out_for_delivery', 'shipped', 'delivery')).toBe(false);
    for (const source of COURIER) expect(canMove('out_for_delivery', 'shipped', source)).toBe(true);
    expect(canMove('delivered', 'shipped', 'webhook')).toBe(false);
  });
});
