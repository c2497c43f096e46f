import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { call } from '../support/api-client.ts';
import { listIds, newSeller, orderOf, statusCodes, storedItemsById } from './parcel-helpers.ts';

const createWithKey = async (token: string, key: string, body: unknown) => call('POST', '/parcels', { token, body, headers: { 'idempotency-key': key } });

describe('POST /parcels with an Idempotency-Key', () => {
  it('answers a retry with the parcel the first request made (201, marked as a replay), never a second parcel or a 409', async () => {
    const seller = newSeller();
    const order = await orderOf(seller.sub, 2);
    const body = { orderId: order.id, itemIds: order.items.map((item) => item.id) };
    const key = randomUUID();

    const first = await createWithKey(await seller.token, key, body);
    const retry = await createWithKey(await seller.token, key, body);

    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await listIds(seller)).toEqual([first.body.id]);
  });

  it('refuses the same key with another body (409) and leaves the items alone', async () => {
    const seller = newSeller();
    const order = await orderOf(seller.sub, 2);
    const [one, two] = order.items.map((item) => item.id) as [string, string];
    const key = randomUUID();
    expect((await createWithKey(await seller.token, key, { orderId: order.id, itemIds: [one] })).status).toBe(201);

    const other = await createWithKey(await seller.token, key, { orderId: order.id, itemIds: [two] });

    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('CONFLICT');
    expect(other.body.error.message).toMatch(/Idempotency-Key/);
    expect((await storedItemsById(order.id)).get(two)?.parcelId).toBeUndefined();
  });

  it('keeps keys per seller: another seller using the same key gets its own parcel', async () => {
    const [alice, bob] = [newSeller(), newSeller()];
    const key = randomUUID();
    const [aliceOrder, bobOrder] = await Promise.all([orderOf(alice.sub, 1), orderOf(bob.sub, 1)]);
    const forAlice = await createWithKey(await alice.token, key, { orderId: aliceOrder.id, itemIds: [aliceOrder.items[0]!.id] });
    const forBob = await createWithKey(await bob.token, key, { orderId: bobOrder.id, itemIds: [bobOrder.items[0]!.id] });
    expect([forAlice.status, forBob.status]).toEqual([201, 201]);
    expect(forBob.body.id).not.toBe(forAlice.body.id);
  });

  it('10 concurrent requests with one key make exactly one parcel; each answers it or a retryable 409', async () => {
    const seller = newSeller();
    const order = await orderOf(seller.sub, 3);
    const body = { orderId: order.id, itemIds: order.items.map((item) => item.id) };
    const key = randomUUID();
    const token = await seller.token;

    const responses = await Promise.all(Array.from({ length: 10 }, () => createWithKey(token, key, body)));

    const created = responses.filter((response) => response.status === 201);
    // Two racing inside one DynamoDB transaction may get the retryable "changing right now" 409.
    expect(statusCodes(responses).filter((status) => status !== 201 && status !== 409), JSON.stringify(responses.map((r) => r.body))).toEqual([]);
    expect(new Set(created.map((response) => response.body.id)).size).toBe(1);
    expect(await listIds(seller)).toEqual([created[0]!.body.id]);
    const retry = await createWithKey(token, key, body);
    expect([retry.status, retry.body.id]).toEqual([201, created[0]!.body.id]);
  });

  it('replays a failed create as the same failure: items taken by another parcel stay a 409', async () => {
    const seller = newSeller();
    const order = await orderOf(seller.sub, 1);
    const body = { orderId: order.id, itemIds: [order.items[0]!.id] };
    expect((await seller.post('/parcels', body)).status).toBe(201);
    const key = randomUUID();
    expect((await createWithKey(await seller.token, key, body)).status).toBe(409);
    expect((await createWithKey(await seller.token, key, body)).status).toBe(409);
  });

  it.each([['with a space'], ['x'.repeat(256)], ['tab\tinside']])('refuses a malformed key %j with 400 BAD_REQUEST', async (key) => {
    const seller = newSeller();
    const order = await orderOf(seller.sub, 1);
    const response = await call('POST', '/parcels', {
      token: await seller.token,
      body: { orderId: order.id, itemIds: [order.items[0]!.id] },
      headers: { 'idempotency-key': key },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('BAD_REQUEST');
  });
});
