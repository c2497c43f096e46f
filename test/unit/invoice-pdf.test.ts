import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { INVOICE_FONT_FILE_NAMES, INVOICE_FONT_FILES, invoiceFontDir, loadInvoiceFonts, type InvoiceFonts } from '../../functions/domain/invoices/invoice-font.ts';
import { buildInvoice } from '../../functions/domain/invoices/invoice-document.ts';
import { INVOICE_PDF_PRODUCER, renderInvoicePdf } from '../../functions/domain/invoices/invoice-pdf.ts';
import { formatRupees } from '../../functions/domain/invoices/rupees.ts';
import { TrueTypeFont } from '../../functions/domain/invoices/truetype.ts';
import { filesShippedWith } from '../../lib/access-bindings.ts';
import { PROJECT_ROOT, shipFiles } from '../../lib/house-function.ts';
import { subsetInvoiceFont } from '../../lib/invoice-font-subset.ts';
import { popplerWorkDir } from '../support/poppler-work-dir.ts';
import { customerAddress, sampleInvoiceInput, sampleItems } from '../support/invoice-samples.ts';

const workDir = popplerWorkDir('invoice-pdf-', 'pdftotext');

/** The PDF's text as poppler lays it out, one string per page. */
function pagesOf(pdf: Uint8Array): string[] {
  const file = join(workDir(), `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ');

describe('renderInvoicePdf', () => {
  it('renders a 3-item inter-state invoice on one page that pdf-lib loads back, with its metadata', async () => {
    const invoice = buildInvoice(sampleInvoiceInput(3));
    const pdf = await renderInvoicePdf(invoice);
    const loaded = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(loaded.getPageCount()).toBe(1);
    expect(loaded.getTitle()).toBe('2026-27/000042');
    expect(loaded.getAuthor()).toBe('Aurora Crafts');
    expect(loaded.getProducer()).toBe(INVOICE_PDF_PRODUCER);
    expect(loaded.getCreationDate()?.toISOString()).toBe(invoice.issuedAt);
    expect(loaded.getModificationDate()?.toISOString()).toBe(invoice.issuedAt);

    const [page] = pagesOf(pdf);
    for (const text of [
      'TAX INVOICE', '2026-27/000042', 'GSTIN: 29ABCDE1234F1Z5', 'Aurora Crafts', 'Aurora Handicrafts Private Limited',
      'Invoice date 26-11-2026', 'Order date 26-11-2026', 'ord-20261125-0042', '01JDPARCEL0000000000000001', 'Prepaid',
      'Place of supply Maharashtra (27)', 'Reverse charge No', 'Bill to', 'Ship to', 'Asha Rao', 'IGST',
      `Grand total ${formatRupees(invoice.totals.grandTotal)}`, `Taxable value ${formatRupees(invoice.totals.taxableValue)}`,
      'Authorised signatory', 'For Aurora Crafts', 'Page 1 of 1', 'SKU: AUR-1000', '(Indigo / King)', '63049190',
    ]) {
      expect(oneLine(page!)).toContain(text);
    }
    expect(formatRupees(invoice.totals.grandTotal)).toBe('₹6,150.07');
    expect(page).not.toMatch(/CGST|SGST|CANCELLED/);
    expect(oneLine(page!)).toContain('Rupees Six Thousand One Hundred Fifty and');
  });

  it('shows CGST and SGST columns and totals for an intra-state supply', async () => {
    const invoice = buildInvoice(sampleInvoiceInput(3, { shippingAddress: customerAddress('Karnataka') }));
    const [page] = pagesOf(await renderInvoicePdf(invoice));
    expect(oneLine(page!)).toContain(`CGST ${formatRupees(invoice.totals.cgst)}`);
    expect(oneLine(page!)).toContain(`SGST ${formatRupees(invoice.totals.sgst)}`);
    expect(oneLine(page!)).toContain('Place of supply Karnataka (29)');
    expect(page).not.toContain('IGST');
  });

  it('paginates 99 items: table header on every page, totals on the last, "Page n of m"', async () => {
    const invoice = buildInvoice(sampleInvoiceInput(99));
    const pdf = await renderInvoicePdf(invoice);
    const pageCount = (await PDFDocument.load(pdf)).getPageCount();
    const pages = pagesOf(pdf);
    expect(pageCount).toBeGreaterThan(2);
    expect(pages).toHaveLength(pageCount);
    pages.forEach((page, index) => {
      expect(page).toContain(`Page ${index + 1} of ${pageCount}`);
      expect(page).toMatch(/#\s+Description\s+HSN\s+Qty\s+Unit price/);
      expect(page.includes('Grand total')).toBe(index === pageCount - 1);
      if (index > 0) expect(page).toContain('TAX INVOICE 2026-27/000042 (continued)');
    });
    const allText = pages.join('\n');
    for (const line of invoice.lines) expect(allText).toContain(`SKU: ${line.sku}`);
    expect(pages.at(-1)).toContain(formatRupees(invoice.totals.grandTotal));
  });

  it('shows a seller without a profile by its id, with a blank GSTIN', async () => {
    const invoice = buildInvoice(sampleInvoiceInput(3, { seller: undefined }));
    const pdf = await renderInvoicePdf(invoice);
    const [page] = pagesOf(pdf);
    expect(page).toContain('Seller ID: seller-aurora');
    expect(page).toMatch(/^GSTIN:[ \t]*(\s{2,}|$)/m);
    expect(page).toContain('For seller-aurora');
    expect((await PDFDocument.load(pdf, { updateMetadata: false })).getAuthor()).toBe('seller-aurora');
  });

  it('marks a cancelled invoice', async () => {
    const pages = pagesOf(await renderInvoicePdf(buildInvoice(sampleInvoiceInput(40)), { cancelled: true }));
    for (const page of pages) expect(page).toContain('CANCELLED');
  });

  it('wraps long and unbreakable descriptions and survives characters the font lacks', async () => {
    const [item] = sampleItems(1);
    const items = [
      { ...item!, productName: `Kanjivaram silk saree ${'X'.repeat(180)} पारंपरिक`, sku: 'S'.repeat(100), variant: 'Maroon / Free size' },
    ];
    const pages = pagesOf(await renderInvoicePdf(buildInvoice(sampleInvoiceInput(1, { items }))));
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('Kanjivaram silk saree');
  });

  it('gives the same bytes for the same invoice', async () => {
    const invoice = buildInvoice(sampleInvoiceInput(12));
    const [first, second] = await Promise.all([renderInvoicePdf(invoice), renderInvoicePdf(invoice)]);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });
});

describe('invoice fonts', () => {
  it('come from INVOICE_FONT_DIR when set, else from the dejavu-fonts-ttf package', () => {
    const packaged = invoiceFontDir();
    for (const file of INVOICE_FONT_FILE_NAMES) expect(existsSync(join(packaged, file))).toBe(true);
    vi.stubEnv('INVOICE_FONT_DIR', '/opt/fonts');
    try {
      expect(invoiceFontDir()).toBe('/opt/fonts');
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('invoice fonts as deployed (cut down at bundling)', () => {
  let deployed: InvoiceFonts;
  beforeAll(async () => {
    const full = await loadInvoiceFonts();
    deployed = { regular: await subsetInvoiceFont(full.regular), bold: await subsetInvoiceFont(full.bold) };
  });

  /** Invoices that between them print every label, both tax layouts, the cancelled marks, long and unbreakable text. */
  const samples = () => [
    buildInvoice(sampleInvoiceInput(99)),
    buildInvoice(sampleInvoiceInput(3, { shippingAddress: customerAddress('Karnataka') })),
    buildInvoice(sampleInvoiceInput(3, { seller: undefined, paymentMethod: 'cod' })),
  ];

  it('cover every character the invoice template prints, in both weights', async () => {
    const printed = new Set<string>();
    for (const invoice of samples()) {
      for (const cancelled of [false, true]) {
        for (const page of pagesOf(await renderInvoicePdf(invoice, { cancelled }))) for (const char of page) if (/\S/u.test(char)) printed.add(char);
      }
    }
    expect(printed).toContain('₹');
    // And what sellers' and customers' text commonly holds beyond ASCII.
    for (const char of '–—‘’“”•…×°©®™€£ÀÉéñçüößĀāṇṣṭḍṛṃ№½') printed.add(char);
    for (const [weight, bytes] of Object.entries(deployed)) {
      const font = new TrueTypeFont(bytes);
      expect([...printed].filter((char) => !font.hasGlyphForCodePoint(char.codePointAt(0)!)), weight).toEqual([]);
    }
  });

  it('render invoices whose text, ₹ included, reads the same as with the full fonts', async () => {
    for (const invoice of samples()) {
      const withDeployed = await renderInvoicePdf(invoice, { fonts: deployed });
      expect(pagesOf(withDeployed)).toEqual(pagesOf(await renderInvoicePdf(invoice)));
      expect(oneLine(pagesOf(withDeployed).at(-1)!)).toContain(`Grand total ${formatRupees(invoice.totals.grandTotal)}`);
    }
    const pdf = await renderInvoicePdf(buildInvoice(sampleInvoiceInput(3)), { fonts: deployed });
    expect(pdf.byteLength).toBeLessThan(16 * 1024);
    const file = join(workDir(), 'deployed-fonts.pdf');
    writeFileSync(file, pdf);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/DejaVuSans-\w+\s+CID TrueType\s+Identity-H\s+yes/);
    expect(fonts).toMatch(/DejaVuSans-Bold-\w+\s+CID TrueType\s+Identity-H\s+yes/);
    expect(execFileSync('pdftoppm', ['-r', '30', '-png', file, join(workDir(), 'deployed')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })).toBe('');
  });

  it("are what the invoice function's bundling writes next to its bundle", async () => {
    const bundleDir = join(workDir(), 'bundle');
    const commands = shipFiles(filesShippedWith({ invoices: 'readWrite' }))!.afterBundling('', bundleDir);
    for (const command of commands) execFileSync('bash', ['-c', command], { cwd: PROJECT_ROOT, stdio: 'pipe' });
    const full = await loadInvoiceFonts();
    for (const [weight, name] of Object.entries(INVOICE_FONT_FILES) as Array<[keyof InvoiceFonts, string]>) {
      const file = join(bundleDir, name);
      expect(statSync(file).size).toBeLessThan(full[weight].byteLength / 5);
      expect(Buffer.from(readFileSync(file)).equals(Buffer.from(deployed[weight]))).toBe(true);
      expect(new TrueTypeFont(readFileSync(file)).postscriptName).toBe(name.replace('.ttf', ''));
    }
  }, 30_000);
});
