import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureTable } from './create-table.ts';
import { startDynamoDbLocal } from './dynamodb-local.ts';
import { startS3Emulator } from './s3-emulator.ts';

export interface LocalRuntimeOptions {
  apiPort: number;
  dynamoPort: number;
  /** Persist DynamoDB and S3 data here; in memory (DynamoDB only) when omitted. */
  dataDir?: string;
  s3Port?: number;
  seedDemoData?: boolean;
  logRequests?: boolean;
}

export interface LocalRuntime {
  apiUrl: string;
  dynamoEndpoint: string;
  tableName: string;
  seeded: boolean;
  stop(): Promise<void>;
}

/**
 * Everything `npm start` and the integration tests run: DynamoDB Local, the S3 emulator, the
 * table, and the API through the real handlers. Stops in reverse order and leaves no process behind.
 */
export async function startLocalRuntime(options: LocalRuntimeOptions): Promise<LocalRuntime> {
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => console.error(error));
  };
  try {
    const dataDir = options.dataDir ? resolve(options.dataDir) : undefined;
    if (dataDir) mkdirSync(resolve(dataDir, 'dynamodb'), { recursive: true });
    const dynamo = await startDynamoDbLocal({ port: options.dynamoPort, dataDir: dataDir && resolve(dataDir, 'dynamodb') });
    stops.push(() => dynamo.stop());

    const tableName = process.env.TABLE_NAME ?? 'shipping-order-flow';
    Object.assign(process.env, {
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      AWS_REGION: process.env.AWS_REGION ?? 'ap-south-1',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    });

    if (options.s3Port !== undefined && dataDir) {
      const bucket = process.env.INVOICE_BUCKET ?? 'shipping-order-flow-invoices';
      const s3 = await startS3Emulator({ port: options.s3Port, directory: resolve(dataDir, 's3'), bucket });
      Object.assign(process.env, { INVOICE_BUCKET: bucket, S3_ENDPOINT: s3.endpoint });
      stops.push(() => s3.stop());
    }

    const admin = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    const table = await ensureTable(admin, tableName);
    admin.destroy();

    // Loaded only now: the handlers' DynamoDB client reads its endpoint from the environment set above.
    const { startApiServer } = await import('./api-server.ts');
    const seeded = table === 'created' && options.seedDemoData === true;
    if (seeded) await (await import('./demo-data.ts')).seedDemoData();

    const api = await startApiServer({ port: options.apiPort, onRequest: options.logRequests ? (line) => console.log(line) : undefined });
    stops.push(() => api.close());
    return { apiUrl: api.url, dynamoEndpoint: dynamo.endpoint, tableName, seeded, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
