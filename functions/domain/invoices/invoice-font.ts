import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The TTF files invoices embed; the deploy writes these (cut down) into `INVOICE_FONT_DIR`. */
export const INVOICE_FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;
export const INVOICE_FONT_FILE_NAMES: readonly string[] = Object.values(INVOICE_FONT_FILES);

export type InvoiceFonts = Record<keyof typeof INVOICE_FONT_FILES, Uint8Array>;

/**
 * `INVOICE_FONT_DIR` when set (Lambda: the bundle's folder, with the fonts cut down to what invoices
 * print by lib/invoice-font-subset.ts), else the full fonts of the `dejavu-fonts-ttf` package.
 */
export function invoiceFontDir(): string {
  return process.env.INVOICE_FONT_DIR || packagedInvoiceFontDir();
}

/** The `ttf/` folder of the `dejavu-fonts-ttf` package. */
export function packagedInvoiceFontDir(): string {
  return join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
}

let loaded: Promise<InvoiceFonts> | undefined;

/** The font bytes, read once per process. */
export function loadInvoiceFonts(): Promise<InvoiceFonts> {
  loaded ??= readFonts(invoiceFontDir()).catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}

async function readFonts(dir: string): Promise<InvoiceFonts> {
  const [regular, bold] = await Promise.all([
    readFile(join(dir, INVOICE_FONT_FILES.regular)),
    readFile(join(dir, INVOICE_FONT_FILES.bold)),
  ]);
  return { regular, bold };
}
