import { describe, expect, it } from 'vitest';
import { supervise, type Service } from '../../local/supervisor.ts';

/** A service the test can kill. */
interface Fake extends Service {
  pid: number;
  die(how?: string): void;
}

function fakeService(pid: number): Fake {
  let end!: (how: string) => void;
  const ended = new Promise<string>((resolve) => (end = resolve));
  return { pid, ended, die: (how = 'killed by SIGKILL') => end(how), stop: async () => end('stopped') };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function harness(start: () => Promise<Fake>, limits: { maxRestarts?: number } = {}) {
  const notices: string[] = [];
  const fatals: Error[] = [];
  const first = fakeService(1);
  const supervisor = supervise(first, { name: 'DynamoDB Local', where: 'on port 8000', start, pidOf: (s) => s.pid, notice: (line) => notices.push(line), fatal: (error) => fatals.push(error), ...limits });
  return { first, supervisor, notices, fatals };
}

describe('supervise', () => {
  it('says at once that the service died, starts it again and says it is back', async () => {
    let next = 2;
    const { first, supervisor, notices, fatals } = harness(async () => fakeService(next++));
    first.die();
    await tick();
    await tick();
    expect(notices).toEqual(['DynamoDB Local (pid 1) died (killed by SIGKILL). Restarting it on port 8000...', 'DynamoDB Local (pid 2) is back on port 8000.']);
    expect(supervisor.current.pid).toBe(2);
    expect(fatals).toEqual([]);
    // The new one is watched too.
    supervisor.current.die('exit code 1');
    await tick();
    await tick();
    expect(supervisor.current.pid).toBe(3);
  });

  it('reports a fatal error with the reason when it cannot be restarted', async () => {
    const { first, fatals } = harness(async () => {
      throw new Error('Port 8000, for DynamoDB Local, is already in use by pid 42');
    });
    first.die();
    await tick();
    await tick();
    expect(fatals.map((error) => error.message)).toEqual(['DynamoDB Local died (killed by SIGKILL) and could not be restarted: Port 8000, for DynamoDB Local, is already in use by pid 42']);
  });

  it('gives up when it keeps dying', async () => {
    let next = 2;
    const { supervisor, fatals } = harness(async () => fakeService(next++), { maxRestarts: 2 });
    for (let death = 0; death < 3; death++) {
      supervisor.current.die();
      await tick();
      await tick();
    }
    expect(fatals.map((error) => error.message)).toEqual([expect.stringMatching(/died 3 times within 60 s .*not restarting it again/)]);
  });

  it('stop() is not a death: no notice, no restart', async () => {
    const { supervisor, notices } = harness(async () => fakeService(9));
    await supervisor.stop();
    await tick();
    expect(notices).toEqual([]);
    expect(supervisor.current.pid).toBe(1);
  });
});
