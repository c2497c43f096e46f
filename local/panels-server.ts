import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { DEMO_PRINCIPALS } from './demo-principals.ts';
import { signLocalToken } from './local-tokens.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
};

/** The headers CloudFront's response headers policy sets on AWS (lib/panels-stack.ts), so local behaves alike. */
const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

function sendJson(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': CONTENT_TYPES['.json']!, 'cache-control': 'no-store', ...SECURITY_HEADERS });
  response.end(JSON.stringify(body));
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of request) {
    text += String(chunk);
    if (text.length > 10_000) return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The panels' UI on the local server, beside the API (same origin, no CORS): the built files at `/`,
 * `/config.json` (local mode), and the local sign-in — `GET /__local/principals` and
 * `POST /__local/sign-in { sub }` minting a demo principal's token. These exist only here, never on AWS.
 * Answers whether it handled the request (the API's routes never collide with these paths).
 */
export function panelsRequestHandler(webRoot: string) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const path = (request.url ?? '/').split('?')[0]!;
    const method = request.method ?? 'GET';
    if (path === '/__local/principals' && method === 'GET') {
      sendJson(response, 200, DEMO_PRINCIPALS);
      return true;
    }
    if (path === '/__local/sign-in' && method === 'POST') {
      const body = (await readJson(request)) as { sub?: unknown } | undefined;
      const principal = DEMO_PRINCIPALS.find((candidate) => candidate.sub === body?.sub);
      if (!principal) sendJson(response, 404, { error: { code: 'NOT_FOUND', message: 'No such demo user.' } });
      else sendJson(response, 200, { token: await signLocalToken(principal.role, principal.sub, 12 * 3600) });
      return true;
    }
    if (method !== 'GET' && method !== 'HEAD') return false;
    if (path === '/config.json') {
      sendJson(response, 200, { mode: 'local', apiUrl: '' });
      return true;
    }
    const file = path === '/' || path === '/index.html' ? 'index.html' : path.startsWith('/assets/') ? normalize(decodeURIComponent(path.slice(1))) : undefined;
    if (!file || file.startsWith('..') || file.includes(`${sep}..`)) return false;
    const full = join(webRoot, file);
    if (!existsSync(full) || !statSync(full).isFile()) return false;
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(full)] ?? 'application/octet-stream',
      // Hashed asset names never change content; the page is always checked again.
      'cache-control': file === 'index.html' ? 'no-cache' : 'public, max-age=31536000, immutable',
      ...SECURITY_HEADERS,
    });
    if (method === 'HEAD') response.end();
    else createReadStream(full).pipe(response);
    return true;
  };
}
