import { DEMO_PRINCIPALS } from '../local/demo-principals.ts';
import { JavaMissingError } from '../local/dynamodb-local.ts';
import { watchHealth } from '../local/health-watch.ts';
import { signLocalToken } from '../local/local-tokens.ts';
import { ensurePanelsBuild, PANELS_BUILD_DIR } from '../local/panels-build.ts';
import { PortTakenError } from '../local/port-holder.ts';
import { startLocalRuntime } from '../local/runtime.ts';

const env = process.env;
const apiPort = Number(env.PORT ?? 3000);
const healthPollMs = Number(env.HEALTH_POLL_MS ?? 5_000);

let stopping = false;
let runtime: Awaited<ReturnType<typeof startLocalRuntime>>;
if (await ensurePanelsBuild()) console.log(`Built the panels' web UI into ${PANELS_BUILD_DIR}`);
try {
  runtime = await startLocalRuntime({
    panelsWebRoot: PANELS_BUILD_DIR,
    apiPort,
    dynamoPort: Number(env.DYNAMODB_PORT ?? 8000),
    s3Port: Number(env.S3_PORT ?? 4569),
    shiprocketSimPort: Number(env.SHIPROCKET_SIM_PORT ?? 3001),
    dataDir: env.DATA_DIR ?? '.data',
    seedDemoData: true,
    logRequests: true,
    onNotice: (line) => console.log(line),
    onFatal: (error) => {
      if (stopping) return;
      console.error(`${error.message}\nnpm start stopped everything it had started.`);
      process.exit(1);
    },
  });
} catch (error) {
  if (error instanceof JavaMissingError || error instanceof PortTakenError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

console.log(`\nShipping Order Flow API on ${runtime.apiUrl}  (pid ${process.pid})`);
console.log(`Panels (web UI): ${runtime.apiUrl}/  (sign in as a demo user)`);
console.log(`DynamoDB Local ${runtime.dynamoEndpoint} (pid ${runtime.dynamoPid}), S3 emulator ${runtime.s3Endpoint}, data in ${runtime.dataDir}/`);
const simulator = runtime.shiprocketSimulator;
console.log(
  simulator
    ? `Shiprocket simulator ${simulator.url} (control ${simulator.controlUrl}; pickup locations: ${simulator.pickupLocations().map((location) => location.name).join(', ')})`
    : `Shiprocket: ${runtime.shiprocketUrl} (SHIPROCKET_BASE_URL is set: no simulator)`,
);
const every = (ms: number) => (ms === 60_000 ? 'every minute' : ms % 60_000 === 0 ? `every ${ms / 60_000} minutes` : `every ${ms / 1000} s`);
if (runtime.jobTimers.length > 0) console.log(`Scheduled jobs: ${runtime.jobTimers.map((job) => `${job.name} ${every(job.everyMs)}`).join(', ')}`);
console.log(runtime.seeded ? 'Demo data seeded (first start).' : 'Existing data kept.');
console.log('\nDemo tokens (valid 30 days):');
for (const { role, sub } of DEMO_PRINCIPALS) console.log(`  ${role.padEnd(8)} ${sub.padEnd(14)} ${await signLocalToken(role, sub)}`);
const sellerToken = await signLocalToken('seller', 'seller-aurora');
console.log(`\nTry: curl -H "authorization: Bearer ${sellerToken}" ${runtime.apiUrl}/order-items\nCtrl-C stops everything.\n`);

const health = healthPollMs > 0 ? watchHealth({ apiUrl: runtime.apiUrl, intervalMs: healthPollMs, report: (line) => console.log(line) }) : undefined;

async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  health?.stop();
  console.log(`\n${signal}: stopping ${runtime.jobTimers.length > 0 ? 'job timers, ' : ''}API, ${simulator ? 'Shiprocket simulator, ' : ''}S3 emulator and DynamoDB Local...`);
  await runtime.stop();
  console.log('Stopped. Data is kept.');
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(signal));
