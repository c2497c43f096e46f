/**
 * Prices a counted parcel life with `prices.ts`. What was not counted here is a named assumption,
 * printed with the figure it produced.
 */
import { PRICES } from './prices.ts';
import { sumUnits, type PhaseCount } from './meter.ts';
import type { LifeRun } from './parcel-life.ts';

export const ASSUMPTIONS = {
  functionMemoryGb: 512 / 1024,
  /** Shiprocket answers in about this long in production; the simulator answers in ~1 ms. Four calls per create. */
  courierCallMs: 400,
  courierCallsPerCreate: 4,
  /** A shipment stays live (synced every 15 minutes) this long from pickup to delivery. */
  transitHours: 72,
  syncPassesPerHour: 4,
  /** Bulk tracking answers up to 50 AWBs a call: a pass's Lambda time is shared by that many shipments. */
  shipmentsPerSyncCall: 50,
  /** One invocation in this many starts a container: billed INIT time, and the courier functions read their secret. */
  coldStartEvery: 20,
  initMs: 250,
  /** Lambda's START/END/REPORT lines (~350 B) plus our one structured line per request (~450 B, as the bench's own runs print them). */
  logBytesPerInvocation: 800,
  /** GST law keeps invoices and accounts 8 years (96 months): what a parcel's records cost to keep that long. */
  retentionMonths: 96,
} as const;

export interface PricedLine {
  what: string;
  count: string;
  usd: number;
}

export interface PricedLife {
  items: number;
  usdPerParcel: number;
  lines: PricedLine[];
  writeUnits: number;
  readUnits: number;
  invocations: number;
  /** Write units of each tracking update (a status change of the whole parcel), table and indexes. */
  statusChangeWriteUnits: { phase: string; writeUnits: number; summaryDesignWriteUnits: number; keysDesignWriteUnits: number; byTarget: Record<string, number> }[];
  /** All the life's writes if list indexes copied keys and filter attributes only (LIST_KEYS_DESIGN). */
  keysDesignWriteUnits: number;
  /** All the life's writes if list indexes copied no history (LIST_SUMMARY_DESIGN). */
  summaryDesignWriteUnits: number;
  writeUnitsByTarget: Record<string, number>;
  storedBytesByTarget: Record<string, number>;
  /** Keeping the parcel's records (DynamoDB) and invoice (S3) for `retentionMonths`: not part of the life. */
  usdRetention: number;
  readUnitsByTarget: Record<string, number>;
}

const priced = (phases: Map<string, PhaseCount>) => [...phases].filter(([phase]) => !phase.startsWith('setup'));

function total(phases: [string, PhaseCount][], pick: (count: PhaseCount) => number): number {
  return phases.reduce((sum, [, count]) => sum + pick(count), 0);
}

function byTarget(phases: [string, PhaseCount][], pick: (count: PhaseCount) => Record<string, number>): Record<string, number> {
  const result: Record<string, number> = {};
  for (const [, count] of phases) for (const [target, units] of Object.entries(pick(count))) result[target] = (result[target] ?? 0) + units;
  return result;
}

