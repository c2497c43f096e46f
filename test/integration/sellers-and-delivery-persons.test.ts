import { describe, expect, it } from 'vitest';
import { as } from './support/api-client.ts';
import { address, admin, storefront, uniqueId } from './support/fixtures.ts';

const profile = { name: 'Meera Iyer', storeName: 'Aurora Weaves', gstin: '29ABCDE1234F1Z5', address, pickupLocation: 'Primary' };

describe('sellers', () => {
  it('creates (201) then replaces (200) a profile', async () => {
    const id = uniqueId('seller');
    const created = await storefront.put(`/sellers/${id}`, profile);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id, gstin: '29ABCDE1234F1Z5', pickupLocation: 'Primary' });
    const replaced = await admin.put(`/sellers/${id}`, { ...profile, gstin: undefined, pickupLocation: undefined, storeName: 'Aurora' });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ storeName: 'Aurora', gstin: null, pickupLocation: null });
    expect((await as('seller', id).get(`/sellers/${id}`)).body.storeName).toBe('Aurora');
  });

  it('hides one seller from another and refuses sellers writing profiles', async () => {
    const id = uniqueId('seller');
    await admin.put(`/sellers/${id}`, profile);
    expect((await as('seller', 'someone-else').get(`/sellers/${id}`)).status).toBe(404);
    expect((await as('seller', id).put(`/sellers/${id}`, profile)).status).toBe(403);
    expect((await admin.get(`/sellers/${uniqueId('seller')}`)).status).toBe(404);
  });

  it('names every bad field', async () => {
    const response = await admin.put(`/sellers/${uniqueId('seller')}`, { name: '', gstin: 'nope', address: { ...address, postalCode: '!' } });
    expect(response.status).toBe(400);
    expect(response.body.error.details.map((detail: { path: string }) => detail.path).sort()).toEqual(['address.postalCode', 'gstin', 'name', 'storeName']);
  });
});

describe('delivery persons', () => {
  it('are created by the admin and listed for sellers', async () => {
    const created = await admin.post('/delivery-persons', { name: 'Meena Das', phone: '+91 90000 22222' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.stringMatching(/^[0-9A-Z]{26}$/), name: 'Meena Das', phone: '+91 90000 22222', active: true });
    const list = await as('seller', 's').get('/delivery-persons?limit=100');
    expect(list.status).toBe(200);
    expect(list.body.items).toContainEqual(created.body);
  });

  it('are listed newest first, whatever their ids', async () => {
    const later = uniqueId('aa');
    const earlier = uniqueId('zz');
    await admin.post('/delivery-persons', { id: earlier, name: 'First', phone: '+91 90000 55555' });
    await admin.post('/delivery-persons', { id: later, name: 'Second', phone: '+91 90000 66666' });
    const ids = (await admin.get('/delivery-persons?limit=100')).body.items.map((person: { id: string }) => person.id);
    expect(ids.indexOf(later)).toBeLessThan(ids.indexOf(earlier));
  });

  it('take a given id once (e.g. the identity provider\'s sub)', async () => {
    const id = uniqueId('dp');
    expect((await admin.post('/delivery-persons', { id, name: 'A', phone: '+91 90000 33333' })).status).toBe(201);
    expect((await admin.post('/delivery-persons', { id, name: 'B', phone: '+91 90000 44444' })).status).toBe(409);
  });

  it('cannot be created by sellers or listed by customers', async () => {
    expect((await as('seller', 's').post('/delivery-persons', { name: 'A', phone: '+91 90000 33333' })).status).toBe(403);
    expect((await as('customer', 'c').get('/delivery-persons')).status).toBe(403);
  });
});
