/**
 * Per function: size of the real synthesized bundle, its import time in a fresh Node process, and
 * the dependency that dominates it. `npx tsx bench/bundles.ts` prints the table.
 */
import { build, type BuildOptions, type BuildResult } from 'esbuild';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { jobs } from '../functions/jobs.ts';
import { FALLBACK_HANDLER, findRoute } from '../functions/routes.ts';
import { handlerEntry } from '../lib/api-stack.ts';
import { synthesizeApp, synthesizedFunctions } from '../lib/cloud-assembly.ts';
import { HOUSE_BUNDLE, PROJECT_ROOT } from '../lib/house-function.ts';

export const TARGETS = { bundleKb: 300, importMs: 40 } as const;
const IMPORT_RUNS = 7;

export interface BundleMeasurement {
  routeKey: string;
  bundleKb: number;
  /** Median over fresh `node --enable-source-maps` processes, as Lambda runs it. */
  importMs: number;
  dominantDependency: { name: string; kb: number; share: number };
  withinTargets: boolean;
}

export async function measureBundles(): Promise<BundleMeasurement[]> {
  // Outside the project: a bundle must import with no node_modules around it, as in Lambda.
  const runDir = await mkdtemp(join(tmpdir(), 'shipping-bundles-'));
  try {
    return await measureIn(runDir);
  } finally {
    await rm(runDir, { recursive: true, force: true });
  }
}

async function measureIn(runDir: string): Promise<BundleMeasurement[]> {
  const outdir = join(runDir, 'cdk.out');
  await synthesizeApp(outdir);
  const measurements: BundleMeasurement[] = [];
  for (const fn of await synthesizedFunctions(outdir)) {
    const bundleKb = (await stat(join(fn.bundleDir, 'index.mjs'))).size / 1024;
    const importMs = await medianImportMs(fn.bundleDir, pathToFileURL(join(fn.bundleDir, 'index.mjs')).href);
    const dominantDependency = await dominantDependencyOf(fn.routeKey);
    measurements.push({
      routeKey: fn.routeKey,
      bundleKb: round(bundleKb),
      importMs: round(importMs),
      dominantDependency,
      withinTargets: bundleKb <= TARGETS.bundleKb && importMs <= TARGETS.importMs,
    });
  }
  return measurements.sort((a, b) => b.bundleKb - a.bundleKb);
}

/**
 * The floor under any function that talks to AWS: importing Node's own http, https and crypto
 * modules in a fresh process (the SDK's HTTP handler and signer need them).
 */
export async function measureBuiltinFloorMs(): Promise<number> {
  const script = `const start = performance.now(); await import('node:http'); await import('node:https'); await import('node:crypto'); console.log(performance.now() - start);`;
  return round(await medianOf(tmpdir(), script));
}

/** Median time to import `bundle` in a fresh Node process started in `cwd`. */
async function medianImportMs(cwd: string, bundle: string): Promise<number> {
  return medianOf(cwd, `const start = performance.now(); await import(${JSON.stringify(bundle)}); console.log(performance.now() - start);`);
}


async function medianOf(cwd: string, script: string): Promise<number> {
  const samples: number[] = [];
  for (let run = 0; run < IMPORT_RUNS; run++) {
    const { stdout } = await promisify(execFile)(process.execPath, ['--enable-source-maps', '--input-type=module', '--eval', script], {
      cwd,
      env: { ...process.env, TABLE_NAME: 'bench', AWS_REGION: 'us-east-1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    samples.push(Number(stdout.trim().split('\n').at(-1)));
  }
  return median(samples);
}

/** Re-bundles the route's handler with the house options and attributes output bytes to packages. */
async function dominantDependencyOf(routeKey: string): Promise<BundleMeasurement['dominantDependency']> {
  const job = jobs.find((entry) => routeKey === `job ${entry.name}`);
  const handler = routeKey === '$default' ? FALLBACK_HANDLER : (job?.handler ?? findRoute(routeKey)?.handler);
  if (!handler) throw new Error(`no route or job ${routeKey} in the route and job tables`);
  const result = await houseBuild(handlerEntry(handler), { write: false, metafile: true, outfile: 'index.mjs' });
  const bytesByPackage = new Map<string, number>();
  let total = 0;
  for (const output of Object.values(result.metafile?.outputs ?? {})) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = packageOf(input);
      bytesByPackage.set(name, (bytesByPackage.get(name) ?? 0) + bytesInOutput);
      total += bytesInOutput;
    }
  }
  const [name, bytes] = [...bytesByPackage].filter(([pkg]) => pkg !== PROJECT_CODE).sort((a, b) => b[1] - a[1])[0] ?? [PROJECT_CODE, total];
  return { name, kb: round(bytes / 1024), share: Math.round((100 * bytes) / Math.max(total, 1)) / 100 };
}

const PROJECT_CODE = '(project code)';

function packageOf(inputPath: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(inputPath.split('node_modules/').length > 1 ? inputPath.slice(inputPath.lastIndexOf('node_modules/')) : '');
  return match?.[1] ?? PROJECT_CODE;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const round = (value: number): number => Math.round(value * 10) / 10;

function printTable(measurements: BundleMeasurement[]): void {
  console.log(`Targets: ≤ ${TARGETS.bundleKb} KB minified, ≤ ${TARGETS.importMs} ms import (median of ${IMPORT_RUNS} fresh processes, Node ${process.versions.node})`);
  console.table(
    measurements.map((m) => ({
      route: m.routeKey,
      'bundle KB': m.bundleKb,
      'import ms': m.importMs,
      'dominant dependency': `${m.dominantDependency.name} (${m.dominantDependency.kb} KB, ${Math.round(m.dominantDependency.share * 100)}%)`,
      ok: m.withinTargets ? 'yes' : 'NO',
    })),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printTable(await measureBundles());
}

/** esbuild with exactly the deploy's bundling options (HOUSE_BUNDLE), for measuring what Lambda gets. */
export function houseBuild(entry: string, options: Omit<BuildOptions, 'entryPoints'>): Promise<BuildResult> {
  const all: BuildOptions = {
    entryPoints: [entry],
    absWorkingDir: PROJECT_ROOT,
    bundle: true,
    platform: 'node',
    target: HOUSE_BUNDLE.target,
    format: HOUSE_BUNDLE.format,
    mainFields: [...HOUSE_BUNDLE.mainFields],
    banner: { js: HOUSE_BUNDLE.banner },
    external: [...HOUSE_BUNDLE.external],
    alias: HOUSE_BUNDLE.alias,
    minify: HOUSE_BUNDLE.minify,
    logLevel: 'silent',
    ...options,
  };
  return build(all);
}
