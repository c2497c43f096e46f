import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signLocalToken } from '../../local/local-tokens.ts';
import { javaPidsOn, npmStartFixture, start, stop } from './local-npm-start.ts';

describe('npm start watches its children', () => {
  const { root, ports } = npmStartFixture('shipping-watchdog-');

  it('says at once that DynamoDB Local died, restarts it on the same port and data, and the API answers again', async () => {
    const { api: apiPort, dynamo: dynamoPort, env } = await ports();
    const running = await start(env(join(root, 'data')));
    const sellerToken = await signLocalToken('seller', 'seller-aurora');
    const listItems = () => fetch(`http://localhost:${apiPort}/order-items`, { headers: { authorization: `Bearer ${sellerToken}` } });
    const before = await listItems();
    expect(before.status).toBe(200);
    const items = ((await before.json()) as { items: unknown[] }).items;
    expect(items.length).toBeGreaterThan(0);

    const [java] = javaPidsOn(dynamoPort);
    expect(java).toBeDefined();
    process.kill(java!, 'SIGKILL');
    await running.waitForOutput(new RegExp(`DynamoDB Local \\(pid ${java}\\) died \\(killed by SIGKILL\\)\\. Restarting it on port ${dynamoPort}`), 3_000);
    await running.waitForOutput(/DynamoDB Local \(pid \d+\) is back/, 20_000);

    const after = await listItems();
    expect(after.status).toBe(200);
    expect(((await after.json()) as { items: unknown[] }).items).toEqual(items);
    const restarted = javaPidsOn(dynamoPort);
    expect(restarted).toHaveLength(1);
    expect(restarted[0]).not.toBe(java);

    expect(await stop(running, 'SIGTERM')).toBe(0);
    expect(javaPidsOn(dynamoPort)).toEqual([]);
  }, 60_000);
});
