import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { buildInvoice } from '../../functions/domain/invoices/invoice-document.ts';
import { renderInvoicePdf } from '../../functions/domain/invoices/invoice-pdf.ts';
import type { InvoiceInput } from '../../functions/domain/invoices/invoice-types.ts';
import { formatRupees } from '../../functions/domain/invoices/rupees.ts';
import type { Address } from '../../functions/domain/orders/order-types.ts';
import { popplerWorkDir } from '../support/poppler-work-dir.ts';
import { customerAddress, sampleInvoiceInput } from '../support/invoice-samples.ts';

/**
 * What a seller gets, seen as pixels: page 1 rasterised by poppler (pdftoppm) is not blank, and the
 * title, the item table and the grand total are actually painted where pdftotext says they are
 * (text in the content stream that renders as nothing — a missing glyph, white ink — fails here).
 */

const workDir = popplerWorkDir('invoice-png-', 'pdftoppm');

const RESOLUTION = 50;
/** Darker than mid-grey (0 black … 255 white): what counts towards "the page is not blank". */
const DARK = 128;
/** Visibly not paper: small grey text (the SKU lines) anti-aliased at 50 dpi rarely reaches mid-grey. */
const INK = 200;

/** A grey-scale raster: one byte per pixel, row by row. */
interface Gray {
  width: number;
  height: number;
  pixels: Uint8Array;
}

