import { inject } from 'vitest';
import { signLocalToken } from '../../../local/local-tokens.ts';
import type { Role } from '../../../functions/domain/principal.ts';
import { checkResponseContract } from './response-contract.ts';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * Sends one request to the local API; `token` may be omitted (anonymous) or a raw string. Every
 * answer must be within the OpenAPI document's contract (status and body), else the call throws.
 */
export async function call<T = any>(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const response = await fetch(`${inject('apiUrl')}${path}`, { method, headers, body });
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.includes('json') ?? false;
  const parsed = text && isJson ? JSON.parse(text) : text || undefined;
  checkResponseContract(method, path, response.status, parsed);
  return { status: response.status, body: parsed, headers: response.headers };
}

/** A caller with a role: `as('seller', 'seller-x').get('/parcels')`. */
export function as(role: Role, sub: string) {
  const token = signLocalToken(role, sub);
  const send = async <T = any>(method: string, path: string, body?: unknown) => call<T>(method, path, { token: await token, body });
  return {
    role,
    sub,
    token,
    get: <T = any>(path: string) => send<T>('GET', path),
    post: <T = any>(path: string, body?: unknown) => send<T>('POST', path, body),
    put: <T = any>(path: string, body?: unknown) => send<T>('PUT', path, body),
    delete: <T = any>(path: string) => send<T>('DELETE', path),
  };
}

export type Caller = ReturnType<typeof as>;
