/** Races settled by the transaction's conditions: two requests for one item, approve against decline. */
import { describe, expect, it } from 'vitest';
import { admin } from '../support/fixtures.ts';
import { statusCodes } from '../parcels/parcel-helpers.ts';
import { askReturn, changeReturn, deliveredOrder, itemViews, returnAt } from './return-helpers.ts';

describe('races', () => {
  it('two concurrent requests for one item: one 201, one 409, one return stored', async () => {
    const delivered = await deliveredOrder([{}, {}, {}]);
    for (const itemId of delivered.itemIds) {
      const responses = await Promise.all([1, 2].map((n) => askReturn(delivered.customer, { orderItemId: itemId, reason: `Attempt ${n}` })));
      expect(statusCodes(responses)).toEqual([201, 409]);
    }
    const listed = await delivered.customer.get('/returns?limit=100');
    expect(listed.body.items.map((ret: { orderItemId: string }) => ret.orderItemId).sort()).toEqual([...delivered.itemIds].sort());
  });

  it('approve against decline: exactly one wins, and the item and parcel show the winner', async () => {
    const delivered = await deliveredOrder([{}, {}, {}]);
    for (const itemId of delivered.itemIds) {
      const { ret } = await returnAt('requested', delivered, itemId);
      const [approve, decline] = await Promise.all([changeReturn(admin, ret.id, 'approve'), changeReturn(admin, ret.id, 'decline', { reason: 'No' })]);
      expect(statusCodes([approve, decline])).toEqual([200, 409]);
      const winner = approve.status === 200 ? 'approved' : 'declined';
      const stored = await admin.get(`/returns/${ret.id}`);
      expect(stored.body.status).toBe(winner);
      expect(stored.body.events).toHaveLength(2);
      const views = await itemViews(delivered, itemId);
      expect([views.order.returnStatus, views.parcel.returnStatus]).toEqual([winner, winner]);
    }
  });
});
