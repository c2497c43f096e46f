import { beforeAll, describe, expect, it } from 'vitest';
import { as } from '../support/api-client.ts';
import { addDeliveryPerson, admin, uniqueId } from '../support/fixtures.ts';
import {
  ALLOWED_MOVES,
  expectError,
  listedItemsById,
  NEEDS_DELIVERY_PERSON,
  parcelAt,
  setStatus,
  STATUSES,
  storedItemsById,
  viewParcel,
  type ParcelFixture,
  type Status,
} from './parcel-helpers.ts';

let deliveryPersonId: string;
beforeAll(async () => {
  deliveryPersonId = await addDeliveryPerson();
});

/** The parcel (view, stored items, listed items) is still exactly as `before`. */
async function expectUnchanged({ parcel, order }: ParcelFixture) {
  const view = await viewParcel(parcel.id);
  expect(view).toMatchObject({ status: parcel.status, deliveryPersonId: parcel.deliveryPersonId, updatedAt: parcel.updatedAt });
  expect(view.events).toEqual(parcel.events);
  const stored = await storedItemsById(order.id);
  for (const item of parcel.items) expect(stored.get(item.id)).toMatchObject({ parcelId: parcel.id, status: parcel.status });
}

describe('every (from, to) pair of the status table, as the seller', () => {
  it.concurrent.each(STATUSES)('from %s', async (from) => {
    await Promise.all(
      STATUSES.map(async (to) => {
        const fixture = await parcelAt(from, { deliveryPersonId });
        const { seller, parcel, order } = fixture;
        const assign = NEEDS_DELIVERY_PERSON.includes(to) && !parcel.deliveryPersonId ? deliveryPersonId : undefined;

        const response = await setStatus(seller, parcel.id, to, assign);

        const label = `${from} → ${to}: ${JSON.stringify(response.body)}`;
        if (!ALLOWED_MOVES[from].includes(to)) {
          expect(response.status, label).toBe(409);
          expectError(response, 409, 'CONFLICT');
          await expectUnchanged(fixture);
          return;
        }
        expect(response.status, label).toBe(200);
        expect(response.body).toMatchObject({ id: parcel.id, status: to, shippingMethod: 'local' });
        expect(response.body.events.slice(0, -1), label).toEqual(parcel.events);
        expect(response.body.events.at(-1), label).toMatchObject({ status: to, source: 'seller', actor: seller.sub });

        const view = await viewParcel(parcel.id);
        expect(view.status, label).toBe(to);
        expect(view.events, label).toEqual(response.body.events);
        const listed = await listedItemsById(order.id);
        const stored = await storedItemsById(order.id);
        for (const item of parcel.items) {
          for (const seen of [listed.get(item.id), stored.get(item.id)]) {
            expect(seen, label).toMatchObject({ status: to, parcelId: parcel.id });
            if (to === 'delivered') expect(seen?.deliveredAt, label).toEqual(expect.any(String));
            else expect(seen?.deliveredAt ?? null, label).toBeNull();
          }
        }
        for (const item of view.items) expect(item, label).toMatchObject({ status: to, parcelId: parcel.id });
      }),
    );
  });

  it('out_for_delivery → shipped is for courier updates only: 409 for the seller and the admin', async () => {
    const fixture = await parcelAt('out_for_delivery', { deliveryPersonId });
    expectError(await setStatus(fixture.seller, fixture.parcel.id, 'shipped'), 409, 'CONFLICT');
    expectError(await setStatus(admin, fixture.parcel.id, 'shipped'), 409, 'CONFLICT');
    await expectUnchanged(fixture);
  });
});

describe('deliveryPersonId', () => {
  it.each(['received', 'processed'] as const)('is required to ship a %s parcel that has none: 400 path deliveryPersonId, nothing changed', async (from) => {
    const fixture = await parcelAt(from);
    expectError(await setStatus(fixture.seller, fixture.parcel.id, 'shipped'), 400, 'VALIDATION_FAILED', 'deliveryPersonId');
    await expectUnchanged(fixture);
  });

  it('must name a known delivery person: unknown → 400 path deliveryPersonId, nothing changed', async () => {
    const fixture = await parcelAt('received');
    expectError(await setStatus(fixture.seller, fixture.parcel.id, 'shipped', uniqueId('no-such-dp')), 400, 'VALIDATION_FAILED', 'deliveryPersonId');
    await expectUnchanged(fixture);
  });

  it.each(['processed', 'cancelled'] as const)('is not needed for %s', async (to) => {
    const { seller, parcel } = await parcelAt('received');
    const response = await setStatus(seller, parcel.id, to);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({ status: to, deliveryPersonId: null });
  });

  it('is kept once set: later moves need not repeat it', async () => {
    const { seller, parcel } = await parcelAt('shipped', { deliveryPersonId });
    expect(parcel.deliveryPersonId).toBe(deliveryPersonId);
    const response = await setStatus(seller, parcel.id, 'out_for_delivery');
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.deliveryPersonId).toBe(deliveryPersonId);
  });
});

