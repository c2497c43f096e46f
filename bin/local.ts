import { DEMO_PRINCIPALS } from '../local/demo-principals.ts';
import { JavaMissingError } from '../local/dynamodb-local.ts';
import { signLocalToken } from '../local/local-tokens.ts';
import { startLocalRuntime } from '../local/runtime.ts';

const env = process.env;
const apiPort = Number(env.PORT ?? 3000);

let runtime: Awaited<ReturnType<typeof startLocalRuntime>>;
try {
  runtime = await startLocalRuntime({
    apiPort,
    dynamoPort: Number(env.DYNAMODB_PORT ?? 8000),
    s3Port: Number(env.S3_PORT ?? 4569),
    dataDir: env.DATA_DIR ?? '.data',
    seedDemoData: true,
    logRequests: true,
  });
} catch (error) {
  if (error instanceof JavaMissingError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

console.log(`\nShipping Order Flow API on ${runtime.apiUrl}  (DynamoDB Local ${runtime.dynamoEndpoint}, data in ${env.DATA_DIR ?? '.data'}/)`);
console.log(runtime.seeded ? 'Demo data seeded (first start).' : 'Existing data kept.');
console.log('\nDemo tokens (valid 30 days):');
for (const { role, sub } of DEMO_PRINCIPALS) console.log(`  ${role.padEnd(8)} ${sub.padEnd(14)} ${await signLocalToken(role, sub)}`);
const sellerToken = await signLocalToken('seller', 'seller-aurora');
console.log(`\nTry: curl -H "authorization: Bearer ${sellerToken}" ${runtime.apiUrl}/order-items\nCtrl-C stops everything.\n`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping API, S3 emulator and DynamoDB Local...`);
  await runtime.stop();
  console.log('Stopped. Data is kept.');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
