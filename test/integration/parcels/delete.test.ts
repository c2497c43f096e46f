import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { as } from '../support/api-client.ts';
import { addDeliveryPerson, admin } from '../support/fixtures.ts';
import { tableClient } from '../support/table.ts';
import { expectError, listedItemsById, listIds, parcelAt, setStatus, storedItemsById, viewParcel, type Status } from './parcel-helpers.ts';

let deliveryPersonId: string;
beforeAll(async () => {
  deliveryPersonId = await addDeliveryPerson();
});

describe('DELETE /parcels/{id}', () => {
  it.each(['received', 'processed'] as const)('deletes a %s parcel: 204, then 404 everywhere, items released and re-parcellable', async (status) => {
    const { seller, parcel, order, customerId } = await parcelAt(status, { count: 2 });
    const itemIds = parcel.items.map((item) => item.id);

    const response = await seller.delete(`/parcels/${parcel.id}`);

    expect(response.status, JSON.stringify(response.body)).toBe(204);
    expect(response.body).toBeUndefined();
    expectError(await seller.get(`/parcels/${parcel.id}`), 404, 'NOT_FOUND');
    expectError(await admin.get(`/parcels/${parcel.id}`), 404, 'NOT_FOUND');
    expectError(await setStatus(seller, parcel.id, 'processed'), 404, 'NOT_FOUND');
    expectError(await seller.delete(`/parcels/${parcel.id}`), 404, 'NOT_FOUND');
    expect(await listIds(seller)).toEqual([]);
    expect(await listIds(as('customer', customerId))).toEqual([]);
    expect(await listIds(admin, `?sellerId=${seller.sub}`)).toEqual([]);

    const listed = await listedItemsById(order.id);
    const stored = await storedItemsById(order.id);
    for (const id of itemIds) {
      expect(listed.get(id)).toMatchObject({ parcelId: null, status: 'received' });
      expect(stored.get(id)?.parcelId).toBeUndefined();
      expect(stored.get(id)?.status).toBe('received');
    }
    const unparcelled = await seller.get(`/order-items?orderId=${order.id}&unparcelled=true`);
    expect(unparcelled.body.items.map((item: { id: string }) => item.id).sort()).toEqual([...itemIds].sort());

    // The tombstone stays for audit, out of every view.
    const tombstone = await tableClient.send(new GetCommand({ TableName: inject('tableName'), Key: { pk: `PARCEL#${parcel.id}`, sk: 'PARCEL' }, ConsistentRead: true }));
    expect(tombstone.Item).toMatchObject({ deletedAt: expect.any(String), deletedBy: seller.sub });

    const again = await seller.post('/parcels', { orderId: order.id, itemIds });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body.id).not.toBe(parcel.id);
    expect((await viewParcel(again.body.id)).items.map((item) => item.id).sort()).toEqual([...itemIds].sort());
    expect(await listIds(seller)).toEqual([again.body.id]);
  });

  it('the admin may delete any seller’s parcel', async () => {
    const { seller, parcel, order } = await parcelAt('received');
    expect((await admin.delete(`/parcels/${parcel.id}`)).status).toBe(204);
    expectError(await seller.get(`/parcels/${parcel.id}`), 404, 'NOT_FOUND');
    expect((await storedItemsById(order.id)).get(parcel.items[0]!.id)?.parcelId).toBeUndefined();
  });

  const notDeletable: Status[] = ['shipped', 'out_for_delivery', 'delivered', 'cancelled', 'rto', 'rto_delivered'];
  it.each(notDeletable)('refuses a %s parcel: 409, parcel and items unchanged', async (status) => {
    const { seller, parcel, order } = await parcelAt(status, { deliveryPersonId });

    expectError(await seller.delete(`/parcels/${parcel.id}`), 409, 'CONFLICT');
    expectError(await admin.delete(`/parcels/${parcel.id}`), 409, 'CONFLICT');

    const view = await viewParcel(parcel.id);
    expect(view.status).toBe(status);
    expect(view.events).toEqual(parcel.events);
    const stored = await storedItemsById(order.id);
    for (const item of parcel.items) expect(stored.get(item.id)).toMatchObject({ parcelId: parcel.id, status });
    expect(await listIds(seller)).toEqual([parcel.id]);
  });
});
