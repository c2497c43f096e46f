import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FieldErrors } from './order-validation.ts';

/** Requests in, answers out: the simulator's small router and Shiprocket's error shapes. */

export interface Reply {
  status: number;
  /** JSON; no body when undefined (204). */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Exchange {
  method: string;
  /** The path below the router's base (`/orders/create/adhoc`). */
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  body: unknown;
  headers: IncomingMessage['headers'];
}

export type Handler = (exchange: Exchange) => Reply | Promise<Reply>;

export interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: Handler;
}

/** `GET /courier/track/awb/{awb}` → a route; a trailing slash is accepted, as Shiprocket accepts it. */
export function route(method: string, template: string, handler: Handler): Route {
  const names: string[] = [];
  const source = template.replace(/[.+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { method, pattern: new RegExp(`^${source}/?$`), names, handler };
}

export function matchRoute(routes: readonly Route[], method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
  for (const candidate of routes) {
    const found = candidate.method === method ? candidate.pattern.exec(path) : null;
    if (!found) continue;
    try {
      return { route: candidate, params: Object.fromEntries(candidate.names.map((name, i) => [name, decodeURIComponent(found[i + 1]!)])) };
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): Reply => ({ status, body, headers });

/** Shiprocket's error shape: `{ message, ...extra, status_code }`. */
export const failure = (status: number, message: string, extra: Record<string, unknown> = {}): Reply => json(status, { message, ...extra, status_code: status });

/** 422 with Laravel's field errors; `Oops! Invalid Data.` or, on some endpoints, `Required field missing`. */
export const invalid = (errors: FieldErrors, message = 'Oops! Invalid Data.'): Reply => failure(422, message, { errors });

export const notFound = (): Reply => failure(404, '404 Not Found');

const MAX_BODY = 1024 * 1024;

/** The JSON body; an empty or unparsable body reads as `{}` (Laravel then answers its field errors). */
export async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return {};
    chunks.push(chunk as Buffer);
  }
  try {
    return chunks.length === 0 ? {} : (JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown);
  } catch {
    return {};
  }
}

export function send(response: ServerResponse, reply: Reply): void {
  if (response.destroyed) return;
  if (reply.body === undefined) {
    response.writeHead(reply.status, reply.headers);
    response.end();
    return;
  }
  const isText = typeof reply.body === 'string' && reply.headers?.['content-type'] !== undefined;
  const payload = isText || Buffer.isBuffer(reply.body) ? (reply.body as string | Buffer) : JSON.stringify(reply.body);
  response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers, 'content-length': String(Buffer.byteLength(payload)) });
  response.end(payload);
}

/** An object body's fields (anything else reads as no fields). */
export const fieldsOf = (body: unknown): Record<string, unknown> => (typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {});
