/** Every change of a return from every status, over HTTP as the admin: what the table allows is 200, the rest 409 and nothing changes. */
import { beforeAll, describe, expect, it } from 'vitest';
import { admin } from '../support/fixtures.ts';
import { expectError } from '../parcels/parcel-helpers.ts';
import { bodyFor, changeReturn, deliveredOrder, itemViews, returnAt, sharedDeliveryPerson, type DeliveredOrder, type ReturnChange, type ReturnStatus } from './return-helpers.ts';

const STATUSES: ReturnStatus[] = ['requested', 'approved', 'declined', 'picked_up', 'returned'];
const CHANGES: ReturnChange[] = ['approve', 'decline', 'assign', 'pickup', 'receive'];
/** API.md's moves, written out (assign keeps the status). */
const ALLOWED: Record<ReturnChange, Partial<Record<ReturnStatus, ReturnStatus>>> = {
  approve: { requested: 'approved' },
  decline: { requested: 'declined' },
  assign: { approved: 'approved' },
  pickup: { approved: 'picked_up' },
  receive: { approved: 'returned', picked_up: 'returned' },
};

describe('every return change from every status (admin)', () => {
  let order: DeliveredOrder;
  let deliveryPersonId: string;
  beforeAll(async () => {
    order = await deliveredOrder(Array.from({ length: STATUSES.length * CHANGES.length }, () => ({})));
    deliveryPersonId = await sharedDeliveryPerson();
  });

  const cases = STATUSES.flatMap((from, i) => CHANGES.map((change, j) => [change, from, ALLOWED[change][from] ?? 'refused', i * CHANGES.length + j] as const));
  it.each(cases)('%s from %s → %s', async (change, from, expected, slot) => {
    const itemId = order.itemIds[slot]!;
    const { ret } = await returnAt(from, order, itemId);
    const before = await itemViews(order, itemId);
    const response = await changeReturn(admin, ret.id, change, bodyFor(change, deliveryPersonId));
    if (expected === 'refused') {
      expectError(response, 409, 'CONFLICT');
      expect(response.body.error.message).toContain(`is ${from}`);
      expect((await admin.get(`/returns/${ret.id}`)).body).toEqual(ret);
      expect(await itemViews(order, itemId)).toEqual(before);
      return;
    }
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.status).toBe(expected);
    expect(response.body.events).toHaveLength(ret.events.length + 1);
    const after = await itemViews(order, itemId);
    expect(after.order.returnStatus).toBe(expected);
    expect(after.parcel.returnStatus).toBe(expected);
    expect(after.order.status).toBe(expected === 'returned' ? 'returned' : 'delivered');
  });
});

describe('bodies of the changes', () => {
  it('decline needs a reason (1-500 characters); notes are at most 500 characters', async () => {
    const { ret } = await returnAt('requested');
    expectError(await changeReturn(admin, ret.id, 'decline', {}), 400, 'VALIDATION_FAILED', 'reason');
    expectError(await changeReturn(admin, ret.id, 'decline', { reason: '  ' }), 400, 'VALIDATION_FAILED', 'reason');
    expectError(await changeReturn(admin, ret.id, 'approve', { note: 'x'.repeat(501) }), 400, 'VALIDATION_FAILED', 'note');
    expect((await admin.get(`/returns/${ret.id}`)).body.status).toBe('requested');
  });

  it('assign names an existing active delivery person, and only while approved', async () => {
    const { ret } = await returnAt('approved');
    expectError(await changeReturn(admin, ret.id, 'assign', { deliveryPersonId: 'nobody-here' }), 400, 'VALIDATION_FAILED', 'deliveryPersonId');
    expectError(await changeReturn(admin, ret.id, 'assign', {}), 400, 'VALIDATION_FAILED', 'deliveryPersonId');
    expect((await admin.get(`/returns/${ret.id}`)).body.deliveryPersonId).toBeNull();
  });

  it('an unknown return is a 404 for every change', async () => {
    for (const change of CHANGES) expectError(await changeReturn(admin, 'no-such-return', change, bodyFor(change, await sharedDeliveryPerson())), 404, 'NOT_FOUND');
  });
});
