import * as z from 'zod/mini';
import { routeKey, routes as routeTable, type Route } from '../routes.ts';
import { componentRegistry } from './component-schemas.ts';
import type { RouteContract, SuccessResponse } from './route-contract.ts';
import { routeContracts } from './route-contracts.ts';
import { ERROR_MEANINGS, errorsByStatus, routeErrors } from './route-errors.ts';

type JsonSchema = Record<string, unknown>;
export type OpenApiDocument = {
  openapi: string;
  info: { title: string; version: string; description: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema> } & Record<string, unknown>;
} & Record<string, unknown>;
type Operation = Record<string, unknown> & { parameters?: Parameter[]; responses: Record<string, unknown> };
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

const COMPONENTS = '#/components/schemas/';
const JSON_MEDIA_TYPE = 'application/json';

/**
 * The OpenAPI 3.1 document of the API: one operation per route of the route table, its request
 * schemas (the zod schemas its handler validates with, as zod converts them), every answer it can
 * give (success bodies from the response schemas, errors in the API's shape by status), security
 * and roles. `routes` and `contracts` are parameters so tests can build documents of their own.
 */
export function buildOpenApiDocument(routes: readonly Route[] = routeTable, contracts: Record<string, RouteContract> = routeContracts): OpenApiDocument {
  const registry = componentRegistry();
  const schemas = componentsOf(registry);
  const toSchema = (schema: z.ZodMiniType, io: 'input' | 'output'): JsonSchema => {
    const { $defs, $schema: _dialect, ...converted } = z.toJSONSchema(schema, { metadata: registry, io, target: 'draft-2020-12', unrepresentable: 'throw' }) as JsonSchema & { $defs?: Record<string, JsonSchema> };
    const unnamed = Object.keys($defs ?? {}).filter((name) => !(name in schemas));
    if (unnamed.length > 0) throw new Error(`schema definitions without a component name: ${unnamed.join(', ')}`);
    return pointAtComponents(converted) as JsonSchema;
  };

  const paths: OpenApiDocument['paths'] = {};
  const errorResponses: Record<string, unknown> = {};
  for (const route of routes) {
    const key = routeKey(route);
    const contract = contracts[key];
    if (!contract) throw new Error(`route ${key} has no contract in functions/openapi/route-contracts.ts`);
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operationOf(route, contract, toSchema, errorResponses);
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Shipping Order Flow API',
      version: '1',
      description:
        'Orders, parcels, local delivery and courier shipping for multi-vendor marketplaces. Generated from the route table and its zod schemas; the prose contract is API.md (with docs/api.md). Errors answer `{ "error": { "code", "message", "details"? } }`.',
    },
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      schemas,
      responses: Object.fromEntries(Object.entries(errorResponses).sort(([a], [b]) => a.localeCompare(b))),
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A JWT whose `sub` is the caller’s id and whose role is the `role` claim, else `custom:role`, else the Cognito group of highest precedence.' },
        webhookApiKey: { type: 'apiKey', in: 'header', name: 'x-api-key', description: 'The token configured for Shiprocket’s pushes.' },
      },
      headers: {
        RequestId: { description: 'The request’s id (quote it when reporting a problem).', schema: { type: 'string' } },
        IdempotentReplayed: { description: '`true` when the answer repeats what an earlier request with the same Idempotency-Key made.', schema: { type: 'string', enum: ['true'] } },
      },
    },
  };
}

/** The named response schemas, converted together so that they refer to each other by `$ref`. */
function componentsOf(registry: z.core.$ZodRegistry<{ id: string }>): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(registry, { io: 'output', target: 'draft-2020-12', uri: (id) => `${COMPONENTS}${id}` });
  return Object.fromEntries(Object.entries(schemas).map(([id, { $id: _id, $schema: _dialect, ...schema }]) => [id, schema as JsonSchema]));
}

/** `#/$defs/Parcel` (zod's reference to a registered schema) → `#/components/schemas/Parcel`. */
function pointAtComponents(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pointAtComponents);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, key === '$ref' && typeof inner === 'string' ? inner.replace('#/$defs/', COMPONENTS) : pointAtComponents(inner)]),
  );
}

type ToSchema = (schema: z.ZodMiniType, io: 'input' | 'output') => JsonSchema;

