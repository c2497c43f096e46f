import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalRuntime } from '../../local/runtime.ts';
import { freePort } from '../support/free-port.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    apiUrl: string;
    dynamoEndpoint: string;
    tableName: string;
    /** The DynamoDB Local Java process, e.g. to pause it with SIGSTOP (and resume it with SIGCONT). */
    dynamoPid: number;
    /** The S3 emulator's directory (objects of a bucket under `<s3Directory>/<bucket>/`) and the invoice bucket. */
    s3Directory: string;
    invoiceBucket: string;
    /** The Shiprocket simulator the handlers talk to: its `/v1/external` base URL and its control base URL (`/__sim`). */
    shiprocketUrl: string;
    shiprocketControlUrl: string;
  }
}

/**
 * Integration tests run against the real local runtime: DynamoDB Local (in memory), the S3
 * emulator (in a temporary directory), the Shiprocket simulator and the API over HTTP.
 */
export default async function setup(project: TestProject) {
  Object.assign(process.env, { POWERTOOLS_LOG_LEVEL: 'SILENT', TABLE_NAME: 'shipping-order-flow-test' });
  // Never real Shiprocket from tests (there is no sandbox): the simulator, whatever the shell says.
  for (const name of ['SHIPROCKET_BASE_URL', 'SHIPROCKET_EMAIL', 'SHIPROCKET_PASSWORD']) delete process.env[name];
  const s3Directory = mkdtempSync(join(tmpdir(), 'shipping-test-s3-'));
  const ports = { apiPort: await freePort(), dynamoPort: await freePort(), s3Port: await freePort(), shiprocketSimPort: await freePort() };
  // No job timers: a test that needs the courier sync runs it itself (see test/integration/courier/sync.test.ts).
  const runtime = await startLocalRuntime({ ...ports, s3Directory, jobs: false }).catch((error: unknown) => {
    rmSync(s3Directory, { recursive: true, force: true });
    throw error;
  });
  project.provide('apiUrl', runtime.apiUrl);
  project.provide('dynamoEndpoint', runtime.dynamoEndpoint);
  project.provide('tableName', runtime.tableName);
  project.provide('dynamoPid', runtime.dynamoPid);
  project.provide('s3Directory', runtime.s3Directory!);
  project.provide('invoiceBucket', runtime.invoiceBucket!);
  project.provide('shiprocketUrl', runtime.shiprocketSimulator!.url);
  project.provide('shiprocketControlUrl', runtime.shiprocketSimulator!.controlUrl);
  return async () => {
    await runtime.stop();
    rmSync(s3Directory, { recursive: true, force: true });
  };
}
