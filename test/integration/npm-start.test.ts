import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const projectRoot = resolve(import.meta.dirname, '../..');

const freePort = () =>
  new Promise<number>((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

interface Started {
  process: ChildProcess;
  output: () => string;
}

/** Runs `npm start` itself (npm → sh → node: signals must reach the server) and waits until it is up. */
async function start(env: NodeJS.ProcessEnv): Promise<Started> {
  const child = spawn('npm', ['start'], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((ready, failed) => {
    const timer = setTimeout(() => failed(new Error(`npm start did not come up:\n${output}`)), 45_000);
    child.stdout!.on('data', () => {
      if (output.includes('Ctrl-C stops everything')) {
        clearTimeout(timer);
        ready();
      }
    });
    child.once('exit', () => {
      clearTimeout(timer);
      failed(new Error(`npm start exited:\n${output}`));
    });
  });
  return { process: child, output: () => output };
}

async function stop(started: Started, signal: NodeJS.Signals) {
  const exited = new Promise<number | null>((done) => started.process.once('exit', (code) => done(code)));
  started.process.kill(signal);
  return exited;
}

const javaProcessesOn = (port: number) => spawnSync('pgrep', ['-f', `DynamoDBLocal.jar -port ${port} `]).stdout.toString().trim();

describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'shipping-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves the demo data with the printed seller token, keeps it across restarts, and leaves no Java process', async () => {
    const [apiPort, dynamoPort, s3Port] = [await freePort(), await freePort(), await freePort()];
    const env = { ...process.env, PORT: String(apiPort), DYNAMODB_PORT: String(dynamoPort), S3_PORT: String(s3Port), DATA_DIR: dataDir, POWERTOOLS_LOG_LEVEL: 'SILENT' };

    const first = await start(env);
    expect(first.output()).toContain('Demo data seeded (first start).');
    const sellerToken = /seller\s+seller-aurora\s+(\S+)/.exec(first.output())![1];
    const listItems = () => fetch(`http://localhost:${apiPort}/order-items`, { headers: { authorization: `Bearer ${sellerToken}` } }).then((r) => r.json() as Promise<{ items: { sellerId: string }[] }>);
    const items = (await listItems()).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => item.sellerId === 'seller-aurora')).toBe(true);
    expect(javaProcessesOn(dynamoPort)).not.toBe('');
    expect(await stop(first, 'SIGTERM')).toBe(0);
    expect(javaProcessesOn(dynamoPort)).toBe('');

    const second = await start(env);
    expect(second.output()).toContain('Existing data kept.');
    expect((await listItems()).items).toEqual(items);
    expect(await stop(second, 'SIGINT')).toBe(0);
    expect(javaProcessesOn(dynamoPort)).toBe('');
  }, 120_000);

  it('says in one line how to install Java when it is missing', () => {
    // A PATH with node, npm and sh but no java.
    const binDir = mkdtempSync(join(tmpdir(), 'no-java-'));
    symlinkSync(process.execPath, join(binDir, 'node'));
    symlinkSync(realpathSync(spawnSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).stdout.trim()), join(binDir, 'npm'));
    symlinkSync('/bin/sh', join(binDir, 'sh'));
    const result = spawnSync('npm', ['start', '--silent'], { cwd: projectRoot, env: { ...process.env, PATH: binDir, DATA_DIR: dataDir }, encoding: 'utf8' });
    rmSync(binDir, { recursive: true, force: true });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Java 17 or newer.*apt-get install openjdk-17-jre-headless/);
  });
});
