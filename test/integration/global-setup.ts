import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';
import { startLocalRuntime } from '../../local/runtime.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    apiUrl: string;
    dynamoEndpoint: string;
    tableName: string;
  }
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** Integration tests run against the real local runtime: DynamoDB Local (in memory) + the API over HTTP. */
export default async function setup(project: TestProject) {
  Object.assign(process.env, { POWERTOOLS_LOG_LEVEL: 'SILENT', TABLE_NAME: 'shipping-order-flow-test' });
  const runtime = await startLocalRuntime({ apiPort: await freePort(), dynamoPort: await freePort() });
  project.provide('apiUrl', runtime.apiUrl);
  project.provide('dynamoEndpoint', runtime.dynamoEndpoint);
  project.provide('tableName', runtime.tableName);
  return () => runtime.stop();
}