function operationOf(route: Route, contract: RouteContract, toSchema: ToSchema, errorResponses: Record<string, unknown>): Operation {
  const isPublic = route.roles === 'public';
  const roles = isPublic ? [] : [...route.roles];
  const access = route.access.courierWebhook ? 'Authenticated by the `x-api-key` header.' : isPublic ? 'Public: no token.' : `Roles: ${roles.join(', ')}.`;
  const operation: Operation = {
    operationId: operationIdOf(route.handler),
    tags: [tagOf(route)],
    summary: contract.summary,
    description: [contract.description, access].filter(Boolean).join('\n\n'),
    ...(isPublic ? { security: route.access.courierWebhook ? [{ webhookApiKey: [] }] : [] } : { 'x-roles': roles }),
    responses: {},
  };
  const parameters = parametersOf(route, contract, toSchema);
  if (parameters.length > 0) operation.parameters = parameters;
  if (contract.request?.body) {
    // A body schema that is itself optional (`z.optional(z.object(...))`) accepts a request without one.
    const required = (contract.request.body as { _zod: { optin?: string } })._zod.optin !== 'optional';
    operation.requestBody = { required, content: { [JSON_MEDIA_TYPE]: { schema: toSchema(contract.request.body, 'input') } } };
  }
  for (const response of contract.responses) operation.responses[String(response.status)] = successResponseOf(response, toSchema);
  for (const [status, codes] of errorsByStatus(routeErrors(route, contract))) {
    if (String(status) in operation.responses) continue;
    // Shared by every route answering the same codes with this status: `#/components/responses/Error_404_NOT_FOUND`.
    const name = ['Error', status, ...codes, ...(status === 401 && !isPublic ? ['OR_GATEWAY'] : [])].join('_');
    errorResponses[name] ??= errorResponseOf(status, codes, !isPublic);
    operation.responses[String(status)] = { $ref: `#/components/responses/${name}` };
  }
  return operation;
}

const camel = (kebab: string): string => kebab.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
/** `parcels/create-parcel` → `createParcel`. */
const operationIdOf = (handler: string): string => camel(handler.split('/').at(-1) ?? handler);
/** The handler's folder: `parcels`, `orders`, `openapi`, ... (`health` for a handler at the top). */
const tagOf = (route: Route): string => route.handler.split('/')[0] ?? route.handler;

function parametersOf(route: Route, contract: RouteContract, toSchema: ToSchema): Parameter[] {
  const templateNames = [...route.path.matchAll(/\{(\w+)\}/g)].map((found) => found[1] as string);
  const pathSchema = contract.request?.params ? objectSchema(toSchema(contract.request.params, 'input')) : { properties: {}, required: [] };
  const documented = Object.keys(pathSchema.properties);
  if (templateNames.join() !== documented.join()) {
    throw new Error(`${routeKey(route)}: the path names {${templateNames.join('}, {')}} but its params schema has ${documented.join(', ') || 'none'}`);
  }
  const parameters: Parameter[] = templateNames.map((name) => ({ name, in: 'path', required: true, schema: pathSchema.properties[name] as JsonSchema }));
  if (contract.request?.query) {
    const query = objectSchema(toSchema(contract.request.query, 'input'));
    for (const [name, schema] of Object.entries(query.properties)) parameters.push({ name, in: 'query', required: query.required.includes(name), schema });
  }
  if (contract.idempotencyKey) {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'Makes a retry safe: the same key with the same body answers what the first request made (with `Idempotent-Replayed: true`); with another body, 409. Kept 24 h, per route and caller.',
      schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,255}$' },
    });
  }
  return parameters;
}

function objectSchema(schema: JsonSchema): { properties: Record<string, JsonSchema>; required: string[] } {
  return { properties: (schema.properties ?? {}) as Record<string, JsonSchema>, required: (schema.required ?? []) as string[] };
}

function successResponseOf(response: SuccessResponse, toSchema: ToSchema): Record<string, unknown> {
  const headers: Record<string, unknown> = { 'x-request-id': { $ref: '#/components/headers/RequestId' } };
  if (response.replayable) headers['Idempotent-Replayed'] = { $ref: '#/components/headers/IdempotentReplayed' };
  const content = response.body
    ? { [JSON_MEDIA_TYPE]: { schema: toSchema(response.body, 'output') } }
    : response.mediaType
      ? { [response.mediaType]: { schema: { type: 'string' } } }
      : undefined;
  return { description: response.description, headers, ...(content ? { content } : {}) };
}

/** API Gateway's JWT authorizer refuses a bad token itself, with a body HTTP APIs cannot reshape (docs/api.md). */
const GATEWAY_UNAUTHORIZED = { type: 'object', properties: { message: { type: 'string' } }, required: ['message'] };

function errorResponseOf(status: number, codes: string[], hasGatewayAuthorizer: boolean): Record<string, unknown> {
  const shape = { allOf: [{ $ref: `${COMPONENTS}Error` }, { properties: { error: { properties: { code: { enum: codes } } } } }] };
  const schema = status === 401 && hasGatewayAuthorizer ? { anyOf: [shape, GATEWAY_UNAUTHORIZED] } : shape;
  const meanings = codes.map((code) => `\`${code}\`: ${ERROR_MEANINGS[code as keyof typeof ERROR_MEANINGS]}.`);
  if (status === 401 && hasGatewayAuthorizer) meanings.push('In AWS, API Gateway’s JWT authorizer answers a bad token itself with `{"message":"Unauthorized"}`.');
  return { description: meanings.join(' '), headers: { 'x-request-id': { $ref: '#/components/headers/RequestId' } }, content: { [JSON_MEDIA_TYPE]: { schema } } };
}
