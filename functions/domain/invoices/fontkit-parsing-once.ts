import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

const parsed = new WeakMap<Uint8Array, ReturnType<Fontkit['create']>>();

/**
 * fontkit for `PDFDocument.registerFontkit` that parses each font's bytes once per process
 * (pdf-lib parses on every `embedFont`: ~15 ms a render for DejaVuSans). Each document still
 * makes its own subset, so the output is the same byte for byte.
 */
export const fontkitParsingOnce: Fontkit = {
  create(bytes, postscriptName) {
    if (postscriptName !== undefined) return fontkit.create(bytes, postscriptName);
    let font = parsed.get(bytes);
    if (!font) {
      font = fontkit.create(bytes);
      parsed.set(bytes, font);
    }
    return font;
  },
};
