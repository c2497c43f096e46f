import { describe, expect, it } from 'vitest';
import { as } from '../support/api-client.ts';
import { addDeliveryPerson, parcelFor, uniqueId } from '../support/fixtures.ts';
import { listIds } from './parcel-helpers.ts';

describe('reassigning a parcel to another delivery person', () => {
  it('moves it out of the first person\'s reach at once (view, list, status) and into the second\'s', async () => {
    const sellerId = uniqueId('seller');
    const [first, second] = [await addDeliveryPerson(), await addDeliveryPerson()];
    const { parcel } = await parcelFor(sellerId);
    const seller = as('seller', sellerId);
    expect((await seller.post(`/parcels/${parcel.id}/status`, { status: 'shipped', deliveryPersonId: first })).status).toBe(200);
    expect((await as('delivery', first).get(`/parcels/${parcel.id}`)).status).toBe(200);

    const reassigned = await seller.post(`/parcels/${parcel.id}/status`, { status: 'out_for_delivery', deliveryPersonId: second });
    expect(reassigned.body.deliveryPersonId).toBe(second);

    expect((await as('delivery', first).get(`/parcels/${parcel.id}`)).status).toBe(404);
    expect(await listIds(as('delivery', first))).not.toContain(parcel.id);
    expect((await as('delivery', first).post(`/parcels/${parcel.id}/status`, { status: 'delivered' })).status).toBe(404);
    expect(await listIds(as('delivery', second))).toEqual([parcel.id]);
    expect((await as('delivery', second).post(`/parcels/${parcel.id}/status`, { status: 'delivered' })).status).toBe(200);
  });
});
