/**
 * Invoice PDF rendering: the first render in the process (fonts read from disk and parsed), the
 * median of warm renders, and the PDF's size, for a 3-item and a 99-item invoice.
 * `npx tsx bench/invoice-pdf.ts` prints the figures.
 */
import { pathToFileURL } from 'node:url';
import { buildInvoice } from '../functions/domain/invoices/invoice-document.ts';
import { renderInvoicePdf } from '../functions/domain/invoices/invoice-pdf.ts';
import { sampleInvoiceInput } from '../test/support/invoice-samples.ts';

export const INVOICE_PDF_TARGETS = {
  3: { warmMs: 50, kb: 30 },
  99: { warmMs: 200, kb: undefined },
} as const;

const WARM_RENDERS = 20;

export interface InvoicePdfMeasurement {
  items: keyof typeof INVOICE_PDF_TARGETS;
  firstRenderMs: number;
  warmMedianMs: number;
  kb: number;
  withinTargets: boolean;
}

export async function measureInvoicePdf(): Promise<InvoicePdfMeasurement[]> {
  const measurements: InvoicePdfMeasurement[] = [];
  for (const items of [3, 99] as const) {
    const invoice = buildInvoice(sampleInvoiceInput(items));
    const first = await timed(() => renderInvoicePdf(invoice));
    const warm: number[] = [];
    for (let run = 0; run < WARM_RENDERS; run++) warm.push((await timed(() => renderInvoicePdf(invoice))).ms);
    const kb = round(first.result.byteLength / 1024);
    const warmMedianMs = round(median(warm));
    const target = INVOICE_PDF_TARGETS[items];
    measurements.push({
      items,
      firstRenderMs: round(first.ms),
      warmMedianMs,
      kb,
      withinTargets: warmMedianMs <= target.warmMs && (target.kb === undefined || kb <= target.kb),
    });
  }
  return measurements;
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

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`Invoice PDF (pdf-lib, DejaVuSans subset), Node ${process.versions.node}; targets: 3 items ≤ 50 ms warm and ≤ 30 KB, 99 items ≤ 200 ms warm`);
  console.table(
    (await measureInvoicePdf()).map((m) => ({
      items: m.items,
      'first render ms': m.firstRenderMs,
      [`warm median ms (${WARM_RENDERS})`]: m.warmMedianMs,
      KB: m.kb,
      'within targets': m.withinTargets ? 'yes' : 'NO',
    })),
  );
}
