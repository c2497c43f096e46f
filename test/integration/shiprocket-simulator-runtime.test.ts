import { describe, expect, inject, it } from 'vitest';
import { anOrder, clientOf } from '../unit/shiprocket-simulator-support.ts';
import { admin } from './support/fixtures.ts';

/**
 * The local runtime's Shiprocket simulator: the handlers' SHIPROCKET_BASE_URL points at it, and it
 * learns each seller profile's pickup location from PUT /sellers/{sellerId}. The simulator is
 * shared by every test file: nothing here resets it or queues faults.
 */
const simulator = { url: inject('shiprocketUrl'), controlUrl: inject('shiprocketControlUrl') };
const pickupNames = async (client: ReturnType<typeof clientOf>) =>
  (await client.control('GET', '/pickup-locations')).body.pickupLocations.map((location: { name: string }) => location.name) as string[];

const profile = (pickupLocation?: string) => ({
  name: 'Lakshmi Pillai',
  storeName: 'Coir Corner',
  address: { name: 'Coir Corner', phone: '+91 90000 77777', line1: '21 Beach Road', city: 'Alappuzha', state: 'Kerala', postalCode: '688012', country: 'India' },
  pickupLocation,
});

describe('the runtime\'s Shiprocket simulator', () => {
  it('answers under /v1/external with the local API user, and starts with Primary', async () => {
    expect(simulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\/external$/);
    expect(simulator.controlUrl).toMatch(/\/__sim$/);
    const client = clientOf(simulator);
    expect((await client.login()).status).toBe(200);
    expect(await pickupNames(client)).toContain('Primary');
  });

  it('learns the pickup location of a seller profile saved through the API, with its address', async () => {
    const client = clientOf(simulator);
    await client.login();
    const nickname = `Coir-${Date.now().toString(36)}`;
    const sellerId = `seller-${nickname.toLowerCase()}`;
    expect((await client.api('POST', '/orders/create/adhoc', anOrder({ pickup_location: nickname }))).status).toBe(422);

    expect((await admin.put(`/sellers/${sellerId}`, profile(nickname))).status).toBe(201);
    const learned = (await client.control('GET', '/pickup-locations')).body.pickupLocations.find((location: { name: string }) => location.name === nickname);
    expect(learned).toMatchObject({ city: 'Alappuzha', state: 'Kerala', pinCode: '688012', address: '21 Beach Road' });
    expect((await client.api('POST', '/orders/create/adhoc', anOrder({ pickup_location: nickname }))).status).toBe(200);
  });

  it('learns nothing from a refused or pickup-less profile', async () => {
    const client = clientOf(simulator);
    const nickname = `Refused-${Date.now().toString(36)}`;
    expect((await admin.put(`/sellers/refused-${nickname}`, { ...profile(nickname), storeName: '' })).status).toBe(400);
    expect((await admin.put(`/sellers/no-pickup-${nickname}`, profile())).status).toBe(201);
    expect(await pickupNames(client)).not.toContain(nickname);
  });
});
