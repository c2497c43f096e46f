/** POST /returns: each rule refused with a message that names it (404 for what is not the customer's), and the return window end to end. */
import { describe, expect, it } from 'vitest';
import { as } from '../support/api-client.ts';
import { itemInput, placeOrder, uniqueId } from '../support/fixtures.ts';
import { expectError, parcelAt } from '../parcels/parcel-helpers.ts';
import { askReturn, deliveredOrder, itemViews, requestedReturn, setDeliveredAt, sharedDeliveryPerson } from './return-helpers.ts';

const DAY_MS = 24 * 3600_000;
const reason = 'Does not fit';

describe('who may ask, and for which item', () => {
  it('another customer\'s item and an unknown item are 404; the item stays untouched', async () => {
    const delivered = await deliveredOrder();
    expectError(await askReturn(as('customer', uniqueId('customer')), { orderItemId: delivered.itemIds[0], reason }), 404, 'NOT_FOUND');
    expectError(await askReturn(as('customer', uniqueId('customer')), { orderItemId: delivered.itemIds[0], orderId: delivered.orderId, reason }), 404, 'NOT_FOUND');
    expectError(await askReturn(delivered.customer, { orderItemId: 'no-such-item', reason }), 404, 'NOT_FOUND');
    expectError(await askReturn(delivered.customer, { orderItemId: delivered.itemIds[0], orderId: 'no-such-order', reason }), 404, 'NOT_FOUND');
    expect((await itemViews(delivered)).order.returnStatus).toBeNull();
  });

  it('a reason is required (1-500 characters)', async () => {
    const delivered = await deliveredOrder();
    expectError(await askReturn(delivered.customer, { orderItemId: delivered.itemIds[0] }), 400, 'VALIDATION_FAILED', 'reason');
    expectError(await askReturn(delivered.customer, { orderItemId: delivered.itemIds[0], reason: 'x'.repeat(501) }), 400, 'VALIDATION_FAILED', 'reason');
  });
});

describe('each rule is a 409 naming it', () => {
  it('delivered: an item not yet in a parcel, and one in a shipped parcel', async () => {
    const customerId = uniqueId('customer');
    const waiting = await placeOrder(customerId, [itemInput(uniqueId('seller'))]);
    const refused = await askReturn(as('customer', customerId), { orderItemId: waiting.items[0]!.id, reason });
    expectError(refused, 409, 'CONFLICT');
    expect(refused.body.error.message).toMatch(/Rule "delivered".*received/);

    const shipped = await parcelAt('shipped', { deliveryPersonId: await sharedDeliveryPerson(), customerId });
    const inTransit = await askReturn(as('customer', customerId), { orderItemId: shipped.order.items[0]!.id, orderId: shipped.order.id, reason });
    expectError(inTransit, 409, 'CONFLICT');
    expect(inTransit.body.error.message).toMatch(/Rule "delivered".*shipped/);
  });

  it('returnable: an item sold as not returnable', async () => {
    const delivered = await deliveredOrder([{ returnable: false }]);
    const refused = await askReturn(delivered.customer, { orderItemId: delivered.itemIds[0], reason });
    expectError(refused, 409, 'CONFLICT');
    expect(refused.body.error.message).toMatch(/Rule "returnable"/);
  });

  it('no open request: a second request while the first is open; a returned item cannot be asked again either', async () => {
    const delivered = await deliveredOrder();
    await requestedReturn(delivered);
    const second = await askReturn(delivered.customer, { orderItemId: delivered.itemIds[0], reason });
    expectError(second, 409, 'CONFLICT');
    expect(second.body.error.message).toMatch(/Rule "no open request"/);
  });
});

describe('the return window, end to end (deliveredAt moved in DynamoDB Local)', () => {
  it('delivered 7 days ago with a 7-day window: today is the last day, accepted', async () => {
    const delivered = await deliveredOrder();
    await setDeliveredAt(delivered.orderId, 0, new Date(Date.now() - 7 * DAY_MS).toISOString());
    expect((await askReturn(delivered.customer, { orderItemId: delivered.itemIds[0], reason })).status).toBe(201);
  });

  it('delivered 8 days ago with a 7-day window: the last day was yesterday, refused naming the rule', async () => {
    const delivered = await deliveredOrder();
    await setDeliveredAt(delivered.orderId, 0, new Date(Date.now() - 8 * DAY_MS).toISOString());
    const refused = await askReturn(delivered.customer, { orderItemId: delivered.itemIds[0], reason });
    expectError(refused, 409, 'CONFLICT');
    expect(refused.body.error.message).toMatch(/Rule "return window"/);
    expect((await itemViews(delivered)).order.returnStatus).toBeNull();
  });

  it('a 0-day window: the day of delivery only', async () => {
    const delivered = await deliveredOrder([{ returnWindowDays: 0 }, { returnWindowDays: 0 }]);
    await setDeliveredAt(delivered.orderId, 1, new Date(Date.now() - DAY_MS).toISOString());
    expect((await askReturn(delivered.customer, { orderItemId: delivered.itemIds[0], reason })).status).toBe(201);
    expectError(await askReturn(delivered.customer, { orderItemId: delivered.itemIds[1], reason }), 409, 'CONFLICT');
  });
});
