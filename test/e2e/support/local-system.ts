import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../../support/free-port.ts';

const projectRoot = resolve(import.meta.dirname, '../../..');

export interface LocalSystem {
  /** The panels at `/`, the API beside them. */
  url: string;
  shiprocketControlUrl: string;
  stop(): Promise<void>;
}

/**
 * What a person runs: `npm start`'s entry (bin/local.ts: builds the UI when stale, seeds the demo
 * data, serves the panels at `/`), in its own process on free ports with a fresh data directory, so
 * its handlers never share a module (and a DynamoDB client) with the process that started it.
 */
export async function startLocalSystem(): Promise<LocalSystem> {
  const dataDir = mkdtempSync(join(tmpdir(), 'panels-local-'));
  const ports = { PORT: await freePort(), DYNAMODB_PORT: await freePort(), S3_PORT: await freePort(), SHIPROCKET_SIM_PORT: await freePort() };
  const env: NodeJS.ProcessEnv = { ...process.env, ...Object.fromEntries(Object.entries(ports).map(([name, port]) => [name, String(port)])), DATA_DIR: dataDir, HEALTH_POLL_MS: '0', POWERTOOLS_LOG_LEVEL: 'SILENT' };
  for (const name of ['SHIPROCKET_BASE_URL', 'SHIPROCKET_EMAIL', 'SHIPROCKET_PASSWORD', 'TABLE_NAME', 'DYNAMODB_ENDPOINT', 'S3_ENDPOINT', 'INVOICE_BUCKET']) delete env[name];
  const server = spawn(join(projectRoot, 'node_modules/.bin/node'), ['--import', 'tsx', 'bin/local.ts'], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((done) => server.once('exit', done));
  let output = '';
  await new Promise<void>((ready, failed) => {
    const timer = setTimeout(() => failed(new Error(`npm start did not come up within 60 s:\n${output}`)), 60_000);
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ctrl-C stops everything')) {
        clearTimeout(timer);
        ready();
      }
    };
    server.stdout.on('data', collect);
    server.stderr.on('data', collect);
    void exited.then((code) => {
      clearTimeout(timer);
      failed(new Error(`npm start exited (${String(code)}):\n${output}`));
    });
  }).catch((error: unknown) => {
    server.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  return {
    url: `http://localhost:${ports.PORT}`,
    shiprocketControlUrl: `http://127.0.0.1:${ports.SHIPROCKET_SIM_PORT}/__sim`,
    stop: async () => {
      server.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