export function priceLife(run: LifeRun): PricedLife {
  const phases = priced(run.meter.phases);
  const writeUnits = total(phases, (count) => sumUnits(count.writeUnits));
  const readUnits = total(phases, (count) => sumUnits(count.readUnits));
  const invocations = total(phases, (count) => count.invocations);
  const invocationMs = total(phases, (count) => count.invocationMs);
  const courierWaitMs = ASSUMPTIONS.courierCallMs * ASSUMPTIONS.courierCallsPerCreate;
  const syncPasses = ASSUMPTIONS.transitHours * ASSUMPTIONS.syncPassesPerHour;
  const syncReadUnits = syncPasses * run.syncPass.readUnits;
  const syncLambdaMs = (syncPasses * run.syncPass.ms) / ASSUMPTIONS.shipmentsPerSyncCall;
  const coldStarts = invocations / ASSUMPTIONS.coldStartEvery;
  const courierInvocations = total(phases.filter(([phase]) => phase.startsWith('webhook') || phase.startsWith('courier')), (count) => count.invocations);
  const gbSeconds = (ms: number) => (ms / 1000) * ASSUMPTIONS.functionMemoryGb;
  const s3Puts = total(phases, (count) => count.s3Puts);
  const s3Gets = total(phases, (count) => count.s3Gets);
  const s3Bytes = total(phases, (count) => count.s3BytesPut);
  const round = (value: number, digits = 1) => Number(value.toFixed(digits));
  const dynamoBytes = sumUnits(run.storedBytes);
  const dynamoMonthUsd = (dynamoBytes / 1024 ** 3) * PRICES.dynamodb.usdPerGbMonth;
  const s3MonthUsd = (s3Bytes / 1024 ** 3) * PRICES.s3.usdPerGbMonth;

  const lines: PricedLine[] = [
    { what: 'DynamoDB writes (table + indexes)', count: `${round(writeUnits)} WRU`, usd: writeUnits * PRICES.dynamodb.usdPerWriteRequestUnit },
    { what: 'DynamoDB reads (table + indexes)', count: `${round(readUnits)} RRU`, usd: readUnits * PRICES.dynamodb.usdPerReadRequestUnit },
    {
      what: `DynamoDB reads of the scheduled sync (${syncPasses} passes over ${ASSUMPTIONS.transitHours} h in transit)`,
      count: `${round(syncReadUnits)} RRU`,
      usd: syncReadUnits * PRICES.dynamodb.usdPerReadRequestUnit,
    },
    { what: 'API Gateway HTTP API requests', count: `${invocations}`, usd: invocations * PRICES.apiGateway.usdPerHttpApiRequest },
    { what: 'Lambda requests', count: `${invocations}`, usd: invocations * PRICES.lambda.usdPerRequest },
    {
      what: `Lambda duration, measured (${ASSUMPTIONS.functionMemoryGb * 1024} MB arm64)`,
      count: `${round(invocationMs)} ms`,
      usd: gbSeconds(invocationMs) * PRICES.lambda.usdPerGbSecond,
    },
    {
      what: `Lambda waiting on Shiprocket (${ASSUMPTIONS.courierCallsPerCreate} calls × ${ASSUMPTIONS.courierCallMs} ms, assumed)`,
      count: `${courierWaitMs} ms`,
      usd: gbSeconds(courierWaitMs) * PRICES.lambda.usdPerGbSecond,
    },
    {
      what: `Lambda cold starts (1 in ${ASSUMPTIONS.coldStartEvery}, ${ASSUMPTIONS.initMs} ms billed INIT, assumed)`,
      count: `${round(coldStarts, 2)}`,
      usd: gbSeconds(coldStarts * ASSUMPTIONS.initMs) * PRICES.lambda.usdPerGbSecond,
    },
    {
      what: `Lambda time of the sync (pass measured, shared by ${ASSUMPTIONS.shipmentsPerSyncCall} shipments)`,
      count: `${round(syncLambdaMs)} ms`,
      usd: gbSeconds(syncLambdaMs) * PRICES.lambda.usdPerGbSecond + (syncPasses / ASSUMPTIONS.shipmentsPerSyncCall) * PRICES.lambda.usdPerRequest,
    },
    {
      what: 'Secrets Manager reads (one per courier-function cold start)',
      count: `${round(courierInvocations / ASSUMPTIONS.coldStartEvery, 2)}`,
      usd: (courierInvocations / ASSUMPTIONS.coldStartEvery) * PRICES.secretsManager.usdPerApiCall,
    },
    { what: 'S3 requests (PUT, GET)', count: `${s3Puts} PUT, ${s3Gets} GET`, usd: s3Puts * PRICES.s3.usdPerPut + s3Gets * PRICES.s3.usdPerGet },
    { what: 'S3 storage of the invoice, first month', count: `${round(s3Bytes / 1024)} KB`, usd: s3MonthUsd },
    { what: 'DynamoDB storage (table + indexes), first month', count: `${round(dynamoBytes / 1024)} KB`, usd: dynamoMonthUsd },
    {
      what: `CloudWatch Logs (${ASSUMPTIONS.logBytesPerInvocation} B per invocation, assumed)`,
      count: `${round((invocations * ASSUMPTIONS.logBytesPerInvocation) / 1024)} KB`,
      usd: ((invocations * ASSUMPTIONS.logBytesPerInvocation) / 1024 ** 3) * PRICES.cloudWatchLogs.usdPerGbIngested,
    },
  ];
  const statusChangeWriteUnits = phases
    .filter(([phase]) => phase.startsWith('webhook'))
    .map(([phase, count]) => ({ phase, writeUnits: sumUnits(count.writeUnits), summaryDesignWriteUnits: count.summaryDesignWriteUnits, keysDesignWriteUnits: count.keysDesignWriteUnits, byTarget: count.writeUnits }));
  return {
    items: run.items,
    usdPerParcel: lines.reduce((sum, line) => sum + line.usd, 0),
    lines,
    writeUnits,
    summaryDesignWriteUnits: total(phases, (count) => count.summaryDesignWriteUnits),
    keysDesignWriteUnits: total(phases, (count) => count.keysDesignWriteUnits),
    readUnits: readUnits + syncReadUnits,
    invocations,
    statusChangeWriteUnits,
    writeUnitsByTarget: byTarget(phases, (count) => count.writeUnits),
    storedBytesByTarget: run.storedBytes,
    usdRetention: (dynamoMonthUsd + s3MonthUsd) * ASSUMPTIONS.retentionMonths,
    readUnitsByTarget: byTarget(phases, (count) => count.readUnits),
  };
}
