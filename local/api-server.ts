import { randomUUID } from 'node:crypto';
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { FALLBACK_HANDLER, routes as defaultRoutes, type Route } from '../functions/routes.ts';
import { lambdaContext } from './lambda-context.ts';
import { verifyLocalToken } from './local-tokens.ts';
import { routeMatcher, type RouteMatch } from './route-matcher.ts';

type LambdaHandler = (event: APIGatewayProxyEventV2WithJWTAuthorizer, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/** API Gateway's own payload limit; the handlers enforce the API's 256 KiB themselves. */
const GATEWAY_MAX_BODY = 10 * 1024 * 1024;

const handlerModules = new Map<string, Promise<unknown>>();
/** The `handler` of `functions/handlers/<name>.ts`, imported on first use (the environment is set by then). Route handlers, and the jobs' (local/job-timers.ts). */
export function loadHandler<Handler = LambdaHandler>(name: string): Promise<Handler> {
  let loaded = handlerModules.get(name);
  if (!loaded) {
    const file = new URL(`../functions/handlers/${name}.ts`, import.meta.url).href;
    loaded = import(/* @vite-ignore */ file).then((module: { handler: Handler }) => module.handler);
    handlerModules.set(name, loaded);
  }
  return loaded as Promise<Handler>;
}

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
const errorBody = (code: string, message: string) => JSON.stringify({ error: { code, message } });

/** An answer of the local server itself, in the API's error shape. */
function sendJson(response: ServerResponse, status: number, code: string, message: string) {
  response.writeHead(status, { 'content-type': JSON_CONTENT_TYPE, 'x-request-id': randomUUID() });
  response.end(errorBody(code, message));
}

/**
 * Node's HTTP parser refused the request (a raw non-ASCII byte in the path, a malformed header,
 * headers over its limit) before any handler could see it: answer in the API's error shape
 * instead of Node's bare 400, and close the connection, whose framing is no longer trustworthy.
 */
function answerUnparsableRequest(error: NodeJS.ErrnoException, socket: Duplex) {
  if (error.code === 'ECONNRESET' || !socket.writable) return socket.destroy();
  const timedOut = error.code === 'ERR_HTTP_REQUEST_TIMEOUT';
  const status = timedOut ? 408 : 400;
  const body = timedOut
    ? errorBody('REQUEST_TIMEOUT', 'The request was not received in time.')
    : errorBody('BAD_REQUEST', `The request could not be parsed as HTTP (${error.code ?? 'parse error'}: ${error.message}).`);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: ${JSON_CONTENT_TYPE}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
      `x-request-id: ${randomUUID()}\r\nconnection: close\r\n\r\n${body}`,
  );
}

/**
 * The path and query exactly as sent: API Gateway routes the raw path and does not normalise
 * `//`, `.` or `..` segments (a WHATWG URL would, and `//parcels` would even become a host).
 */
function requestTarget(target: string): { path: string; query: string } | undefined {
  if (!target.startsWith('/')) return undefined;
  const at = target.indexOf('?');
  return at === -1 ? { path: target, query: '' } : { path: target.slice(0, at), query: target.slice(at + 1) };
}

async function readBody(request: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > GATEWAY_MAX_BODY) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The API Gateway v2 event the handler would get in AWS, JWT claims included. */
function gatewayEvent(request: IncomingMessage, target: { path: string; query: string }, match: Omit<RouteMatch, 'route'>, body: Buffer, claims: Record<string, unknown>, requestId: string) {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
  const query: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(target.query)) query[name] = name in query ? `${query[name]},${value}` : value;
  const isText = body.length === 0 || /json|text|xml|urlencoded/.test(headers['content-type'] ?? 'application/json');
  return {
    version: '2.0',
    routeKey: match.routeKey,
    rawPath: target.path,
    rawQueryString: target.query,
    headers,
    queryStringParameters: Object.keys(query).length > 0 ? query : undefined,
    pathParameters: Object.keys(match.pathParameters).length > 0 ? match.pathParameters : undefined,
    body: body.length > 0 ? body.toString(isText ? 'utf8' : 'base64') : undefined,
    isBase64Encoded: !isText,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: { method: request.method ?? 'GET', path: target.path, protocol: 'HTTP/1.1', sourceIp: request.socket.remoteAddress ?? '', userAgent: headers['user-agent'] ?? '' },
      requestId,
      routeKey: match.routeKey,
      stage: '$default',
      time: new Date().toISOString(),
      timeEpoch: Date.now(),
      authorizer: { principalId: '', integrationLatency: 0, jwt: { claims, scopes: [] } },
    },
  } as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;
}

