import { mkdirSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureTable } from './create-table.ts';
import { assertJava, startDynamoDbLocal, type RunningDynamo } from './dynamodb-local.ts';
import { WATCHDOG_HEADER } from './health-watch.ts';
import type { JobTimerOptions } from './job-timers.ts';
import { assertPortsFree, describeTakenPort, PortTakenError, type PortClaim } from './port-holder.ts';
import { startS3Emulator } from './s3-emulator.ts';
import { learnFromSavedSeller, persistedPickupLocations } from './shiprocket-simulator/seller-pickup-locations.ts';
import { SIMULATOR_EMAIL, SIMULATOR_PASSWORD, startShiprocketSimulator, type ShiprocketSimulator } from './shiprocket-simulator/simulator.ts';
import { supervise, type Supervisor } from './supervisor.ts';

/** API.md's local default for `SHIPROCKET_WEBHOOK_TOKEN`. */
export const LOCAL_WEBHOOK_TOKEN = 'local-webhook-token';

export interface LocalRuntimeOptions {
  apiPort: number;
  dynamoPort: number;
  /** Persist DynamoDB and S3 data here; in memory (DynamoDB only) when omitted. */
  dataDir?: string;
  s3Port?: number;
  /** Where the S3 emulator keeps objects: default `<dataDir>/s3`; it runs when `s3Port` and one of the two are set. */
  s3Directory?: string;
  /**
   * Runs the Shiprocket simulator on this port and points the handlers at it
   * (`SHIPROCKET_BASE_URL`, `SHIPROCKET_EMAIL`, `SHIPROCKET_PASSWORD`), unless `SHIPROCKET_BASE_URL`
   * is already set: then the handlers talk to that and no simulator runs.
   */
  shiprocketSimPort?: number;
  seedDemoData?: boolean;
  /** Serves the built panels' UI from this directory at `/`, with the local sign-in (local/panels-server.ts). */
  panelsWebRoot?: string;
  logRequests?: boolean;
  /**
   * Runs each job of `functions/jobs.ts` on its own timer, every `localEveryMs` (default; `everyMs`
   * overrides it); false: no timers, runs happen only through `runJob` (the integration tests).
   */
  jobs?: boolean | JobTimerOptions;
  /** A child died, is being restarted, is back; a job run failed (default: stderr). */
  onNotice?: (line: string) => void;
  /** A child died and could not be restarted; the runtime has already stopped everything (default: stderr). */
  onFatal?: (error: Error) => void;
}

export interface LocalRuntime {
  apiUrl: string;
  dynamoEndpoint: string;
  /** The DynamoDB Local Java process now (a restart changes it). */
  readonly dynamoPid: number;
  s3Endpoint?: string;
  /** The S3 emulator's directory (absolute) and the invoice bucket, when it runs. */
  s3Directory?: string;
  invoiceBucket?: string;
  /** Absolute, when data is persisted. */
  dataDir?: string;
  tableName: string;
  seeded: boolean;
  /** Where the handlers reach Shiprocket (`SHIPROCKET_BASE_URL`): the simulator's `/v1/external`, or the URL given. */
  shiprocketUrl?: string;
  /** The simulator, when it runs (its `controlUrl` is `/__sim`). */
  shiprocketSimulator?: ShiprocketSimulator;
  /** The jobs on a timer and how often each runs (none when `jobs: false`). */
  jobTimers: { name: string; everyMs: number }[];
  /**
   * Runs a job of `functions/jobs.ts` now, as its schedule would, and answers the handler's result
   * (the sync's report); rejects with the handler's error. Waits for a run of the same job in progress.
   */
  runJob(name: string): Promise<unknown>;
  stop(): Promise<void>;
}

/** The ports the runtime will listen on, with the variable `npm start` reads for each. */
const dynamoClaim = (port: number): PortClaim => ({ port, service: 'DynamoDB Local', variable: 'DYNAMODB_PORT', host: '0.0.0.0' });

