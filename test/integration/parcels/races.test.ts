import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/api-client.ts';
import { addDeliveryPerson } from '../support/fixtures.ts';
import { listIds, newSeller, orderOf, parcelAt, setStatus, statusCodes, storedItemsById, viewParcel, type Status } from './parcel-helpers.ts';

const REPEATS = 10;
const repeat = <T>(run: (round: number) => Promise<T>) => Promise.all(Array.from({ length: REPEATS }, (_, round) => run(round)));

let deliveryPersonId: string;
beforeAll(async () => {
  deliveryPersonId = await addDeliveryPerson();
});

describe('racing creates', () => {
  it('20 concurrent POST /parcels for one item: exactly one 201, the rest 409, the item in the winning parcel only', async () => {
    const seller = newSeller();
    const order = await orderOf(seller.sub, 1);
    const itemId = order.items[0]!.id;
    const token = await seller.token;

    const responses = await Promise.all(
      Array.from({ length: 20 }, () => call('POST', '/parcels', { token, body: { orderId: order.id, itemIds: [itemId] } })),
    );

    expect(statusCodes(responses), JSON.stringify(responses.map((response) => response.body))).toEqual([201, ...Array(19).fill(409)]);
    const winner = responses.find((response) => response.status === 201)!.body;
    for (const loser of responses.filter((response) => response.status === 409)) expect(loser.body.error.code).toBe('CONFLICT');

    const stored = await storedItemsById(order.id);
    expect(stored.get(itemId)?.parcelId).toBe(winner.id);
    expect(await listIds(seller)).toEqual([winner.id]);
    expect((await viewParcel(winner.id)).items.map((item) => item.id)).toEqual([itemId]);
  });

  it('overlapping selections (1,2 vs 2,3): one wins, the loser gets 409 and none of its items are parcelled', async () => {
    await repeat(async () => {
      const seller = newSeller();
      const order = await orderOf(seller.sub, 3);
      const [one, two, three] = order.items.map((item) => item.id) as [string, string, string];
      const selections = [[one, two], [two, three]];

      const responses = await Promise.all(selections.map((itemIds) => seller.post('/parcels', { orderId: order.id, itemIds })));

      expect(statusCodes(responses), JSON.stringify(responses.map((response) => response.body))).toEqual([201, 409]);
      const winnerIndex = responses.findIndex((response) => response.status === 201);
      const winner = responses[winnerIndex]!.body;
      const stored = await storedItemsById(order.id);
      const expected = winnerIndex === 0 ? [winner.id, winner.id, undefined] : [undefined, winner.id, winner.id];
      expect([one, two, three].map((id) => stored.get(id)?.parcelId)).toEqual(expected);
      expect(await listIds(seller)).toEqual([winner.id]);
    });
  });
});

describe('racing changes of one parcel', () => {
  it('DELETE vs POST /status: exactly one succeeds, the other is refused, and the final state matches the winner', async () => {
    await repeat(async (round) => {
      const { seller, parcel, order } = await parcelAt('received');
      // Targets after which the parcel is no longer deletable, so in any order only one request may succeed.
      // With a delivery person the change reads more (and tends to lose); cancelling tends to win more often.
      const target: Status = round % 2 === 0 ? 'shipped' : 'cancelled';

      const [deleted, changed] = await Promise.all([
        seller.delete(`/parcels/${parcel.id}`),
        setStatus(seller, parcel.id, target, target === 'shipped' ? deliveryPersonId : undefined),
      ]);

      const stored = await storedItemsById(order.id);
      const view = await seller.get(`/parcels/${parcel.id}`);
      if (deleted.status === 204) {
        // The status change lost: 409 when it read the parcel before the delete landed, 404 when after (the parcel is gone).
        expect([409, 404], JSON.stringify(changed.body)).toContain(changed.status);
        expect(view.status).toBe(404);
        for (const item of parcel.items) expect(stored.get(item.id)).toMatchObject({ status: 'received' });
        for (const item of parcel.items) expect(stored.get(item.id)?.parcelId).toBeUndefined();
        return;
      }
      expect(changed.status, `delete ${deleted.status} ${JSON.stringify(deleted.body)}; status ${JSON.stringify(changed.body)}`).toBe(200);
      expect(deleted.status, JSON.stringify(deleted.body)).toBe(409);
      expect(view.status).toBe(200);
      expect(view.body).toMatchObject({ status: target });
      for (const item of parcel.items) expect(stored.get(item.id)).toMatchObject({ status: target, parcelId: parcel.id });
    });
  });

  const exclusivePairs: [Status, Status][] = [
    ['cancelled', 'shipped'],
    ['processed', 'processed'],
  ];
  it.each(exclusivePairs)('two status changes from received (%s, %s) at once: one wins, one 409, no lost update', async (first, second) => {
    // Whichever lands first, the other is not allowed from its result, so exactly one may succeed.
    await repeat(async () => {
      const { seller, parcel, order } = await parcelAt('received');
      const withPerson = (status: Status) => (status === 'shipped' ? deliveryPersonId : undefined);

      const responses = await Promise.all([first, second].map((status) => setStatus(seller, parcel.id, status, withPerson(status))));

      expect(statusCodes(responses), JSON.stringify(responses.map((response) => response.body))).toEqual([200, 409]);
      const winner = responses.find((response) => response.status === 200)!.body;
      const view = await viewParcel(parcel.id);
      expect(view.status).toBe(winner.status);
      expect(view.events.map((event) => event.status)).toEqual(['received', winner.status]);
      const stored = await storedItemsById(order.id);
      for (const item of parcel.items) expect(stored.get(item.id)?.status).toBe(winner.status);
    });
  });
});
