import type { PDFDocument } from 'pdf-lib';
import { TrueTypeFont } from './truetype.ts';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

const parsed = new WeakMap<Uint8Array, TrueTypeFont>();

/**
 * What invoices give `PDFDocument.registerFontkit` instead of fontkit: the TrueType reader of
 * truetype.ts, each font's bytes parsed once per process (each document makes its own subset).
 *
 * Text is laid out without OpenType shaping, one glyph per code point through the font's cmap.
 * pdf-lib draws every glyph with its own advance width and ignores the positions a shaper computes
 * (kerning, mark placement), so shaping only ever mattered through GSUB substitutions (ligatures,
 * contextual forms), which invoice text — Latin script, digits, ₹ — does not need. With fontkit,
 * shaping was most of a render's time, and fontkit most of the invoice function's bundle.
 */
export const invoiceFontkit: Fontkit = {
  create(bytes, postscriptName) {
    if (postscriptName !== undefined) throw new Error('invoice fonts are single TrueType fonts, not collections');
    let font = parsed.get(bytes);
    if (!font) parsed.set(bytes, (font = new TrueTypeFont(bytes)));
    // The members pdf-lib's custom font embedding reads; not the whole of fontkit's Font.
    return font as unknown as ReturnType<Fontkit['create']>;
  },
};
