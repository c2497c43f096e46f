/**
 * Invoices: rendering — the first render in the process (fonts read from disk and parsed), the
 * median of warm renders, and the PDF's size, for invoices of 1, 10, 50 and 99 lines — and the
 * invoice function's deployment package, zipped as Lambda stores and counts it.
 * `npx tsx bench/invoice-pdf.ts` prints the figures.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { deflateRawSync } from 'node:zlib';
import { buildInvoice } from '../functions/domain/invoices/invoice-document.ts';
import { INVOICE_FONT_FILES, packagedInvoiceFontDir, type InvoiceFonts } from '../functions/domain/invoices/invoice-font.ts';
import { renderInvoicePdf } from '../functions/domain/invoices/invoice-pdf.ts';
import { findRoute } from '../functions/routes.ts';
import { filesShippedWith } from '../lib/access-bindings.ts';
import { handlerEntry } from '../lib/api-stack.ts';
import { HOUSE_BUNDLE, PROJECT_ROOT, shipFiles } from '../lib/house-function.ts';
import { subsetInvoiceFont } from '../lib/invoice-font-subset.ts';
import { sampleInvoiceInput } from '../test/support/invoice-samples.ts';
import { houseBuild } from './bundles.ts';

/** The invoices issue's targets: 50 lines ≤ 50 ms warm and ≤ 60 KB; the others are reported. */
export const INVOICE_PDF_TARGETS: Record<number, { warmMs: number; kb: number } | undefined> = {
  50: { warmMs: 50, kb: 60 },
};
const LINE_COUNTS = [1, 10, 50, 99] as const;

const WARM_RENDERS = 20;
/** Unmeasured renders between the first and the warm ones, for the JIT to settle. */
const SETTLING_RENDERS = 5;

export interface InvoicePdfMeasurement {
  items: number;
  firstRenderMs: number;
  warmMedianMs: number;
  kb: number;
  withinTargets: boolean;
}

/**
 * Renders with `fonts`, by default the process's invoice fonts (the full DejaVu fonts locally).
 * The first render of the first invoice includes parsing the fonts.
 */
export async function measureInvoicePdf(fonts?: InvoiceFonts): Promise<InvoicePdfMeasurement[]> {
  const measurements: InvoicePdfMeasurement[] = [];
  for (const items of LINE_COUNTS) {
    const invoice = buildInvoice(sampleInvoiceInput(items));
    const first = await timed(() => renderInvoicePdf(invoice, { fonts }));
    for (let run = 0; run < SETTLING_RENDERS; run++) await renderInvoicePdf(invoice, { fonts });
    const warm: number[] = [];
    for (let run = 0; run < WARM_RENDERS; run++) warm.push((await timed(() => renderInvoicePdf(invoice, { fonts }))).ms);
    const kb = round(first.result.byteLength / 1024);
    const warmMedianMs = round(median(warm));
    const target = INVOICE_PDF_TARGETS[items];
    measurements.push({
      items,
      firstRenderMs: round(first.ms),
      warmMedianMs,
      kb,
      withinTargets: target === undefined || (warmMedianMs <= target.warmMs && kb <= target.kb),
    });
  }
  return measurements;
}

/** The invoices issue's target for the invoice function's deployment package (bundle, source map, fonts), zipped. */
export const INVOICE_PACKAGE_TARGET_KB = 1024;
export const INVOICE_ROUTE_KEY = 'GET /parcels/{parcelId}/invoice';

export interface InvoicePackageMeasurement {
  files: Array<{ name: string; kb: number }>;
  unzippedKb: number;
  zippedKb: number;
  /** `zip` (the CLI, default level 6 like the CDK's zip) or `deflateRaw` (node's zlib, level 6, per file, summed, plus zip headers). */
  zippedWith: 'zip' | 'deflateRaw';
  withinTarget: boolean;
}

/**
 * The invoice function's deployment package, made as `cdk deploy` makes it: esbuild with the
 * house options (HOUSE_BUNDLE, plus the source map without sources as HouseFunction asks), then
 * the route's bundling hooks (`shipFiles(filesShippedWith(...))`, which write the subset fonts),
 * then zipped.
 */
