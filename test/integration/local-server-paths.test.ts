import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { signLocalToken } from '../../local/local-tokens.ts';

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The body of a chunked answer. */
function dechunk(body: string): string {
  let out = '';
  for (let at = 0; ; ) {
    const lineEnd = body.indexOf('\r\n', at);
    const size = Number.parseInt(body.slice(at, lineEnd), 16);
    if (!(size > 0)) return out;
    out += body.slice(lineEnd + 2, lineEnd + 2 + size);
    at = lineEnd + 2 + size + 2;
  }
}

/**
 * Sends `target` byte for byte (fetch would encode or normalise it) with `connection: close`, and
 * reads the answer until the server closes. (No half-close: Node drops a request whose client ends first.)
 */
function rawGet(target: Buffer | string, headers: Record<string, string | undefined> = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(inject('apiUrl'));
  const head = Object.entries({ host: hostname, connection: 'close', ...headers }).flatMap(([name, value]) => (value === undefined ? [] : [`${name}: ${value}\r\n`]));
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(Buffer.concat([Buffer.from('GET '), Buffer.from(target), Buffer.from(` HTTP/1.1\r\n${head.join('')}\r\n`)])));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.once('error', reject);
    socket.once('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...headerLines] = head.split('\r\n');
      const headers = Object.fromEntries(headerLines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      const body = rest.join('\r\n\r\n');
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: headers['transfer-encoding'] === 'chunked' ? dechunk(body) : body });
    });
  });
}

function expectErrorShape(response: RawResponse, status: number, code: string) {
  expect(response.status, response.body).toBe(status);
  expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(JSON.parse(response.body)).toEqual({ error: { code, message: expect.any(String) } });
}

describe('the local server, on paths API Gateway would not route', () => {
  it('a raw non-ASCII byte in the path: 400 BAD_REQUEST in the error shape, not a bare 400', async () => {
    const response = await rawGet(Buffer.concat([Buffer.from('/parcels/'), Buffer.from([0xe9])]));
    expectErrorShape(response, 400, 'BAD_REQUEST');
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a request Node cannot parse at all (a malformed header) answers in the error shape too', async () => {
    expectErrorShape(await rawGet('/health', { 'bad header': 'x' }), 400, 'BAD_REQUEST');
  });

  it.each(['//parcels', '/parcels/.', '/parcels/..', '/parcels/./', '/orders/../parcels', '/parcels//x'])('GET %s is no route: 404 NOT_FOUND, with or without a token', async (path) => {
    const token = await signLocalToken('admin', 'admin-1');
    for (const headers of [{}, { authorization: `Bearer ${token}` }]) {
      const response = await rawGet(path, headers);
      expectErrorShape(response, 404, 'NOT_FOUND');
      // The answer is about the path as sent, not a normalised one.
      expect(JSON.parse(response.body).error.message).toContain(path);
    }
  });

  it('the same routes still answer on their plain paths', async () => {
    expect((await rawGet('/health')).status).toBe(200);
    const token = await signLocalToken('admin', 'admin-1');
    expect((await rawGet('/parcels?limit=1', { authorization: `Bearer ${token}` })).status).toBe(200);
  });
});