it('appends one event per change with its status, source and actor', async () => {
  const courier = as('delivery', deliveryPersonId);
  const { seller, parcel } = await parcelAt('received');
  const steps: [typeof seller, Status, string?][] = [
    [seller, 'processed'],
    [admin, 'shipped', deliveryPersonId],
    [courier, 'out_for_delivery'],
    [courier, 'delivered'],
  ];
  for (const [caller, status, assign] of steps) {
    const response = await setStatus(caller, parcel.id, status, assign);
    expect(response.status, `${caller.role} → ${status}: ${JSON.stringify(response.body)}`).toBe(200);
  }
  const view = await viewParcel(parcel.id);
  expect(view.events.map(({ status, source, actor, note }) => ({ status, source, actor, note }))).toEqual([
    { status: 'received', source: 'seller', actor: seller.sub, note: null },
    { status: 'processed', source: 'seller', actor: seller.sub, note: null },
    { status: 'shipped', source: 'admin', actor: admin.sub, note: null },
    { status: 'out_for_delivery', source: 'delivery', actor: deliveryPersonId, note: null },
    { status: 'delivered', source: 'delivery', actor: deliveryPersonId, note: null },
  ]);
  const times = view.events.map((event) => event.at);
  expect([...times].sort()).toEqual(times);
});

describe('the delivery role', () => {
  it('the assigned person may move shipped → out_for_delivery → delivered', async () => {
    const { parcel, order } = await parcelAt('shipped', { deliveryPersonId });
    const courier = as('delivery', deliveryPersonId);
    expect((await setStatus(courier, parcel.id, 'out_for_delivery')).status).toBe(200);
    const delivered = await setStatus(courier, parcel.id, 'delivered');
    expect(delivered.status, JSON.stringify(delivered.body)).toBe(200);
    const stored = await storedItemsById(order.id);
    for (const item of parcel.items) expect(stored.get(item.id)).toMatchObject({ status: 'delivered', deliveredAt: expect.any(String) });
  });

  it('the assigned person may deliver straight from shipped', async () => {
    const { parcel } = await parcelAt('shipped', { deliveryPersonId });
    const response = await setStatus(as('delivery', deliveryPersonId), parcel.id, 'delivered');
    expect(response.status, JSON.stringify(response.body)).toBe(200);
  });

  it.each(['received', 'processed', 'shipped', 'cancelled', 'rto', 'rto_delivered'] as const)('setting %s → 403, nothing changed', async (to) => {
    const fixture = await parcelAt('out_for_delivery', { deliveryPersonId });
    expectError(await setStatus(as('delivery', deliveryPersonId), fixture.parcel.id, to), 403, 'FORBIDDEN');
    await expectUnchanged(fixture);
  });

  it('a move the table forbids → 409 even for the assigned person', async () => {
    const fixture = await parcelAt('delivered', { deliveryPersonId });
    expectError(await setStatus(as('delivery', deliveryPersonId), fixture.parcel.id, 'out_for_delivery'), 409, 'CONFLICT');
    await expectUnchanged(fixture);
  });

  it('a person the parcel is not assigned to → 404, nothing changed', async () => {
    const stranger = as('delivery', await addDeliveryPerson());
    const assigned = await parcelAt('shipped', { deliveryPersonId });
    const unassigned = await parcelAt('processed');
    expectError(await setStatus(stranger, assigned.parcel.id, 'out_for_delivery'), 404, 'NOT_FOUND');
    expectError(await setStatus(stranger, assigned.parcel.id, 'rto'), 404, 'NOT_FOUND');
    expectError(await setStatus(as('delivery', deliveryPersonId), unassigned.parcel.id, 'out_for_delivery'), 404, 'NOT_FOUND');
    await expectUnchanged(assigned);
    await expectUnchanged(unassigned);
  });
});
