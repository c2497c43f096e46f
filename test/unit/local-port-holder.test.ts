import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { assertPortsFree, listeningInodes, listenerPids, portIsFree, PortTakenError } from '../../local/port-holder.ts';

const procNetTcp = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:1F40 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 111 1 0000000000000000 100 0 0 10 0
   1: 00000000:1F40 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 222 1 0000000000000000 100 0 0 10 0
   2: 0100007F:1F40 0100007F:D2F0 01 00000000:00000000 00:00000000 00000000  1000        0 333 1 0000000000000000 20 4 30 10 -1
   3: 0100007F:0BB8 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 444 1 0000000000000000 100 0 0 10 0
`;

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});
const listen = (host = '127.0.0.1') =>
  new Promise<number>((resolve) => {
    const server = createServer();
    servers.push(server);
    server.listen(0, host, () => resolve((server.address() as { port: number }).port));
  });

describe('who holds a port', () => {
  it('reads the listening sockets of a port from /proc/net/tcp (LISTEN only, any address)', () => {
    expect(listeningInodes(procNetTcp, 8000)).toEqual(['111', '222']);
    expect(listeningInodes(procNetTcp, 3000)).toEqual(['444']);
    expect(listeningInodes(procNetTcp, 4569)).toEqual([]);
  });

  it('finds this very process as the holder of a port it listens on', async () => {
    const port = await listen();
    expect(listenerPids(port)).toEqual([process.pid]);
    expect(await portIsFree(port)).toBe(false);
    expect(await portIsFree(port, '0.0.0.0')).toBe(false);
  });

  it('refuses taken ports naming each one, its holder and how to stop it or pick another port', async () => {
    const [taken, alsoTaken] = [await listen(), await listen()];
    const refusal = await assertPortsFree([
      { port: taken, service: 'DynamoDB Local', variable: 'DYNAMODB_PORT', host: '0.0.0.0' },
      { port: 0, service: 'the API', variable: 'PORT' },
      { port: alsoTaken, service: 'the S3 emulator', variable: 'S3_PORT' },
    ]).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(PortTakenError);
    const lines = (refusal as Error).message.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(`Port ${taken}, for DynamoDB Local, is already in use by pid ${process.pid} (`);
    expect(lines[0]).toContain(`kill ${process.pid}`);
    expect(lines[0]).toContain('DYNAMODB_PORT=<port> npm start');
    expect(lines[1]).toContain(`Port ${alsoTaken}, for the S3 emulator`);
  });

  it('lets free ports pass', async () => {
    const port = await listen();
    await new Promise((resolve) => servers.pop()!.close(resolve));
    await expect(assertPortsFree([{ port, service: 'the API' }])).resolves.toBeUndefined();
  });
});
