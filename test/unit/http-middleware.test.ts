import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ThrottlingException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { handler as getOrder } from '../../functions/handlers/orders/get-order.ts';
import { handler as createOrder } from '../../functions/handlers/orders/create-order.ts';
import { handler as health } from '../../functions/handlers/health.ts';
import { logger } from '../../functions/http/logger.ts';
import { apiEvent, claims, json, lambdaContext } from './support/events.ts';

const dynamo = mockClient(DynamoDBDocumentClient);
const getOrderEvent = (extra: Parameters<typeof apiEvent>[1]) => apiEvent('GET /orders/{orderId}', { params: { orderId: 'o-1' }, ...extra });

beforeEach(() => {
  dynamo.reset();
  vi.restoreAllMocks();
});

describe('authentication and roles', () => {
  it('401 without claims (a route that is not public)', async () => {
    const result = await getOrder(getOrderEvent({}), lambdaContext);
    expect(result.statusCode).toBe(401);
    expect(json(result).error.code).toBe('UNAUTHORIZED');
    expect(dynamo.calls()).toHaveLength(0);
  });

  it('403 for a role the route does not name, before touching the table', async () => {
    const result = await getOrder(getOrderEvent({ claims: claims('delivery', 'd-1') }), lambdaContext);
    expect(result.statusCode).toBe(403);
    expect(dynamo.calls()).toHaveLength(0);
  });

  it.each([
    [{ sub: 'c-1', 'custom:role': 'customer' }, 200],
    // A customer who also sells acts as the seller (group precedence), whatever order the claim lists.
    [{ sub: 'c-1', 'cognito:groups': '[customer seller]' }, 404],
    [{ sub: 'c-1', 'cognito:groups': '[seller customer]' }, 404],
    [{ sub: 'c-1', 'cognito:groups': '[unknown-group customer]' }, 200],
    [{ sub: 'c-1', 'cognito:groups': ['customer'] }, 200],
    [{ sub: 'c-1', role: 'customer', 'cognito:groups': '[delivery]' }, 200],
    [{ sub: 'c-1', 'cognito:groups': '[delivery customer]' }, 403],
    [{ sub: 'c-1' }, 403],
  ])('reads the role from role, custom:role or the cognito group of highest precedence: %j → %i', async (tokenClaims, status) => {
    dynamo.on(QueryCommand).resolves({ Items: [{ orderId: 'o-1', customerId: 'c-1', sellerId: 's', order: {}, placedAt: 'x' }] });
    const result = await getOrder(getOrderEvent({ claims: tokenClaims }), lambdaContext);
    expect(result.statusCode).toBe(status);
  });

  it('public routes need no token', async () => {
    const result = await health(apiEvent('GET /health'), lambdaContext);
    expect(result).toMatchObject({ statusCode: 200, headers: { 'x-request-id': 'req-123' } });
  });
});

describe('request bodies', () => {
  const systemClaims = claims('system', 'storefront');

  it('400 BAD_REQUEST for malformed JSON', async () => {
    const result = await createOrder(apiEvent('POST /orders', { claims: systemClaims, body: '{"a":' }), lambdaContext);
    expect(result.statusCode).toBe(400);
    expect(json(result).error).toEqual({ code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' });
  });

  it('413 over 256 KiB, counted in bytes after base64 decoding', async () => {
    const big = Buffer.from(JSON.stringify({ pad: 'é'.repeat(140 * 1024) })).toString('base64');
    const result = await createOrder(apiEvent('POST /orders', { claims: systemClaims, body: big, isBase64Encoded: true }), lambdaContext);
    expect(result.statusCode).toBe(413);
  });

  it('400 VALIDATION_FAILED naming every bad field, without writing', async () => {
    const result = await createOrder(apiEvent('POST /orders', { claims: systemClaims, body: JSON.stringify({ paymentMethod: 'cash', items: [] }) }), lambdaContext);
    expect(result.statusCode).toBe(400);
    expect(json(result).error.details).toEqual([
      { path: 'customerId', message: 'required' },
      { path: 'paymentMethod', message: 'Invalid option: expected one of "prepaid"|"cod"' },
      { path: 'shippingAddress', message: 'required' },
      { path: 'items', message: 'an order needs at least one item' },
    ]);
    expect(dynamo.calls()).toHaveLength(0);
  });
});

describe('error mapping', () => {
  it('domain errors keep their status: 404 for an order with none of the seller\'s items', async () => {
    dynamo.on(QueryCommand).resolves({ Items: [{ orderId: 'o-1', customerId: 'c', sellerId: 'other', order: {} }] });
    const result = await getOrder(getOrderEvent({ claims: claims('seller', 's-1') }), lambdaContext);
    expect(result.statusCode).toBe(404);
  });

  it('500 with a request id and no internals for anything unexpected, logged once', async () => {
    const logged = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    dynamo.on(QueryCommand).rejects(new TypeError('Cannot read properties of undefined (reading pk) at /var/task/index.mjs:1:2'));
    const result = await getOrder(getOrderEvent({ claims: claims('admin', 'a') }), lambdaContext);
    expect(result.statusCode).toBe(500);
    expect(result.headers?.['x-request-id']).toBe('req-123');
    const body = json(result);
    expect(body.error).toMatchObject({ code: 'INTERNAL_ERROR', requestId: 'req-123' });
    expect(result.body).not.toMatch(/var\/task|TypeError|reading pk/);
    expect(logged).toHaveBeenCalledTimes(1);
    expect(logged.mock.calls[0]?.[1]).toMatchObject({ requestId: 'req-123' });
  });

  it('503 UNAVAILABLE when DynamoDB throttles', async () => {
    vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
    dynamo.on(QueryCommand).rejects(new ThrottlingException({ message: 'slow down', $metadata: {} }));
    const result = await getOrder(getOrderEvent({ claims: claims('admin', 'a') }), lambdaContext);
    expect(result.statusCode).toBe(503);
    expect(json(result).error.code).toBe('UNAVAILABLE');
  });
});