function portClaims(options: LocalRuntimeOptions): PortClaim[] {
  const claims: PortClaim[] = [{ port: options.apiPort, service: 'the API', variable: 'PORT' }, dynamoClaim(options.dynamoPort)];
  if (s3Directory(options)) claims.push({ port: options.s3Port!, service: 'the S3 emulator', variable: 'S3_PORT' });
  if (runsSimulator(options)) claims.push(simulatorClaim(options.shiprocketSimPort!));
  return claims;
}

const simulatorClaim = (port: number): PortClaim => ({ port, service: 'the Shiprocket simulator', variable: 'SHIPROCKET_SIM_PORT' });
const runsSimulator = (options: LocalRuntimeOptions) => options.shiprocketSimPort !== undefined && !process.env.SHIPROCKET_BASE_URL;

/** Sets variables for the handlers; the returned function puts back what was there before. */
function setEnvironment(values: Record<string, string>): () => void {
  const before = Object.fromEntries(Object.keys(values).map((name) => [name, process.env[name]]));
  Object.assign(process.env, values);
  return () => {
    for (const [name, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

const s3Directory = (options: LocalRuntimeOptions) =>
  options.s3Port === undefined ? undefined : options.s3Directory ? resolve(options.s3Directory) : options.dataDir ? resolve(options.dataDir, 's3') : undefined;

const isWatchdogRequest = (request: IncomingMessage) => request.headers[WATCHDOG_HEADER] !== undefined;

/**
 * Everything `npm start` and the integration tests run: DynamoDB Local, the S3 emulator, the
 * table, and the API through the real handlers. It refuses ports held by other processes, restarts
 * a child that dies, stops in reverse order and leaves no process behind (children are guarded
 * against this process being killed, too).
 */
export async function startLocalRuntime(options: LocalRuntimeOptions): Promise<LocalRuntime> {
  const notice = options.onNotice ?? ((line: string) => console.error(line));
  const stops: (() => Promise<void>)[] = [];
  let stopped: Promise<void> | undefined;
  const stopAll = () =>
    (stopped ??= (async () => {
      for (const stop of stops.reverse()) await stop().catch((error: unknown) => console.error(error));
    })());
  const fatal = (error: Error) => void stopAll().then(() => (options.onFatal ?? ((e: Error) => console.error(e.message)))(error));

  assertJava();
  await assertPortsFree(portClaims(options));
  try {
    const dataDir = options.dataDir ? resolve(options.dataDir) : undefined;
    const dynamoDir = dataDir && resolve(dataDir, 'dynamodb');
    if (dynamoDir) mkdirSync(dynamoDir, { recursive: true });
    const tableName = process.env.TABLE_NAME ?? 'shipping-order-flow';
    const dynamoEndpoint = `http://127.0.0.1:${options.dynamoPort}`;
    const createTable = async () => {
      const admin = new DynamoDBClient({ endpoint: dynamoEndpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
      try {
        return await ensureTable(admin, tableName, notice);
      } finally {
        admin.destroy();
      }
    };
    const startDynamo = () => startDynamoDbLocal({ port: options.dynamoPort, dataDir: dynamoDir });
    const dynamo: Supervisor<RunningDynamo> = supervise(await startDynamo(), {
      name: 'DynamoDB Local',
      where: `on port ${options.dynamoPort} ${dynamoDir ? `with data in ${dynamoDir}` : 'in memory'}`,
      // In memory, a new DynamoDB Local has no table yet; on disk it is kept.
      start: async () => {
        await assertPortsFree([dynamoClaim(options.dynamoPort)]);
        const next = await startDynamo();
        await createTable().catch(async (error: unknown) => {
          await next.stop();
          throw error;
        });
        return next;
      },
      pidOf: (running) => running.pid,
      notice,
      fatal,
    });
    stops.push(() => dynamo.stop());

    Object.assign(process.env, {
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: dynamoEndpoint,
      AWS_REGION: process.env.AWS_REGION ?? 'ap-south-1',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    });
    const table = await createTable();

    let s3Endpoint: string | undefined;
    const s3Dir = s3Directory(options);
    const invoiceBucket = s3Dir ? (process.env.INVOICE_BUCKET ?? 'shipping-order-flow-invoices') : undefined;
    if (s3Dir) {
      const bucket = invoiceBucket!;
      const startS3 = () => startS3Emulator({ port: options.s3Port!, directory: s3Dir, bucket });
      const s3 = supervise(await startS3(), { name: 'The S3 emulator', where: `on port ${options.s3Port} with data in ${s3Dir}`, start: startS3, notice, fatal });
      stops.push(() => s3.stop());
      s3Endpoint = s3.current.endpoint;
      Object.assign(process.env, { INVOICE_BUCKET: bucket, S3_ENDPOINT: s3Endpoint });
    }

    let shiprocketSimulator: ShiprocketSimulator | undefined;
    if (runsSimulator(options)) {
      const simulator = await startShiprocketSimulator({ port: options.shiprocketSimPort! }).catch((error: NodeJS.ErrnoException) => {
        throw error.code === 'EADDRINUSE' ? new PortTakenError(describeTakenPort(simulatorClaim(options.shiprocketSimPort!))) : error;
      });
      shiprocketSimulator = simulator;
      stops.push(() => simulator.close());
      // The simulator's own API user, whatever SHIPROCKET_EMAIL said (real credentials stay out of it).
      const restore = setEnvironment({ SHIPROCKET_BASE_URL: simulator.url, SHIPROCKET_EMAIL: SIMULATOR_EMAIL, SHIPROCKET_PASSWORD: SIMULATOR_PASSWORD });
      stops.push(async () => restore());
    }

    // Loaded only now (and the job runner below): the handlers' DynamoDB client reads its endpoint from the environment set above.
    const { startApiServer } = await import('./api-server.ts');
    const seeded = table === 'created' && options.seedDemoData === true;
    if (seeded) await (await import('./demo-data.ts')).seedDemoData();

    const onRequest = options.logRequests ? (line: string, request: IncomingMessage) => isWatchdogRequest(request) || console.log(line) : undefined;
    const pickupLocations = shiprocketSimulator && persistedPickupLocations(shiprocketSimulator, dataDir && resolve(dataDir, 'shiprocket-simulator', 'pickup-locations.json'));
    const onHandled = pickupLocations && learnFromSavedSeller(pickupLocations);
    const beforeRoutes = options.panelsWebRoot ? (await import('./panels-server.ts')).panelsRequestHandler(options.panelsWebRoot) : undefined;
    const api = await startApiServer({ port: options.apiPort, onRequest, onHandled, beforeRoutes }).catch((error: NodeJS.ErrnoException) => {
      // Taken since the check at the start: say by whom, as for the other ports.
      throw error.code === 'EADDRINUSE' ? new PortTakenError(describeTakenPort(portClaims(options)[0]!)) : error;
    });
    stops.push(() => api.close());
    // Shiprocket pushes tracking to the webhook route with its token, as the panel's webhook setting does.
    process.env.SHIPROCKET_WEBHOOK_TOKEN ??= LOCAL_WEBHOOK_TOKEN;
    shiprocketSimulator?.setWebhook({ url: `${api.url}/webhooks/courier`, token: process.env.SHIPROCKET_WEBHOOK_TOKEN });

    // Last started, first stopped: no run is left talking to a stopped DynamoDB or simulator.
    const { jobRunner } = await import('./job-timers.ts');
    const jobs = jobRunner(notice);
    stops.push(() => jobs.stop());
    const timers = options.jobs ?? true;
    const jobTimers = timers === false ? [] : jobs.startTimers(timers === true ? {} : timers);
    return {
      apiUrl: api.url,
      dynamoEndpoint,
      get dynamoPid() {
        return dynamo.current.pid;
      },
      s3Endpoint,
      s3Directory: s3Dir,
      invoiceBucket,
      dataDir,
      tableName,
      seeded,
      shiprocketUrl: process.env.SHIPROCKET_BASE_URL,
      shiprocketSimulator,
      jobTimers,
      runJob: (name) => jobs.run(name),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
