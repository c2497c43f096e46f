/**
 * `npm run bench -- cost [--json]`: what one parcel life costs, counted on the local system and
 * priced with `prices.ts`, for a 3-item and a 99-item parcel (the default bench runs the 3-item one).
 */
import { PRICES } from './prices.ts';
import { driveParcelLife, measureEmptySyncPass, startMeteredSystem } from './parcel-life.ts';
import { ASSUMPTIONS, priceLife, type PricedLife } from './price-life.ts';
import { sumUnits } from './meter.ts';

/** Targets of issue 15. */
export const COST_TARGETS = { usdPerThreeItemLife: 0.0001, statusChangeWriteUnitsAt99Items: 50 } as const;

const round = (value: number, digits = 1) => Number(value.toFixed(digits));
const usd = (value: number) => `$${value.toFixed(7)}`;

export async function measureCost(sizes: readonly number[]): Promise<PricedLife[]> {
  const system = await startMeteredSystem();
  try {
    await measureEmptySyncPass(system);
    const lives: PricedLife[] = [];
    for (const items of sizes) {
      const run = await driveParcelLife(system, items);
      if (!run.returnsCounted) console.log('  (no returns routes yet: the life ends at delivery)');
      printPhases(run.items, run.meter.phases);
      lives.push(priceLife(run));
    }
    return lives;
  } finally {
    await system.stop();
  }
}

function printPhases(items: number, phases: Map<string, import('./meter.ts').PhaseCount>) {
  console.log(`\nA ${items}-item parcel, phase by phase (read units as DynamoDB Local reports them with ReturnConsumedCapacity: INDEXES; write units computed from each record before and after, see bench/cost/item-size.ts)`);
  console.table(
    [...phases]
      .filter(([phase]) => !phase.startsWith('setup'))
      .map(([phase, count]) => ({
        phase,
        requests: count.invocations,
        'DynamoDB calls': Object.entries(count.dynamoRequests)
          .map(([name, n]) => `${n} ${name}`)
          .join(', '),
        WRU: round(sumUnits(count.writeUnits)),
        'WRU where': Object.entries(count.writeUnits)
          .map(([target, units]) => `${target.replace('index:', '')} ${round(units)}`)
          .join(', '),
        RRU: round(sumUnits(count.readUnits)),
        'handler ms': round(count.invocationMs),
      })),
  );
}

export function printCost(lives: readonly PricedLife[]): void {
  console.log(`Prices: ${PRICES.region}, as published on ${PRICES.date} (bench/cost/prices.ts names the pages). Assumptions: bench/cost/price-life.ts.`);
  for (const life of lives) {
    console.log(`\nCost of one ${life.items}-item parcel life (order → parcel → invoice → courier → 8 tracking updates → delivered → one return received)`);
    console.table(life.lines.map((line) => ({ what: line.what, count: line.count, USD: usd(line.usd) })));
    console.log(`Total: ${usd(life.usdPerParcel)} per parcel (${round(life.writeUnits)} WRU, ${round(life.readUnits)} RRU incl. the sync, ${life.invocations} requests)`);
    console.log(`  stored in DynamoDB: ${Object.entries(life.storedBytesByTarget).map(([target, bytes]) => `${target} ${round(bytes / 1024)} KB`).join(', ')}`);
    console.log(`  kept ${ASSUMPTIONS.retentionMonths} months (GST records), the parcel's records and invoice cost ${usd(life.usdRetention)} more: storage, not part of the life`);
    console.log(`  write units by table/index: ${Object.entries(life.writeUnitsByTarget).map(([target, units]) => `${target} ${round(units)}`).join(', ')}`);
    const changes = life.statusChangeWriteUnits.map((change) => change.writeUnits);
    const summaryChanges = life.statusChangeWriteUnits.map((change) => change.summaryDesignWriteUnits);
    console.log(`  a tracking update (status change) writes ${round(Math.min(...changes))}–${round(Math.max(...changes))} WRU, table and indexes included`);
    const keysChanges = life.statusChangeWriteUnits.map((change) => change.keysDesignWriteUnits);
    console.log(
      `  with list indexes that copy keys and filter attributes only (a list page then reads its records by key, +1 round trip): ${round(life.keysDesignWriteUnits)} WRU for the life, ${round(Math.min(...keysChanges))}–${round(Math.max(...keysChanges))} per tracking update`,
    );
    console.log(
      `  with list indexes that copy no history (list entries without events): ${round(life.summaryDesignWriteUnits)} WRU for the life (now ${round(life.writeUnits)}), ${round(Math.min(...summaryChanges))}–${round(Math.max(...summaryChanges))} per tracking update`,
    );
  }
  const three = lives.find((life) => life.items === 3);
  if (three) console.log(`Target ≤ ${usd(COST_TARGETS.usdPerThreeItemLife)} per 3-item life: ${three.usdPerParcel <= COST_TARGETS.usdPerThreeItemLife ? 'met' : 'MISSED'} (${usd(three.usdPerParcel)})`);
  const ninetyNine = lives.find((life) => life.items === 99);
  if (ninetyNine) {
    const worst = Math.max(...ninetyNine.statusChangeWriteUnits.map((change) => change.writeUnits));
    console.log(`Target < ${COST_TARGETS.statusChangeWriteUnitsAt99Items} WRU per status change of a 99-item parcel: ${worst < COST_TARGETS.statusChangeWriteUnitsAt99Items ? 'met' : 'MISSED'} (${round(worst)} WRU)`);
  }
}

/** The figures other tools read: `--json` prints this as the last line. */
export function costJson(lives: readonly PricedLife[]) {
  const entry = (life: PricedLife | undefined) =>
    life && {
      usdPerParcel: Number(life.usdPerParcel.toPrecision(4)),
      writeUnits: round(life.writeUnits),
      readUnits: round(life.readUnits),
      requests: life.invocations,
      usdRetention96Months: Number(life.usdRetention.toPrecision(4)),
      storedBytes: Math.round(sumUnits(life.storedBytesByTarget)),
      maxStatusChangeWriteUnits: round(Math.max(...life.statusChangeWriteUnits.map((change) => change.writeUnits))),
      summaryDesignWriteUnits: round(life.summaryDesignWriteUnits),
      keysDesignWriteUnits: round(life.keysDesignWriteUnits),
      usdByLine: Object.fromEntries(life.lines.map((line) => [line.what, Number(line.usd.toPrecision(3))])),
    };
  return {
    threeItems: entry(lives.find((life) => life.items === 3)),
    ninetyNineItems: entry(lives.find((life) => life.items === 99)),
    region: PRICES.region,
    pricesAsOf: PRICES.date,
    assumptions: ASSUMPTIONS,
  };
}
