/**
 * `npm run bench`: DynamoDB round trips per route (counted on DynamoDB Local), handler CPU per
 * request with the SDK mocked, per function the synthesized bundle's size and import time against
 * a naive peer, the OpenAPI document, invoices, Shiprocket, the courier sync at 10k shipments, the
 * panels, and what a parcel life costs. `npm run bench -- cost [--json]` runs only the last, for 3
 * and 99 items.
 */
import { coldStartVerdict, measureBundles, printColdStartTable, TARGETS } from './bundles.ts';
import { INVOICE_ROUTE_KEY, printInvoiceBench } from './invoice-pdf.ts';
import { measureHandlerCpu } from './handler-cpu.ts';
import { measureRoundTrips } from './round-trips.ts';
import { measureStalledDatabase } from './stalled-database.ts';
import { measureCourier } from './courier.ts';
import { measureOpenApiCost, printOpenApiCost } from './openapi.ts';

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

// `npm run bench -- cost [--json]`: only the cost of a parcel life, for 3 and 99 items.
if (process.argv.includes('cost')) {
  const { measureCost, printCost, costJson } = await import('./cost/cost-bench.ts');
  const lives = await measureCost([3, 99]);
  printCost(lives);
  if (process.argv.includes('--json')) console.log(JSON.stringify(costJson(lives)));
  process.exit(0);
}

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

console.log('3. Function bundles from a real cdk synth, against a naive peer and the built-ins floor');
const coldStart = await measureBundles();
const bundles = coldStart.functions;
printColdStartTable(coldStart);

// The invoice function carries pdf-lib and its fonts: its own target (≤ 1 MB zipped) is checked in section 4.
const withGenericTargets = bundles.filter((m) => m.routeKey !== INVOICE_ROUTE_KEY);
const failedTrips = trips.filter((row) => !row.ok).map((row) => row.route);
const oversized = withGenericTargets.filter((m) => m.bundleKb > TARGETS.bundleKb).map((m) => m.routeKey);
console.log(`Round-trip targets: ${failedTrips.length === 0 ? 'all met' : `missed by ${failedTrips.join(', ')}`}`);
console.log(`Bundle size target (all but ${INVOICE_ROUTE_KEY}): ${oversized.length === 0 ? `all met (largest ${Math.max(...withGenericTargets.map((m) => m.bundleKb))} KB)` : `missed by ${oversized.join(', ')}`}`);
console.log(`Floor: importing only Node's http, https and crypto modules takes ${coldStart.floorMs} ms on this machine; every bundle that calls AWS pays it.`);
const slow = withGenericTargets.filter((m) => m.importMs > TARGETS.importMs).map((m) => m.routeKey);
console.log(`Import time target (all but ${INVOICE_ROUTE_KEY}): ${slow.length === 0 ? 'all met' : `missed by ${slow.join(', ')}`} (max ${Math.max(...withGenericTargets.map((m) => m.importMs))} ms)`);
for (const line of coldStartVerdict(coldStart)) console.log(line);

console.log('\n3b. OpenAPI document: its size, and what it adds to the route handlers (target: nothing)');
printOpenApiCost(await measureOpenApiCost());

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

console.log('\n6. Courier sync and webhook (Shiprocket simulator + DynamoDB Local)');
const { measureCourierSync, measureWebhookRoundTrips } = await import('./courier-sync.ts');
type SyncPass = import('./courier-sync.ts').SyncPass;
const sync = await measureCourierSync();
const shipmentWrites = (pass: SyncPass) => (pass.dynamo.commands.UpdateItem?.count ?? 0) + (pass.dynamo.commands.TransactWriteItems?.count ?? 0);
const requestsOf = (pass: SyncPass) =>
  Object.entries(pass.dynamo.commands)
    .map(([name, entry]) => `${entry.count} ${name}`)
    .join(' + ');
