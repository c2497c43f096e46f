import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { as, call } from './support/api-client.ts';
import { admin, itemInput, orderInput, storefront } from './support/fixtures.ts';

const errorShape = (code: string) => ({ error: expect.objectContaining({ code, message: expect.any(String) }) });

describe("API.md's error table, on the foundation routes", () => {
  it('400 BAD_REQUEST: a body that is not JSON, a missing body, a malformed cursor', async () => {
    const token = await storefront.token;
    const notJson = await call('POST', '/orders', { token, rawBody: '{"customerId": ' });
    expect(notJson.status).toBe(400);
    expect(notJson.body).toEqual(errorShape('BAD_REQUEST'));
    expect(notJson.headers.get('content-type')).toBe('application/json; charset=utf-8');

    expect((await call('POST', '/orders', { token })).body).toEqual(errorShape('BAD_REQUEST'));
    const badCursor = await admin.get('/order-items?cursor=not-a-cursor');
    expect(badCursor.status).toBe(400);
    expect(badCursor.body).toEqual(errorShape('BAD_REQUEST'));
    // A well-formed cursor of the right list but not a key DynamoDB accepts (sort key missing).
    const partial = Buffer.from(JSON.stringify({ byKindPk: 'ITEM' })).toString('base64url');
    expect((await admin.get(`/order-items?cursor=${partial}`)).body).toEqual(errorShape('BAD_REQUEST'));
  });

  it('400 VALIDATION_FAILED: details name every bad field of the body', async () => {
    const body = orderInput('c', [itemInput('s', { quantity: 0, unitPrice: -1 }), itemInput('s', { taxPercent: 101 })], {
      paymentMethod: 'card',
      shippingAddress: { name: 'A' },
    });
    const response = await storefront.post('/orders', body);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.details.map((detail: { path: string }) => detail.path)).toEqual([
      'paymentMethod',
      'shippingAddress.phone',
      'shippingAddress.line1',
      'shippingAddress.city',
      'shippingAddress.state',
      'shippingAddress.postalCode',
      'shippingAddress.country',
      'items.0.quantity',
      'items.0.unitPrice',
      'items.1.taxPercent',
    ]);
  });

  it.each(['limit=0', 'limit=101', 'limit=abc', 'limit=', 'status=lost', 'unparcelled=maybe'])('400 VALIDATION_FAILED for the query %s', async (query) => {
    const response = await admin.get(`/order-items?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.details[0].path).toBe(query.split('=')[0]);
  });

  it('401 UNAUTHORIZED: no token, a bad signature, an expired token', async () => {
    const forged = await new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setExpirationTime('1h').sign(new TextEncoder().encode('wrong'));
    const expired = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode('local-dev-secret'));
    for (const token of [undefined, forged, expired, 'not.a.jwt']) {
      const response = await call('GET', '/order-items', { token });
      expect(response.status).toBe(401);
      expect(response.body).toEqual(errorShape('UNAUTHORIZED'));
    }
  });

  it('403 FORBIDDEN: a role the route does not name, or no known role at all', async () => {
    const response = await as('customer', 'c').post('/delivery-persons', { name: 'A', phone: '+91 90000 11111' });
    expect(response.status).toBe(403);
    expect(response.body).toEqual(errorShape('FORBIDDEN'));
    const strangerToken = await new SignJWT({ role: 'superuser' }).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setExpirationTime('1h').sign(new TextEncoder().encode('local-dev-secret'));
    expect((await call('GET', '/order-items', { token: strangerToken })).status).toBe(403);
  });

  it('404 NOT_FOUND: no such route, no such resource', async () => {
    expect(await call('GET', '/no-such-route')).toMatchObject({ status: 404, body: errorShape('NOT_FOUND') });
    expect(await call('PATCH', '/orders')).toMatchObject({ status: 404, body: errorShape('NOT_FOUND') });
    expect(await admin.get('/orders/missing')).toMatchObject({ status: 404, body: errorShape('NOT_FOUND') });
    // Ids that could never exist (too long for a key, odd characters) are simply not found.
    expect(await admin.get(`/orders/${'a'.repeat(3000)}`)).toMatchObject({ status: 404, body: errorShape('NOT_FOUND') });
    expect(await admin.delete(`/parcels/${'a'.repeat(3000)}`)).toMatchObject({ status: 404, body: errorShape('NOT_FOUND') });
    expect(await admin.get('/parcels/%F0%9F%93%A6')).toMatchObject({ status: 404, body: errorShape('NOT_FOUND') });
  });

  it('413 PAYLOAD_TOO_LARGE over 256 KiB, with nothing stored', async () => {
    const body = orderInput('c', [itemInput('s', { productName: 'x'.repeat(300) })]);
    const padded = JSON.stringify({ ...body, padding: 'p'.repeat(256 * 1024) });
    const response = await call('POST', '/orders', { token: await storefront.token, rawBody: padded });
    expect(response.status).toBe(413);
    expect(response.body).toEqual(errorShape('PAYLOAD_TOO_LARGE'));
    expect((await admin.get(`/orders/${body.id}`)).status).toBe(404);
  });

  it('tags every answer with a request id', async () => {
    const response = await admin.get('/orders/missing');
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