let fileCount = 0;
function writePdf(pdf: Uint8Array): string {
  const file = join(workDir(), `invoice-${++fileCount}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

/** Binary PGM (P5, maxval 255) as pdftoppm -gray writes it: "P5\n<w> <h>\n255\n" then the pixels. */
function parsePgm(bytes: Buffer): Gray {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  const [width, height, maxval] = header.slice(1).map(Number) as [number, number, number];
  expect(maxval).toBe(255);
  const start = header[0].length;
  expect(bytes.length - start).toBe(width * height);
  const pixels = new Uint8Array(bytes.buffer, bytes.byteOffset + start, width * height);
  return { width, height, pixels };
}

/** Page 1 at `RESOLUTION` dpi in grey. */
function rasterGray(pdfFile: string): Gray {
  const out = execFileSync('pdftoppm', ['-r', String(RESOLUTION), '-gray', '-f', '1', '-l', '1', pdfFile], { maxBuffer: 64 * 1024 * 1024 });
  return parsePgm(out);
}

/** Page 1 as pdftoppm -png writes it: the PNG's signature and IHDR (width, height, bit depth, colour type). */
function rasterPng(pdfFile: string): { width: number; height: number; bitDepth: number; colourType: number; bytes: Buffer } {
  const prefix = join(workDir(), `page-${++fileCount}`);
  execFileSync('pdftoppm', ['-r', String(RESOLUTION), '-png', '-f', '1', '-l', '1', '-singlefile', pdfFile, prefix]);
  return pngHeader(readFileSync(`${prefix}.png`));
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
function pngHeader(bytes: Buffer) {
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), bitDepth: bytes[24]!, colourType: bytes[25]!, bytes };
}

type Box = { x0: number; y0: number; x1: number; y1: number };

/** Share of pixels darker than `threshold` in a box (pixel coordinates, top-left origin; the whole page by default). */
function darkShare(image: Gray, box: Box = { x0: 0, y0: 0, x1: image.width, y1: image.height }, threshold = DARK): number {
  const x0 = Math.max(0, Math.floor(box.x0));
  const y0 = Math.max(0, Math.floor(box.y0));
  const x1 = Math.min(image.width, Math.ceil(box.x1));
  const y1 = Math.min(image.height, Math.ceil(box.y1));
  let dark = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (image.pixels[y * image.width + x]! < threshold) dark++;
  return dark / Math.max(1, (x1 - x0) * (y1 - y0));
}

interface Word {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Page 1's words with their boxes, as poppler lays them out (PDF points, top-left origin). */
function wordsOf(pdfFile: string): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdfFile, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((match) => ({
    x0: Number(match[1]),
    y0: Number(match[2]),
    x1: Number(match[3]),
    y1: Number(match[4]),
    text: match[5]!.replace(/&amp;/g, '&'),
  }));
}

/** The box of `text` (a single word, first occurrence below `below` points) in pixels of the raster. */
function pixelBoxOf(words: Word[], text: string, below = 0) {
  const word = words.find((candidate) => candidate.text === text && candidate.y0 >= below);
  expect(word, `"${text}" on page 1`).toBeDefined();
  const scale = RESOLUTION / 72;
  return { x0: word!.x0 * scale, y0: word!.y0 * scale, x1: word!.x1 * scale, y1: word!.y1 * scale, points: word! };
}

/** A realistic 3-item invoice of a Karnataka seller shipped within Karnataka (CGST + SGST). */
const intraStateInvoice = () => buildInvoice(sampleInvoiceInput(3, { shippingAddress: customerAddress('Karnataka') }));

describe('invoice page 1 as pixels (pdftoppm)', () => {
  it('a blank page counts as blank (the check below can fail)', async () => {
    const blank = await PDFDocument.create();
    blank.addPage([595.28, 841.89]);
    const image = rasterGray(writePdf(await blank.save()));
    expect(darkShare(image)).toBe(0);
  });

  it('renders a 3-item intra-state invoice to a PNG and a grey raster that are not blank', async () => {
    const invoice = intraStateInvoice();
    expect(invoice.supplyType).toBe('intra-state');
    const file = writePdf(await renderInvoicePdf(invoice));

    // A4 at 50 dpi: 8.27 × 11.69 in.
    const png = rasterPng(file);
    expect(png).toMatchObject({ width: 414, height: 585, bitDepth: 8 });
    expect(png.bytes.length).toBeGreaterThan(5_000);
    const image = rasterGray(file);
    expect({ width: image.width, height: image.height }).toEqual({ width: png.width, height: png.height });

    const share = darkShare(image);
    expect(share).toBeGreaterThan(0.01);
    expect(share).toBeLessThan(0.5);

    // Top band (title) and the table band both carry ink; the margins below the footer do not spill.
    expect(darkShare(image, { x0: 0, y0: 0, x1: image.width, y1: image.height * 0.1 })).toBeGreaterThan(0.01);
    expect(darkShare(image, { x0: 0, y0: image.height * 0.3, x1: image.width, y1: image.height * 0.5 })).toBeGreaterThan(0.01);
  });

  it('paints the title, the table header, every line and the grand total where poppler places their text', async () => {
    const invoice = intraStateInvoice();
    const file = writePdf(await renderInvoicePdf(invoice));
    const image = rasterGray(file);
    const words = wordsOf(file);

    const title = pixelBoxOf(words, 'TAX');
    expect(title.y1).toBeLessThan(image.height * 0.1);
    expect(darkShare(image, title)).toBeGreaterThan(0.1);

    const header = pixelBoxOf(words, 'Description');
    const checked = [
      header,
      pixelBoxOf(words, 'CGST', header.points.y0),
      pixelBoxOf(words, 'SGST', header.points.y0),
      ...invoice.lines.map((line) => pixelBoxOf(words, line.sku, header.points.y0)),
      ...invoice.lines.map((line) => pixelBoxOf(words, formatRupees(line.total), header.points.y0)),
      pixelBoxOf(words, formatRupees(invoice.totals.grandTotal)),
    ];
    for (const box of checked) {
      expect(box.y0, box.points.text).toBeGreaterThan(title.y1);
      expect(darkShare(image, box, INK), `ink where "${box.points.text}" is`).toBeGreaterThan(0.1);
    }
    // The items table sits in the upper half of the page for three lines.
    expect(pixelBoxOf(words, invoice.lines.at(-1)!.sku, header.points.y0).y1).toBeLessThan(image.height * 0.6);
  });
});

/**
 * docs/invoice-sample.png: page 1 of this invoice at 100 dpi, what the docs show sellers. To make
 * it again: INVOICE_SAMPLE_PNG=docs/invoice-sample.png npx vitest run test/unit/invoice-rendering-png.test.ts
 * (without the variable the test only writes to a temporary directory).
 */
const auroraWeaves: Address = {
  name: 'Aurora Weaves Private Limited',
  phone: '+91 80 4123 5678',
  email: 'orders@auroraweaves.in',
  line1: '14, 2nd Main Road, Jayanagar 4th Block',
  city: 'Bengaluru',
  state: 'Karnataka',
  postalCode: '560011',
  country: 'India',
};

const customer: Address = {
  name: 'Meera Hegde',
  phone: '+91 98860 24680',
  email: 'meera.hegde@example.com',
  line1: '27, Kalidasa Road, V V Mohalla',
  line2: 'Near Kukkarahalli Lake',
  city: 'Mysuru',
  state: 'Karnataka',
  postalCode: '570002',
  country: 'India',
};

const docsSampleInput: InvoiceInput = {
  invoiceNumber: '2026-27/000137',
  issuedAt: '2026-11-26T06:40:00.000Z',
  parcelId: '01JDQ7K3M8T2W6R9PXAVBN4C5E',
  orderId: 'ord-20261125-1187',
  orderPlacedAt: '2026-11-25T14:12:00.000Z',
  paymentMethod: 'prepaid',
  currency: 'INR',
  sellerId: 'seller-aurora-weaves',
  seller: { name: 'Aurora Weaves Private Limited', storeName: 'Aurora Weaves', gstin: '29AAHCA4821K1ZH', address: auroraWeaves },
  billingAddress: customer,
  shippingAddress: customer,
  items: [
    { id: 'item-001', productName: 'Ilkal handloom cotton saree with contrast pallu', sku: 'AW-ILK-0412', variant: 'Maroon / 6.3 m with blouse piece', hsn: '52084990', quantity: 1, unitPrice: 238_095, taxPercent: 5 },
    { id: 'item-002', productName: 'Hand-block printed cotton dupatta', sku: 'AW-DUP-1108', variant: 'Indigo / 2.25 m', hsn: '62149090', quantity: 2, unitPrice: 64_286, taxPercent: 5 },
    { id: 'item-003', productName: 'Kasuti embroidered cushion covers, set of 2', sku: 'AW-KAS-0207', variant: 'Mustard / 16 × 16 in', hsn: '63049990', quantity: 1, unitPrice: 84_900, taxPercent: 12 },
    { id: 'item-004', productName: 'Handwoven cotton dhurrie', sku: 'AW-DHR-0046', variant: 'Natural stripes / 4 × 6 ft', hsn: '57050024', quantity: 1, unitPrice: 319_900, taxPercent: 12 },
  ],
};

describe('the docs sample (docs/invoice-sample.png)', () => {
  it('is page 1 of the Aurora Weaves invoice at 100 dpi, not blank, CGST + SGST, under 200 KB', async () => {
    const invoice = buildInvoice(docsSampleInput);
    expect(invoice.supplyType).toBe('intra-state');
    expect(invoice.totals.cgst).toBeGreaterThan(0);
    const file = writePdf(await renderInvoicePdf(invoice));
    const prefix = join(workDir(), 'invoice-sample');
    execFileSync('pdftoppm', ['-r', '100', '-png', '-f', '1', '-l', '1', '-singlefile', file, prefix]);
    const fresh = pngHeader(readFileSync(`${prefix}.png`));
    const target = process.env.INVOICE_SAMPLE_PNG;
    if (target) writeFileSync(target, fresh.bytes);

    const committed = pngHeader(readFileSync(new URL('../../docs/invoice-sample.png', import.meta.url)));
    expect({ width: committed.width, height: committed.height }).toEqual({ width: fresh.width, height: fresh.height });
    expect({ width: committed.width, height: committed.height }).toEqual({ width: 827, height: 1170 });
    expect(committed.bytes.length).toBeLessThan(200 * 1024);
    const image = rasterGray(file);
    expect(darkShare(image)).toBeGreaterThan(0.01);
    expect(darkShare(image)).toBeLessThan(0.5);
  });
});
