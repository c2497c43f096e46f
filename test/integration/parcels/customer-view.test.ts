import { beforeAll, describe, expect, it } from 'vitest';
import { as } from '../support/api-client.ts';
import { addDeliveryPerson, parcelFor } from '../support/fixtures.ts';
import { newSeller } from './parcel-helpers.ts';

let deliveryPersonId: string;
beforeAll(async () => {
  deliveryPersonId = await addDeliveryPerson();
});

describe('what each role sees of a parcel', () => {
  it('shows the customer what happened and when, without internal notes or staff and seller ids', async () => {
    const seller = newSeller();
    const { parcel, customerId } = await parcelFor(seller.sub);
    const shipped = await seller.post(`/parcels/${parcel.id}/status`, { status: 'shipped', deliveryPersonId, note: 'internal note: fragile, ask Ravi' });
    expect(shipped.status).toBe(200);
    const outForDelivery = await seller.post(`/parcels/${parcel.id}/status`, {
      status: 'out_for_delivery',
      note: 'Arriving between 4 and 6 pm',
      noteVisibleToCustomer: true,
    });
    expect(outForDelivery.status).toBe(200);

    const customer = as('customer', customerId);
    const viewed = await customer.get(`/parcels/${parcel.id}`);
    const listed = (await customer.get('/parcels')).body.items.find((entry: { id: string }) => entry.id === parcel.id);

    const expected = [
      { at: expect.any(String), status: 'received', source: 'seller', actor: null, note: null },
      { at: expect.any(String), status: 'shipped', source: 'seller', actor: null, note: null },
      { at: expect.any(String), status: 'out_for_delivery', source: 'seller', actor: null, note: 'Arriving between 4 and 6 pm' },
    ];
    expect(viewed.body.events).toEqual(expected);
    expect(listed.events).toEqual(expected);
    expect(JSON.stringify(viewed.body)).not.toContain('internal note');
  });

  it('shows staff every note and who wrote it', async () => {
    const seller = newSeller();
    const { parcel } = await parcelFor(seller.sub);
    await seller.post(`/parcels/${parcel.id}/status`, { status: 'processed', note: 'internal note: gift wrap' });
    for (const caller of [seller, as('admin', 'admin-1')]) {
      const view = await caller.get(`/parcels/${parcel.id}`);
      expect(view.body.events.at(-1)).toEqual({ at: expect.any(String), status: 'processed', source: 'seller', actor: seller.sub, note: 'internal note: gift wrap' });
    }
  });
});
