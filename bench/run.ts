/**
 * `npm run bench`: DynamoDB round trips per route (counted on DynamoDB Local), handler CPU per
 * request with the SDK mocked, and per function the synthesized bundle's size and import time.
 */
import { measureBuiltinFloorMs, measureBundles, TARGETS } from './bundles.ts';
import { INVOICE_ROUTE_KEY, printInvoiceBench } from './invoice-pdf.ts';
import { measureHandlerCpu } from './handler-cpu.ts';
import { measureRoundTrips } from './round-trips.ts';
import { measureStalledDatabase } from './stalled-database.ts';
import { measureCourier } from './courier.ts';

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

console.log(`Node ${process.versions.node}, ${new Date().toISOString()}\n`);

console.log('1. DynamoDB round trips per request (SDK middleware count, DynamoDB Local, median latency over 15 calls)');
const trips = await measureRoundTrips();
console.table(trips.map((row) => ({ route: row.route, 'round trips': row.roundTrips, requests: row.commands, target: row.target, ok: row.ok ? 'yes' : 'NO', 'median ms': round(row.medianMs) })));

console.log('1b. Time to an answer with DynamoDB Local frozen (SIGSTOP); target: 503 within the request bound');
const stalls = await measureStalledDatabase();
console.table(stalls.map((row) => ({ request: row.request, status: row.status, code: row.code, ms: row.ms, 'target ms': row.targetMs, ok: row.ok ? 'yes' : 'NO' })));

console.log('2. Handler CPU per request with the SDK mocked (400 warm calls each)');
const cpu = await measureHandlerCpu();
console.table(cpu.map((row) => ({ route: row.route, 'CPU µs/request': round(row.cpuMicros, 0), 'wall µs/request': round(row.wallMicros, 0) })));

console.log(`3. Function bundles from a real cdk synth (targets ≤ ${TARGETS.bundleKb} KB, ≤ ${TARGETS.importMs} ms import)`);
const bundles = await measureBundles();
console.table(
  bundles.map((m) => ({
    route: m.routeKey,
    'bundle KB': m.bundleKb,
    'import ms': m.importMs,
    'dominant dependency': `${m.dominantDependency.name} (${m.dominantDependency.kb} KB)`,
  })),
);

// The invoice function carries pdf-lib and its fonts: its own target (≤ 1 MB zipped) is checked in section 4.
const withGenericTargets = bundles.filter((m) => m.routeKey !== INVOICE_ROUTE_KEY);
const failedTrips = trips.filter((row) => !row.ok).map((row) => row.route);
const oversized = withGenericTargets.filter((m) => m.bundleKb > TARGETS.bundleKb).map((m) => m.routeKey);
console.log(`Round-trip targets: ${failedTrips.length === 0 ? 'all met' : `missed by ${failedTrips.join(', ')}`}`);
console.log(`Bundle size target (all but ${INVOICE_ROUTE_KEY}): ${oversized.length === 0 ? `all met (largest ${Math.max(...withGenericTargets.map((m) => m.bundleKb))} KB)` : `missed by ${oversized.join(', ')}`}`);
const floor = await measureBuiltinFloorMs();
console.log(`Floor: importing only Node's http, https and crypto modules takes ${floor} ms on this machine; every bundle that calls AWS pays it.`);
const slow = withGenericTargets.filter((m) => m.importMs > TARGETS.importMs).map((m) => m.routeKey);
console.log(`Import time target (all but ${INVOICE_ROUTE_KEY}): ${slow.length === 0 ? 'all met' : `missed by ${slow.join(', ')}`} (max ${Math.max(...withGenericTargets.map((m) => m.importMs))} ms)`);

console.log('\n4. Invoices');
await printInvoiceBench();

console.log('\n5. Shiprocket (simulator + DynamoDB Local)');
const courier = await measureCourier();
console.log(`Courier calls per create (token cached): ${courier.courierCallsPerCreate.length} — ${courier.courierCallsPerCreate.join(', ')}`);
console.log('  (the minimum the API allows: create the order, assign the AWB, request pickup, generate the label; no serviceability call when Shiprocket picks its recommended courier)');
console.log(`Logins per 100 creates: ${courier.loginsPer100Creates} (target 1)`);
console.table(
  Object.entries(courier.dynamoRoundTrips).map(([route, commands]) => ({ route, 'DynamoDB round trips': commands.length, requests: commands.join(' + ') })),
);
