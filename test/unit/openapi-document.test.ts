import { Validator } from '@seriousme/openapi-schema-validator';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../functions/openapi/build-openapi-document.ts';
import { routeContracts } from '../../functions/openapi/route-contracts.ts';
import { documentText, GENERATED_DOCUMENT_PATH } from '../../functions/openapi/write-openapi-document.ts';
import { routeKey, routes } from '../../functions/routes.ts';

const document = buildOpenApiDocument();
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

/** Every operation of the document as `METHOD /path`, with the operation. */
const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([method]) => METHODS.includes(method))
    .map(([method, operation]) => [`${method.toUpperCase()} ${path}`, operation] as const),
);
const operationOf = (key: string) => operations.find(([candidate]) => candidate === key)?.[1];

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    const result = await new Validator().validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toMatch(/^3\.1\./);
  });

  it('has exactly the routes of the route table: none missing, none extra', () => {
    expect(operations.map(([key]) => key).sort()).toEqual(routes.map(routeKey).sort());
    expect(Object.keys(routeContracts).sort()).toEqual(routes.map(routeKey).sort());
  });

  it.each(routes.map((route) => [routeKey(route), route] as const))('%s: path parameters, roles and security as the route table says', (key, route) => {
    const operation = operationOf(key)!;
    const parameters = (operation.parameters ?? []) as { name: string; in: string; required: boolean }[];
    const templateNames = [...route.path.matchAll(/\{(\w+)\}/g)].map((found) => found[1]);
    expect(parameters.filter((p) => p.in === 'path').map((p) => p.name)).toEqual(templateNames);
    expect(parameters.filter((p) => p.in === 'path').every((p) => p.required)).toBe(true);
    if (route.roles === 'public') {
      expect(operation.security).toEqual(route.access.courierWebhook ? [{ webhookApiKey: [] }] : []);
      expect(operation['x-roles']).toBeUndefined();
    } else {
      expect(operation.security).toBeUndefined(); // the document's default: the bearer JWT
      expect(operation['x-roles']).toEqual(route.roles);
      expect(operation.description).toContain(`Roles: ${route.roles.join(', ')}.`);
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['401', '403', '500']));
    }
  });

  it('documents the Idempotency-Key header exactly where a create honours it, and the replay header on its answer', () => {
    const withKey = operations.filter(([, operation]) => (operation.parameters as { name: string }[] | undefined)?.some((p) => p.name === 'Idempotency-Key')).map(([key]) => key);
    expect(withKey.sort()).toEqual(['POST /parcels', 'POST /parcels/{parcelId}/shiprocket', 'POST /returns']);
    expect(JSON.stringify(operationOf('POST /parcels')!.responses['201'])).toContain('IdempotentReplayed');
  });

  it('names API.md’s types as components, and errors by status with the codes each status can carry', () => {
    expect(Object.keys(document.components.schemas)).toEqual(expect.arrayContaining(['Order', 'OrderItem', 'Parcel', 'CourierShipment', 'Return', 'Seller', 'DeliveryPerson', 'InvoiceLink', 'Error']));
    const responses = document.components.responses as Record<string, unknown>;
    expect(Object.keys(responses)).toEqual(expect.arrayContaining(['Error_404_NOT_FOUND', 'Error_409_CONFLICT', 'Error_503_UNAVAILABLE_OUTCOME_UNKNOWN', 'Error_502_UPSTREAM_ERROR']));
    expect(operationOf('POST /parcels/{parcelId}/shiprocket')!.responses['502']).toEqual({ $ref: '#/components/responses/Error_502_UPSTREAM_ERROR' });
    // internal fields of a stored parcel are not part of the contract (and a response carrying them fails it)
    expect(document.components.schemas.CourierShipment).toMatchObject({ additionalProperties: false });
    expect(Object.keys((document.components.schemas.CourierShipment as { properties: object }).properties)).not.toContain('progress');
  });

  it('takes request schemas from the handlers’ zod schemas (limit 1..100, item ids 1..99)', () => {
    const limit = (operationOf('GET /parcels')!.parameters as unknown as { name: string; schema: { pattern: string } }[]).find((p) => p.name === 'limit')!;
    expect(new RegExp(limit.schema.pattern).test('100')).toBe(true);
    expect(new RegExp(limit.schema.pattern).test('101')).toBe(false);
    const body = (operationOf('POST /parcels')!.requestBody as { content: Record<string, { schema: { properties: { itemIds: object } } }> }).content['application/json']!.schema;
    expect(body.properties.itemIds).toMatchObject({ type: 'array', minItems: 1, maxItems: 99 });
  });

  it('is what the generated file holds (run `npm run openapi` after changing a route or a schema)', async () => {
    expect(await readFile(GENERATED_DOCUMENT_PATH, 'utf8')).toBe(documentText());
  });
});