console.log(
  `${sync.count} live shipments seeded in ${round(sync.seedMs / 1000)} s (segments ${sync.perSegment.join(' + ')}); ${sync.moved} then moved at the courier (no webhook); one sync run measured:`,
);
const measured = sync.measured;
console.table([
  {
    measure: 'courier calls (bulk tracking, ≤ 50 AWBs)',
    value: measured.courierCalls,
    target: `ceil(N/50) = ${sync.targetCalls}`,
    ok: measured.courierCalls <= sync.targetCalls ? 'yes' : 'NO',
  },
  { measure: 'shipments read from the live-shipments index', value: measured.report.read, target: `N = ${sync.count}`, ok: measured.report.read === sync.count ? 'yes' : 'NO' },
  { measure: 'DynamoDB reads (requests)', value: measured.dynamo.reads, target: 'pages of 200 per segment + 1 cursor read + 1 read per shipment whose status moves', ok: '' },
  { measure: 'DynamoDB read units (table + indexes)', value: round(measured.dynamo.readUnits), target: '', ok: '' },
  { measure: 'shipment writes (UpdateItem + TransactWriteItems)', value: shipmentWrites(measured), target: `changed = ${measured.report.changed} of ${sync.moved} moved`, ok: shipmentWrites(measured) === measured.report.changed && measured.report.changed === sync.moved ? 'yes' : 'NO' },
  { measure: 'DynamoDB write units (table + indexes)', value: round(measured.dynamo.writeUnits), target: '', ok: '' },
  { measure: 'failed shipments', value: measured.report.failed, target: 0, ok: measured.report.failed === 0 ? 'yes' : 'NO' },
  { measure: 'wall ms (this machine)', value: measured.wallMs, target: '', ok: '' },
]);
console.log(`  requests: ${requestsOf(measured)} (PutItem and one GetItem: the run's cursor; the other GetItems read whole the shipments whose status moves); courier logins: ${measured.logins}`);
for (const [name, entry] of Object.entries(measured.dynamo.commands)) {
  if (entry.count > 0) console.log(`  ${name}: ${round((entry.tableUnits + entry.indexUnits) / entry.count, 2)} units each (table ${round(entry.tableUnits / entry.count, 2)}, indexes ${round(entry.indexUnits / entry.count, 2)}), as DynamoDB Local counts them`);
}
if (measured.report.read > sync.count) {
  console.log(`  read ${measured.report.read} = N + ${measured.report.read - sync.count} for ${measured.report.changed} changed: a shipment written in the run takes a new place at the end of its segment (ordered by lastSyncedAt) and is read again in the same pass, then skipped`);
}
const first = sync.first;
console.log(
  `First run after creation (each shipment's first tracking is written): ${first.courierCalls} courier calls, ${first.report.read} read, ${shipmentWrites(first)} shipment writes of ${first.report.changed} changed, ${round(first.dynamo.readUnits)} RRU, ${round(first.dynamo.writeUnits)} WRU, ${round(first.wallMs / 1000)} s`,
);
const webhook = await measureWebhookRoundTrips();
console.table(
  (
    [
      ['new status (picked up), pushed by the simulator', webhook.first, '1 lookup + 1 read + 1 transaction', webhook.first.commands.join() === 'Query,GetItem,TransactWriteItems' || webhook.first.commands.join() === 'Query,GetItem,UpdateItem'],
      ['the same body again', webhook.duplicate, '1 lookup + 1 read, 0 writes', webhook.duplicate.commands.join() === 'Query,GetItem'],
      ['an AWB not live here', webhook.unknown, '1 lookup, 0 writes', webhook.unknown.commands.join() === 'Query'],
    ] as const
  ).map(([call, result, target, ok]) => ({ 'POST /webhooks/courier': call, status: result.status, 'DynamoDB requests': result.commands.join(' + ') || 'none', RRU: result.readUnits, WRU: result.writeUnits, target, ok: ok ? 'yes' : 'NO' })),
);

console.log(`\n7. Panels (web UI): built size and time to an interactive parcel list in headless Chromium against npm start`);
const { printPanelsBench } = await import('./panels.ts');
await printPanelsBench();

console.log('\n8. The cost of a parcel life (3 items; `npm run bench -- cost` adds the 99-item parcel and `--json`)');
{
  const { measureCost, printCost } = await import('./cost/cost-bench.ts');
  printCost(await measureCost([3]));
}
