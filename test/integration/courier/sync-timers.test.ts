/**
 * The local runtime's job timers (local/job-timers.ts), with the sync of functions/jobs.ts on a short
 * interval: one run at a time (a tick during a run is skipped), a failed run is one line and the
 * timer goes on, stop() ends the timers; `jobs: false` runs nothing by itself.
 */
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '../../../functions/jobs.ts';
import { send, tableName } from '../../../functions/storage/dynamo-client.ts';
import { courierSyncCursorKey } from '../../../functions/storage/keys.ts';
import { makeShipments, startSyncRuntime, SYNC, trackCallsSince, type SyncRuntime } from './sync-support.ts';

const EVERY_MS = 100;
const DELAY_MS = 400;

let env: SyncRuntime;
const notices: string[] = [];
beforeAll(async () => {
  env = await startSyncRuntime({ jobs: { everyMs: EVERY_MS }, onNotice: (line) => notices.push(line) });
}, 60_000);
afterAll(async () => {
  await env?.stop();
});

const trackCalls = (since: string) => trackCallsSince(env.simulator, since);
const now = () => new Date().toISOString();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('job timers of the local runtime', () => {
  it('run each job of functions/jobs.ts on its timer, never two runs of one job at once', async () => {
    expect(env.runtime.jobTimers).toEqual(jobs.map((job) => ({ name: job.name, everyMs: EVERY_MS })));
    await makeShipments(env, 1);
    // Each run's bulk call is answered DELAY_MS late: a run lasts several ticks.
    env.simulator.injectFaults({ kind: 'delay', method: 'POST', path: '/courier/track/awbs', delayMs: DELAY_MS, times: 100 });
    const since = now();
    await expect.poll(() => trackCalls(since).length, { interval: 50, timeout: 10_000 }).toBeGreaterThanOrEqual(4);

    const starts = trackCalls(since).map((request) => Date.parse(request.at));
    const gaps = starts.slice(1).map((start, i) => start - starts[i]!);
    // A call starts only after the previous run's call was answered: no overlap.
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(DELAY_MS - 5);
    expect(notices.filter((line) => line === `${SYNC}: the previous run is still going, this one is skipped`).length).toBeGreaterThan(0);
    env.simulator.clearFaults();
  }, 30_000);

  it('log a failed run in one line and run again at the next tick', async () => {
    // A cursor DynamoDB refuses as a start key: a run fails at its first Query. Written again until two runs
    // failed, as a run already going when it is first written saves its own cursor at its end.
    const badCursor = new PutCommand({ TableName: tableName(), Item: { ...courierSyncCursorKey(), kind: 'SYNC_CURSOR', cursor: { segment: 0, after: { pk: 'not-a-key' } } } });
    const failures = () => notices.filter((line) => line.startsWith(`${SYNC} failed: `));
    await expect.poll(async () => (await send(badCursor), failures().length), { interval: 20, timeout: 5_000 }).toBeGreaterThanOrEqual(2);
    expect(failures()[0]).toBe(`${SYNC} failed: The provided starting key is invalid`);

    await send(new DeleteCommand({ TableName: tableName(), Key: courierSyncCursorKey() }));
    const fixed = now();
    await expect.poll(() => trackCalls(fixed).length, { interval: 20, timeout: 5_000 }).toBeGreaterThanOrEqual(2);
  }, 30_000);

  it('stop with the runtime, which waits for the run in progress', async () => {
    env.simulator.injectFaults({ kind: 'delay', method: 'POST', path: '/courier/track/awbs', delayMs: DELAY_MS });
    const since = now();
    await expect.poll(() => trackCalls(since).length, { interval: 10, timeout: 5_000 }).toBeGreaterThan(0);
    const lines = notices.length;

    const stopping = performance.now();
    await env.stop();
    // The run waited for its delayed answer and finished before DynamoDB Local and the simulator stopped.
    expect(performance.now() - stopping).toBeGreaterThanOrEqual(DELAY_MS / 2);
    expect(notices.slice(lines)).toEqual([]);
    const stopped = now();
    await sleep(EVERY_MS * 4);
    expect(trackCalls(stopped)).toEqual([]);
    await expect(env.runtime.runJob(SYNC)).rejects.toThrow(/stopped/);
  });
});

describe('jobs: false', () => {
  it('runs no job by itself; runJob runs one now and answers its report', async () => {
    const quiet = await startSyncRuntime({ jobs: false });
    try {
      expect(quiet.runtime.jobTimers).toEqual([]);
      await makeShipments(quiet, 1);
      await sleep(300);
      expect(quiet.simulator.requests().filter((request) => request.path.endsWith('/courier/track/awbs'))).toEqual([]);
      expect(await quiet.sync()).toMatchObject({ read: 1, courierCalls: 1, failed: 0, complete: true });
      await expect(quiet.runtime.runJob('no-such-job')).rejects.toThrow(`No job named no-such-job (jobs: ${SYNC})`);
    } finally {
      await quiet.stop();
    }
  }, 60_000);
});