export async function measureInvoicePackage(): Promise<InvoicePackageMeasurement> {
  const route = findRoute(INVOICE_ROUTE_KEY);
  if (!route) throw new Error(`no route ${INVOICE_ROUTE_KEY}`);
  const dir = await mkdtemp(join(tmpdir(), 'invoice-package-'));
  try {
    const bundleDir = join(dir, 'asset');
    await houseBuild(handlerEntry(route.handler), { outfile: join(bundleDir, 'index.mjs'), sourcemap: HOUSE_BUNDLE.sourcemap, sourcesContent: false });
    // The hooks' commands, run as the CDK runs them: bash, from the project root.
    for (const command of shipFiles(filesShippedWith(route.access))?.afterBundling('', bundleDir) ?? []) {
      await promisify(execFile)('bash', ['-c', command], { cwd: PROJECT_ROOT });
    }
    const names = (await readdir(bundleDir)).sort();
    const files = await Promise.all(names.map(async (name) => ({ name, bytes: (await stat(join(bundleDir, name))).size })));
    const unzipped = files.reduce((sum, file) => sum + file.bytes, 0);
    const { bytes: zipped, zippedWith } = await zippedSize(bundleDir, names, join(dir, 'package.zip'));
    return {
      files: files.map(({ name, bytes }) => ({ name, kb: round(bytes / 1024) })),
      unzippedKb: round(unzipped / 1024),
      zippedKb: round(zipped / 1024),
      zippedWith,
      withinTarget: zipped / 1024 <= INVOICE_PACKAGE_TARGET_KB,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function zippedSize(dir: string, names: string[], zipFile: string): Promise<{ bytes: number; zippedWith: 'zip' | 'deflateRaw' }> {
  try {
    await promisify(execFile)('zip', ['-q', '-X', zipFile, ...names], { cwd: dir });
    return { bytes: (await stat(zipFile)).size, zippedWith: 'zip' };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  let bytes = 22; // end of central directory
  for (const name of names) {
    // Local header (30) and central directory entry (46), each with the name.
    bytes += deflateRawSync(await readFile(join(dir, name)), { level: 6 }).byteLength + 76 + 2 * Buffer.byteLength(name);
  }
  return { bytes, zippedWith: 'deflateRaw' };
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await work();
  return { result, ms: performance.now() - start };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const round = (value: number) => Number(value.toFixed(1));

/** The fonts as the deployed function has them (lib/invoice-font-subset.ts). */
export async function deployedInvoiceFonts(): Promise<InvoiceFonts> {
  const dir = packagedInvoiceFontDir();
  const [regular, bold] = await Promise.all([INVOICE_FONT_FILES.regular, INVOICE_FONT_FILES.bold].map(async (name) => subsetInvoiceFont(await readFile(join(dir, name)))));
  return { regular: regular!, bold: bold! };
}

/** Prints the renders with the deployed and the full fonts, and the package. */
export async function printInvoiceBench(): Promise<void> {
  console.log(`Invoice PDF (pdf-lib, DejaVuSans + Bold embedded as subsets), Node ${process.versions.node}; target: 50 lines ≤ 50 ms warm and ≤ 60 KB`);
  for (const [title, fonts] of [
    ['fonts as deployed (cut down at bundling)', await deployedInvoiceFonts()],
    ['full fonts (local: npm start, tests)', undefined],
  ] as const) {
    console.log(title);
    console.table(
      (await measureInvoicePdf(fonts)).map((m) => ({
        items: m.items,
        'first render ms': m.firstRenderMs,
        [`warm median ms (${WARM_RENDERS})`]: m.warmMedianMs,
        KB: m.kb,
        'within targets': m.withinTargets ? 'yes' : 'NO',
      })),
    );
  }
  const pkg = await measureInvoicePackage();
  console.log(`Invoice function package (${INVOICE_ROUTE_KEY}): esbuild with the house options + bundling hooks, zipped with ${pkg.zippedWith === 'zip' ? 'the zip CLI' : "node's deflateRaw per file"}; target ≤ ${INVOICE_PACKAGE_TARGET_KB} KB zipped`);
  console.table(pkg.files.map((file) => ({ file: file.name, KB: file.kb })));
  console.log(`unzipped ${pkg.unzippedKb} KB, zipped ${pkg.zippedKb} KB: ${pkg.withinTarget ? 'within' : 'OVER'} the ${INVOICE_PACKAGE_TARGET_KB} KB target`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await printInvoiceBench();
}
