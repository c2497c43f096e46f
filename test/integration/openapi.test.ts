import { readFile } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';
import { GENERATED_DOCUMENT_PATH } from '../../functions/openapi/write-openapi-document.ts';
import { call } from './support/api-client.ts';
import { checkResponseContract } from './support/response-contract.ts';

describe('the OpenAPI document, served', () => {
  it('GET /openapi.json answers the generated document without a token', async () => {
    const response = await call('GET', '/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.body).toEqual(JSON.parse(await readFile(GENERATED_DOCUMENT_PATH, 'utf8')));
  });

  it('GET /docs is a page rendering it with Swagger UI from this server, nothing from a CDN', async () => {
    const response = await fetch(`${inject('apiUrl')}/docs`);
    const page = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page).toContain('SwaggerUIBundle(');
    expect(page).toContain('"url":"openapi.json"');
    expect(page).not.toMatch(/<script[^>]+src=|<link[^>]+href=/);
  });
});

describe('every integration answer is checked against the document', () => {
  it('a body outside the route’s schema fails the call that got it', () => {
    expect(() => checkResponseContract('GET', '/parcels/p-1', 200, { id: 'p-1' })).toThrow(/GET \/parcels\/\{parcelId\} answered 200 outside its OpenAPI schema/);
    expect(() => checkResponseContract('GET', '/sellers/s-1', 200, { id: 's-1', name: 'N', storeName: 'S', gstin: null, address: { name: 'a', phone: '1', line1: 'l', city: 'c', state: 's', postalCode: 'p', country: 'IN' }, pickupLocation: null, updatedAt: 't', internal: 1 })).toThrow(/additional/);
  });

  it('a status the route does not list fails, and so does an error with a code of another status', () => {
    expect(() => checkResponseContract('GET', '/health', 418, {})).toThrow(/418, a status its OpenAPI operation does not list/);
    expect(() => checkResponseContract('GET', '/parcels/p-1', 404, { error: { code: 'CONFLICT', message: 'm' } })).toThrow(/outside its OpenAPI schema/);
    expect(() => checkResponseContract('GET', '/parcels/p-1', 404, { error: { code: 'NOT_FOUND', message: 'm' } })).not.toThrow();
  });

  it('a path no route matches must answer the 404 error shape', () => {
    expect(() => checkResponseContract('GET', '/nowhere', 404, { error: { code: 'NOT_FOUND', message: 'No route' } })).not.toThrow();
    expect(() => checkResponseContract('GET', '/nowhere', 200, {})).toThrow(/must answer 404/);
  });
});