/** Told of each answer a route's handler gave (e.g. the local runtime learns sellers' pickup locations from them). */
export type HandledListener = (routeKey: string, result: APIGatewayProxyStructuredResultV2) => void;

async function handle(request: IncomingMessage, response: ServerResponse, match: ReturnType<typeof routeMatcher>, onHandled?: HandledListener) {
  const target = requestTarget(request.url ?? '/');
  if (!target) return sendJson(response, 400, 'BAD_REQUEST', 'The request target must be a path (origin form, starting with /).');
  const found = match(request.method ?? 'GET', target.path);
  let claims: Record<string, unknown> = {};
  if (found && found.route.roles !== 'public') {
    const verified = await verifyLocalToken(request.headers.authorization);
    if (!verified) return sendJson(response, 401, 'UNAUTHORIZED', 'A valid bearer token is required (missing, malformed, badly signed or expired).');
    claims = verified as Record<string, unknown>;
  }
  const body = await readBody(request);
  if (body === 'too-large') return sendJson(response, 413, 'PAYLOAD_TOO_LARGE', 'The request body is over 10 MB.');
  // No match goes to the fallback handler, as API Gateway's `$default` route does (no token needed).
  const handlerName = found?.route.handler ?? FALLBACK_HANDLER;
  const requestId = randomUUID();
  const event = gatewayEvent(request, target, found ?? { routeKey: '$default', pathParameters: {} }, body, claims, requestId);
  const handler = await loadHandler(handlerName);
  // The invocation's clock starts now, as Lambda's does once the function is loaded.
  const result = await handler(event, lambdaContext(requestId, handlerName));
  send(response, result);
  if (found && onHandled) {
    try {
      onHandled(found.routeKey, result);
    } catch (error) {
      console.error('local server: a listener of handled requests failed', error);
    }
  }
}

function send(response: ServerResponse, result: APIGatewayProxyStructuredResultV2) {
  response.writeHead(result.statusCode ?? 200, result.headers as Record<string, string>);
  response.end(result.body === undefined ? undefined : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8'));
}

/** The local API: the route table's routes through the same Lambda handlers, with API Gateway v2 events. */
export async function startApiServer(options: {
  port: number;
  routes?: readonly Route[];
  onRequest?: (line: string, request: IncomingMessage) => void;
  onHandled?: HandledListener;
  /** Serves what is not the API (the panels' UI, local/panels-server.ts); answers whether it did. */
  beforeRoutes?: (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;
}): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const match = routeMatcher(options.routes ?? defaultRoutes);
  const { beforeRoutes } = options;
  const server = createServer((request, response) => {
    const started = performance.now();
    const served = beforeRoutes ? beforeRoutes(request, response) : Promise.resolve(false);
    served
      .then((done) => (done ? undefined : handle(request, response, match, options.onHandled)))
      .catch((error: unknown) => {
        console.error('local server error', error);
        if (!response.headersSent) sendJson(response, 500, 'INTERNAL_ERROR', 'The local server failed; see its log.');
        else response.end();
      })
      .finally(() => options.onRequest?.(`${request.method} ${request.url} ${response.statusCode} ${(performance.now() - started).toFixed(1)}ms`, request));
  });
  server.on('clientError', answerUnparsableRequest);
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
