import { existsSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signLocalToken } from '../../local/local-tokens.ts';
import { eventually, javaPidsOn, launch, npmStartFixture, start, stop } from './local-npm-start.ts';

const listening = (server: Server, port: number) => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
const closed = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

describe('npm start owns its processes', () => {
  const { root, ports } = npmStartFixture('shipping-ownership-');

  it('kill -9 of the server takes its DynamoDB Local with it, and the next start on the same ports serves its own DATA_DIR', async () => {
    const { api, dynamo, env } = await ports();
    const [dirA, dirB] = [join(root, 'a'), join(root, 'b')];
    const adminToken = await signLocalToken('admin', 'admin-1');
    const asAdmin = (method: string, body?: object) =>
      fetch(`http://localhost:${api}/delivery-persons`, { method, headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' }, body: body && JSON.stringify(body) });

    const a = await start(env(dirA));
    expect((await asAdmin('POST', { id: 'dp-only-in-a', name: 'Only In A', phone: '+91 90000 33333' })).status).toBe(201);
    expect(javaPidsOn(dynamo)).toHaveLength(1);
    const serverPid = a.serverPid();
    expect(serverPid).toBeDefined();
    process.kill(serverPid!, 'SIGKILL');
    await a.exited;
    expect(await eventually(() => javaPidsOn(dynamo).length === 0, 5_000), 'the Java process outlived npm start').toBe(true);

    const b = await start(env(dirB));
    expect(b.output()).toContain(`data in ${dirB}/`);
    expect(b.output()).toContain('Demo data seeded (first start).');
    const ids = ((await (await asAdmin('GET')).json()) as { items: { id: string }[] }).items.map((person) => person.id);
    expect(ids).toContain('dp-kiran');
    expect(ids).not.toContain('dp-only-in-a');
    expect(existsSync(join(dirB, 'dynamodb', 'shared-local-instance.db'))).toBe(true);
    expect(await stop(b, 'SIGTERM')).toBe(0);
    expect(javaPidsOn(dynamo)).toEqual([]);
  }, 60_000);

  it('refuses to start when another process holds its DynamoDB or S3 port, naming the port and the holder, and starts nothing', async () => {
    const { dynamo, s3, env } = await ports();
    // A stale "DynamoDB" that answers every call (the old runtime adopted such a listener) and a bare listener.
    const fakeDynamo = createHttpServer((_, response) => response.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' }).end('{"TableNames":[]}'));
    const squatter = createServer();
    await Promise.all([listening(fakeDynamo, dynamo), listening(squatter, s3)]);
    try {
      const refused = launch(env(join(root, 'refused')));
      const code = await Promise.race([refused.exited, new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 20_000))]);
      const output = refused.output();
      expect(code, output).not.toBe(0);
      expect(code, output).not.toBe('hung');
      expect(output).toContain(`Port ${dynamo}, for DynamoDB Local, is already in use by pid ${process.pid} (`);
      expect(output).toContain(`Port ${s3}, for the S3 emulator, is already in use by pid ${process.pid} (`);
      expect(output).toContain(`kill ${process.pid}`);
      expect(output).toContain('DYNAMODB_PORT=<port>');
      expect(output).not.toContain('Ctrl-C stops everything');
      expect(javaPidsOn(dynamo)).toEqual([]);
      expect(fakeDynamo.listening && squatter.listening).toBe(true);
    } finally {
      await Promise.all([closed(fakeDynamo), closed(squatter)]);
    }
  }, 30_000);
});
