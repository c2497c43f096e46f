/**
 * The invoice fonts as the invoice function ships them: DejaVuSans and DejaVuSans-Bold cut down
 * with HarfBuzz's hb-subset (the `subset-font` package) to the Unicode blocks an Indian marketplace
 * invoice prints, keeping their cmap so pdf-lib embeds them as it embeds the full fonts. Together
 * ~210 KB instead of 1.46 MB.
 *
 * `node --import tsx lib/invoice-font-subset.ts <dir>` writes them into `<dir>` under the full
 * fonts' file names: the invoice function's bundling runs it into the bundle's folder, which is
 * the function's `INVOICE_FONT_DIR` (see `filesShippedWith` and `shipFiles`). Locally (npm start,
 * tests) invoices use the full fonts from the `dejavu-fonts-ttf` package.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { INVOICE_FONT_FILE_NAMES, packagedInvoiceFontDir } from '../functions/domain/invoices/invoice-font.ts';

/** Inclusive code point ranges kept, by Unicode block. */
export const INVOICE_FONT_BLOCKS: ReadonlyArray<readonly [block: string, first: number, last: number]> = [
  ['Basic Latin', 0x0020, 0x007e],
  ['Latin-1 Supplement', 0x00a0, 0x00ff],
  ['Latin Extended-A', 0x0100, 0x017f],
  ['Latin Extended-B', 0x0180, 0x024f],
  ['Spacing Modifier Letters', 0x02b0, 0x02ff],
  ['Combining Diacritical Marks', 0x0300, 0x036f],
  ['Greek and Coptic', 0x0370, 0x03ff],
  ['Cyrillic', 0x0400, 0x04ff],
  // IAST transliteration of Indian names and places (ṇ ṣ ṭ ḍ ṛ ṃ …), Vietnamese.
  ['Latin Extended Additional', 0x1e00, 0x1eff],
  ['General Punctuation', 0x2000, 0x206f],
  ['Currency Symbols', 0x20a0, 0x20cf],
  ['Letterlike Symbols', 0x2100, 0x214f],
  ['Number Forms', 0x2150, 0x218f],
  ['Arrows', 0x2190, 0x21ff],
  ['Minus sign', 0x2212, 0x2212],
  ['Latin ligatures (text pasted from PDFs)', 0xfb00, 0xfb06],
  ['Replacement character', 0xfffd, 0xfffd],
];

/** Every code point of `INVOICE_FONT_BLOCKS` (a font keeps those it has a glyph for). */
export function invoiceFontCodePoints(): number[] {
  return INVOICE_FONT_BLOCKS.flatMap(([, first, last]) => Array.from({ length: last - first + 1 }, (_, index) => first + index));
}

interface SubsetFontOptions {
  targetFormat?: 'truetype';
  noHinting?: boolean;
  dropTables?: string[];
}
type SubsetFont = (font: Buffer, text: string, options?: SubsetFontOptions) => Promise<Uint8Array>;

/**
 * `font` cut down to the invoice blocks. Also left out: the TrueType hinting (instructions and their
 * programs, for grid-fitting at small pixel sizes; poppler renders these invoices to the same pixels
 * without), the OpenType layout tables and the math table, which invoices do not use (text is laid
 * out one glyph per code point, see invoice-fontkit.ts).
 */
export async function subsetInvoiceFont(font: Uint8Array): Promise<Uint8Array> {
  const subsetFont = createRequire(import.meta.url)('subset-font') as SubsetFont;
  const text = String.fromCodePoint(...invoiceFontCodePoints());
  // subset-font (fontverter) reads the font's signature as a Buffer.
  const source = Buffer.from(font.buffer, font.byteOffset, font.byteLength);
  return new Uint8Array(await subsetFont(source, text, { targetFormat: 'truetype', noHinting: true, dropTables: ['GSUB', 'GPOS', 'GDEF', 'kern', 'MATH'] }));
}

/** Writes the subset invoice fonts into `dir`; returns their paths. */
export async function writeInvoiceFontSubsets(dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const sourceDir = packagedInvoiceFontDir();
  return Promise.all(
    INVOICE_FONT_FILE_NAMES.map(async (name) => {
      const file = join(dir, name);
      await writeFile(file, await subsetInvoiceFont(await readFile(join(sourceDir, name))));
      return file;
    }),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [dir] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node --import tsx lib/invoice-font-subset.ts <output dir>');
    process.exit(2);
  }
  await writeInvoiceFontSubsets(dir);
}
