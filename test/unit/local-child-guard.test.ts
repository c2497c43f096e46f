import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnGuarded } from '../../local/child-guard.ts';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const gone = async (pid: number, timeoutMs: number) => {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 50))) if (!alive(pid)) return true;
  return !alive(pid);
};

const started: number[] = [];
afterAll(() => {
  for (const pid of started) if (alive(pid)) process.kill(pid, 'SIGKILL');
});

describe('a guarded child process', () => {
  it('ends when its parent is killed with SIGKILL', async () => {
    const guardModule = new URL('../../local/child-guard.ts', import.meta.url).href;
    const parent = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', `const { spawnGuarded } = await import(${JSON.stringify(guardModule)}); console.log((await spawnGuarded('sleep', ['300'])).pid); setInterval(() => {}, 1000);`],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    started.push(parent.pid!);
    const pid = await new Promise<number>((resolve) => parent.stdout!.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim()))));
    started.push(pid);
    expect(alive(pid)).toBe(true);
    parent.kill('SIGKILL');
    expect(await gone(pid, 3_000)).toBe(true);
  });

  it('stop() ends it and waits; ended says how it ended', async () => {
    const child = await spawnGuarded('sleep', ['300']);
    started.push(child.pid);
    expect(child.hasEnded()).toBe(false);
    await child.stop();
    expect(alive(child.pid)).toBe(false);
    expect(await child.ended).toBe('killed by SIGTERM');
  });

  it('reports a death it did not ask for, with the signal', async () => {
    const child = await spawnGuarded('sleep', ['300']);
    started.push(child.pid);
    process.kill(child.pid, 'SIGKILL');
    expect(await child.ended).toBe('killed by SIGKILL');
    expect(child.hasEnded()).toBe(true);
    await child.stop(); // a no-op now
  });
});
