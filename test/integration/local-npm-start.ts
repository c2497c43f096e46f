import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll } from 'vitest';
import { freePort } from '../support/free-port.ts';

/** Helpers for the tests that run `npm start` itself (not a test file). */

export const projectRoot = resolve(import.meta.dirname, '../..');

export interface Started {
  /** The `npm` process. */
  process: ChildProcess;
  output: () => string;
  /** The node server process itself (npm's child: `sh -c "exec node ..."` became it). */
  serverPid: () => number | undefined;
  /** Resolves when the output matches, rejects after `timeoutMs`. */
  waitForOutput: (pattern: RegExp, timeoutMs: number) => Promise<void>;
  exited: Promise<number | null>;
}

/** Every `npm start` begun here, so `killAll` can end them whatever happened in a test. */
const begun: Started[] = [];

/** Runs `npm start` (npm → sh → exec node) without waiting for anything. */
export function launch(env: NodeJS.ProcessEnv): Started {
  const child = spawn('npm', ['start'], { cwd: projectRoot, env: { POWERTOOLS_LOG_LEVEL: 'SILENT', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const started: Started = {
    process: child,
    output: () => output,
    serverPid: () => {
      const children = spawnSync('pgrep', ['-P', String(child.pid)], { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean);
      return children.length > 0 ? Number(children[0]) : undefined;
    },
    exited,
    waitForOutput: (pattern, timeoutMs) =>
      new Promise<void>((ready, failed) => {
        const check = () => {
          if (!pattern.test(output)) return;
          clearTimeout(timer);
          listeners.delete(check);
          ready();
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          failed(new Error(`no ${pattern} in the output of npm start within ${timeoutMs} ms:\n${output}`));
        }, timeoutMs);
        listeners.add(check);
        void exited.then(() => setTimeout(() => !pattern.test(output) && failed(new Error(`npm start exited without ${pattern}:\n${output}`)), 50));
        check();
      }),
  };
  begun.push(started);
  return started;
}

/** Runs `npm start` and waits until it is up. */
export async function start(env: NodeJS.ProcessEnv): Promise<Started> {
  const started = launch(env);
  await started.waitForOutput(/Ctrl-C stops everything/, 45_000);
  return started;
}

/** Sends `signal` to npm (which passes SIGTERM and SIGINT on to the server) and waits for its exit code. */
export async function stop(started: Started, signal: NodeJS.Signals) {
  started.process.kill(signal);
  return started.exited;
}

/** The DynamoDB Local Java processes listening on `port` (their guards excluded). */
export const javaPidsOn = (port: number) =>
  spawnSync('pgrep', ['-f', `^java .*DynamoDBLocal.jar -port ${port} `], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map(Number);

/** Polls `condition` until it holds or `timeoutMs` passes; returns whether it held. */
export async function eventually(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 100))) {
    if (condition()) return true;
  }
  return condition();
}

const kill = (pid: number | undefined) => {
  if (pid === undefined) return;
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // gone already
  }
};

/** For afterAll: ends every npm start begun here and any DynamoDB Local left on `ports`, even after a failure. */
export function killAll(dynamoPorts: readonly number[]) {
  for (const started of begun.splice(0)) {
    kill(started.serverPid());
    kill(started.process.pid);
  }
  for (const port of dynamoPorts) javaPidsOn(port).forEach(kill);
}

/**
 * A temporary root for data directories and fresh ports for each `npm start`; in afterAll, even
 * after a failure, every npm start and DynamoDB Local of the file is killed and the root removed.
 */
export function npmStartFixture(prefix: string) {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const dynamoPorts: number[] = [];
  afterAll(() => {
    killAll(dynamoPorts);
    rmSync(root, { recursive: true, force: true });
  });
  return {
    root,
    async ports() {
      const [api, dynamo, s3, shiprocketSim] = [await freePort(), await freePort(), await freePort(), await freePort()];
      dynamoPorts.push(dynamo);
      const env = (dataDir: string): NodeJS.ProcessEnv => {
        // Its own simulator on a free port (not 3001, where a developer's npm start may run).
        const { SHIPROCKET_BASE_URL: _, ...inherited } = process.env;
        return { ...inherited, PORT: String(api), DYNAMODB_PORT: String(dynamo), S3_PORT: String(s3), SHIPROCKET_SIM_PORT: String(shiprocketSim), DATA_DIR: dataDir };
      };
      return { api, dynamo, s3, shiprocketSim, env };
    },
  };
}
