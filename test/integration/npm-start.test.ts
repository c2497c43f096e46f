import { spawnSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { javaPidsOn, npmStartFixture, projectRoot, start, stop } from './local-npm-start.ts';

describe('npm start', () => {
  const { root, ports } = npmStartFixture('shipping-start-');
  const dataDir = join(root, 'data');

  it('serves the demo data with the printed seller token, keeps it across restarts, and leaves no Java process', async () => {
    const { api: apiPort, dynamo: dynamoPort, env: envFor } = await ports();
    const env = envFor(dataDir);

    const first = await start(env);
    expect(first.output()).toContain('Demo data seeded (first start).');
    const sellerToken = /seller\s+seller-aurora\s+(\S+)/.exec(first.output())![1];
    const listItems = () => fetch(`http://localhost:${apiPort}/order-items`, { headers: { authorization: `Bearer ${sellerToken}` } }).then((r) => r.json() as Promise<{ items: { sellerId: string }[] }>);
    const items = (await listItems()).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => item.sellerId === 'seller-aurora')).toBe(true);
    expect(javaPidsOn(dynamoPort)).toHaveLength(1);
    expect(await stop(first, 'SIGTERM')).toBe(0);
    expect(javaPidsOn(dynamoPort)).toEqual([]);

    const second = await start(env);
    expect(second.output()).toContain('Existing data kept.');
    expect((await listItems()).items).toEqual(items);
    expect(await stop(second, 'SIGINT')).toBe(0);
    expect(javaPidsOn(dynamoPort)).toEqual([]);
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
