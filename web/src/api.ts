import type { ListPage } from './list-page.ts';

/** An answer of the API other than 2xx, in its error shape (API.md, "Errors"). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

/** The server could not be reached at all. */
export class NetworkError extends Error {}

export interface Api {
  get<T>(path: string, query?: Record<string, string | undefined>): Promise<T>;
  list<T>(path: string, query?: Record<string, string | undefined>): Promise<ListPage<T>>;
  post<T>(path: string, body?: unknown, headers?: Record<string, string>): Promise<T>;
  delete(path: string): Promise<void>;
}

function withQuery(path: string, query: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(name, value);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function errorOf(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => undefined)) as { error?: { code: string; message: string; details?: { path: string; message: string }[] }; message?: string } | undefined;
  if (body?.error) return new ApiError(response.status, body.error.code, body.error.message, body.error.details);
  // API Gateway's own 401 body is `{ message }` (docs/api.md).
  return new ApiError(response.status, response.status === 401 ? 'UNAUTHORIZED' : 'HTTP_ERROR', body?.message ?? response.statusText);
}

/** The API over fetch with the session's token; `onUnauthorized` runs on a 401 (expired sign-in). */
export function createApi(apiUrl: string, token: string, onUnauthorized: () => void): Api {
  async function call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${apiUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new NetworkError('The server could not be reached.');
    }
    if (response.status === 401) onUnauthorized();
    if (!response.ok) throw await errorOf(response);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }
  return {
    get: (path, query) => call('GET', withQuery(path, query)),
    list: (path, query) => call('GET', withQuery(path, query)),
    post: (path, body, headers) => call('POST', path, body ?? {}, headers),
    delete: (path) => call('DELETE', path),
  };
}
