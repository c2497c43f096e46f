import middy, { type MiddlewareObj } from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context } from 'aws-lambda';
import type * as z from 'zod/mini';
import { BadRequestError, ForbiddenError, UnauthorizedError } from '#domain/errors.ts';
import type { Principal } from '#domain/principal.ts';
import { findRoute } from '../routes.ts';
import { withDeadline } from '../time-budget.ts';
import { errorResponse } from './error-response.ts';
import { logger } from './logger.ts';
import { asPrincipal, principalFromClaims } from './principal-from-claims.ts';
import { parseJsonBody } from './request-body.ts';
import type { HttpResult } from './responses.ts';
import { validate } from './validation.ts';

export type ApiEvent = APIGatewayProxyEventV2WithJWTAuthorizer;

export interface ApiRequest<Body, Query, Params> {
  principal: Principal;
  body: Body;
  query: Query;
  params: Params;
  requestId: string;
  /** The client's `Idempotency-Key` header, for creates that honour it. */
  idempotencyKey: string | undefined;
}

export interface RequestSchemas<Body, Query, Params> {
  body?: z.ZodMiniType<Body>;
  query?: z.ZodMiniType<Query>;
  params?: z.ZodMiniType<Params>;
}

const requestIdOf = (event: ApiEvent, context: Context): string => event.requestContext?.requestId ?? context.awsRequestId;

/** Maps any error to the API's error shape, and tags every response with the request id. */
const apiResponses = (): MiddlewareObj<ApiEvent, HttpResult> => {
  const tagged = (response: HttpResult, event: ApiEvent, context: Context): HttpResult => ({
    ...response,
    headers: { ...response.headers, 'x-request-id': requestIdOf(event, context) },
  });
  return {
    after: (request) => {
      if (request.response) request.response = tagged(request.response, request.event, request.context);
    },
    onError: (request) => {
      request.response = tagged(errorResponse(request.error, requestIdOf(request.event, request.context)), request.event, request.context);
    },
  };
};

function authorize(event: ApiEvent): Principal {
  const route = findRoute(event.routeKey);
  if (!route) throw new Error(`route ${event.routeKey} is not in the route table`);
  const candidate = principalFromClaims(event.requestContext?.authorizer?.jwt?.claims);
  if (!candidate) throw new UnauthorizedError('A valid bearer token is required.');
  const principal = asPrincipal(candidate);
  if (!principal || route.roles === 'public' || !route.roles.includes(principal.role)) {
    throw new ForbiddenError(`The role ${candidate.role ?? '(none)'} may not call ${event.routeKey}.`);
  }
  return principal;
}

/** Stripe's convention: up to 255 printable ASCII characters (a UUID is typical). */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

function idempotencyKeyOf(event: ApiEvent): string | undefined {
  const key = event.headers?.['idempotency-key'];
  if (key === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(key)) throw new BadRequestError('The Idempotency-Key header must be 1-255 printable ASCII characters without spaces (a UUID is a good key).');
  return key;
}

/** Every handler: logging context, errors in the API's shape, and a deadline on all outbound calls. */
function baseHandler() {
  return middy<ApiEvent, HttpResult>().use(injectLambdaContext(logger, { resetKeys: true })).use(apiResponses());
}

/**
 * A route handler: token → role check (from the route table) → JSON body → zod validation →
 * `run` within the request's deadline, with every error mapped to the API's error shape in one place.
 */
export function httpHandler<Body = undefined, Query = Record<string, never>, Params = Record<string, never>>(
  schemas: RequestSchemas<Body, Query, Params>,
  run: (request: ApiRequest<Body, Query, Params>, event: ApiEvent) => Promise<HttpResult>,
) {
  return baseHandler().handler(async (event, context) => {
    const principal = authorize(event);
    const request: ApiRequest<Body, Query, Params> = {
      principal,
      body: (schemas.body ? validate(schemas.body, parseJsonBody(event.body, event.isBase64Encoded), 'body') : undefined) as Body,
      query: (schemas.query ? validate(schemas.query, event.queryStringParameters ?? {}, 'query') : {}) as Query,
      params: (schemas.params ? validate(schemas.params, event.pathParameters ?? {}, 'path') : {}) as Params,
      requestId: requestIdOf(event, context),
      idempotencyKey: idempotencyKeyOf(event),
    };
    return withDeadline(context.getRemainingTimeInMillis?.(), () => run(request, event));
  });
}

/** A route without a token (health, the courier webhook): same error mapping, same deadline. */
export function publicHandler(run: (event: ApiEvent) => Promise<HttpResult>) {
  return baseHandler().handler((event, context) => withDeadline(context.getRemainingTimeInMillis?.(), () => run(event)));
}

/**
 * A courier's push (no JWT): the shared key in `x-api-key` is checked (constant time) before the
 * body is even parsed (401 otherwise), then JSON (400) and schema (400), then `run`.
 */
export function webhookHandler<Body>(isKey: (presented: string | undefined) => Promise<boolean>, schema: z.ZodMiniType<Body>, run: (body: Body) => Promise<HttpResult>) {
  return publicHandler(async (event) => {
    if (!(await isKey(event.headers?.['x-api-key']))) throw new UnauthorizedError('A valid x-api-key header is required.');
    return run(validate(schema, parseJsonBody(event.body, event.isBase64Encoded), 'body'));
  });
}
