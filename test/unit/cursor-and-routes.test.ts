import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../functions/storage/cursor.ts';
import { routeKey, routes } from '../../functions/routes.ts';
import { routeMatcher } from '../../local/route-matcher.ts';

describe('cursors', () => {
  const key = { pk: 'ORDER#1', sk: 'ITEM#001', bySellerPk: 'SELLER#s#ITEM', bySellerSk: '01J#001' };

  it('round-trip and are opaque', () => {
    const cursor = encodeCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, { bySellerPk: 'SELLER#s#ITEM' }, Object.keys(key))).toEqual(key);
  });

  it('are refused when malformed or from another list', () => {
    const names = Object.keys(key);
    expect(() => decodeCursor('%%%', { pk: 'x' }, ['pk'])).toThrow(/cursor/);
    expect(() => decodeCursor(encodeCursor({ pk: 'x' }).slice(3), { pk: 'x' }, ['pk'])).toThrow(/cursor/);
    expect(() => decodeCursor(encodeCursor(key), { bySellerPk: 'SELLER#other#ITEM' }, names)).toThrow(/another list/);
    expect(() => decodeCursor(Buffer.from('[1,2]').toString('base64url'), { pk: 'x' }, ['pk'])).toThrow(/cursor/);
    // Keys DynamoDB would reject (a 500 otherwise): a missing or extra attribute, an empty or oversized value.
    expect(() => decodeCursor(encodeCursor({ bySellerPk: 'SELLER#s#ITEM' }), { bySellerPk: 'SELLER#s#ITEM' }, names)).toThrow(/cursor/);
    expect(() => decodeCursor(encodeCursor({ ...key, extra: 'x' }), { bySellerPk: 'SELLER#s#ITEM' }, names)).toThrow(/cursor/);
    expect(() => decodeCursor(encodeCursor({ ...key, sk: '' }), { bySellerPk: 'SELLER#s#ITEM' }, names)).toThrow(/cursor/);
    expect(() => decodeCursor(encodeCursor({ ...key, sk: 'x'.repeat(1025) }), { bySellerPk: 'SELLER#s#ITEM' }, names)).toThrow(/cursor/);
  });
});

describe('route table', () => {
  it('lists each method + path once', () => {
    const keys = routes.map(routeKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('routes local requests with the same templates as API Gateway', () => {
    const match = routeMatcher(routes);
    expect(match('GET', '/parcels/01ABC')).toMatchObject({ routeKey: 'GET /parcels/{parcelId}', pathParameters: { parcelId: '01ABC' } });
    expect(match('POST', '/parcels/p%201/status')?.pathParameters).toEqual({ parcelId: 'p 1' });
    expect(match('GET', '/parcels')?.routeKey).toBe('GET /parcels');
    expect(match('PATCH', '/parcels')).toBeUndefined();
    expect(match('GET', '/parcels/a/b')).toBeUndefined();
  });
});

describe('unmatched requests', () => {
  it('get the API error shape from the fallback handler', async () => {
    const { handler } = await import('../../functions/handlers/not-found.ts');
    const event = { routeKey: '$default', rawPath: '/nope', requestContext: { requestId: 'r', http: { method: 'PATCH' } } };
    const result = await handler(event as never, {} as never);
    expect(result.statusCode).toBe(404);
    expect(JSON.parse(result.body!)).toEqual({ error: { code: 'NOT_FOUND', message: 'No route PATCH /nope.' } });
  });
});
