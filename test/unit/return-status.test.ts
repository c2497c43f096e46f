import { describe, expect, it } from 'vitest';
import { allowedChange, type ReturnChange } from '../../functions/domain/returns/return-status.ts';
import { RETURN_STATUSES, type ReturnEventSource, type ReturnStatus } from '../../functions/domain/returns/return-types.ts';

/** The table, written out: change → (from → to) and who may make it. */
const EXPECTED: Record<ReturnChange, { moves: Partial<Record<ReturnStatus, ReturnStatus>>; by: ReturnEventSource[] }> = {
  approve: { moves: { requested: 'approved' }, by: ['admin'] },
  decline: { moves: { requested: 'declined' }, by: ['admin'] },
  assign: { moves: { approved: 'approved' }, by: ['admin'] },
  pickup: { moves: { approved: 'picked_up' }, by: ['admin', 'delivery'] },
  receive: { moves: { approved: 'returned', picked_up: 'returned' }, by: ['admin'] },
};
const SOURCES: ReturnEventSource[] = ['customer', 'admin', 'delivery'];

const cases = (Object.keys(EXPECTED) as ReturnChange[]).flatMap((change) =>
  RETURN_STATUSES.flatMap((from) => SOURCES.map((by) => [change, from, by, EXPECTED[change].by.includes(by) ? EXPECTED[change].moves[from] : undefined] as const)),
);

describe('the return state machine: every change × status × role', () => {
  it.each(cases)('%s from %s by %s → %s', (change, from, by, to) => {
    expect(allowedChange(change, from, by)).toBe(to);
  });

  it('declined and returned are final: nothing moves them', () => {
    for (const change of Object.keys(EXPECTED) as ReturnChange[]) for (const by of SOURCES) {
      expect(allowedChange(change, 'declined', by)).toBeUndefined();
      expect(allowedChange(change, 'returned', by)).toBeUndefined();
    }
  });
});
