import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type Font = ReturnType<Fontkit['create']>;
type GlyphRun = ReturnType<Font['layout']>;

const parsed = new WeakMap<Uint8Array, Font>();

/**
 * fontkit for `PDFDocument.registerFontkit`, made for invoices:
 *
 * - Each font's bytes are parsed once per process (pdf-lib parses on every `embedFont`: ~15 ms a
 *   render for DejaVuSans). Each document still makes its own subset.
 * - Text is laid out without OpenType shaping: one glyph per code point through the font's cmap.
 *   pdf-lib draws every glyph with its own advance width and ignores the positions fontkit's
 *   GPOS pass computes (kerning, mark placement), so shaping only ever mattered through GSUB
 *   (ligatures, contextual forms), which invoice text — Latin script, digits, ₹ — does not need.
 *   fontkit's shaping was most of a render's time.
 * - Each embedded font (so each document) keeps the glyph runs of the strings it laid out:
 *   pdf-lib lays a string out again to draw it after it was measured.
 */
export const invoiceFontkit: Fontkit = {
  create(bytes, postscriptName) {
    if (postscriptName !== undefined) return fontkit.create(bytes, postscriptName);
    let font = parsed.get(bytes);
    if (!font) {
      font = fontkit.create(bytes);
      parsed.set(bytes, font);
    }
    return unshaped(font);
  },
};

/**
 * Code points fontkit's layout hides (soft hyphen, zero-width and bidi controls, variation
 * selectors…): it draws them as a zero-width space, which pdf-lib would draw at a space's width.
 * From DerivedCoreProperties.txt, as fontkit (and HarfBuzz) list them.
 */
const DEFAULT_IGNORABLE =
  /[\u00AD\u034F\u061C\u17B4\u17B5\u180B-\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFE00-\uFE0F\uFEFF\uFFF0-\uFFF8]|\uDB40[\uDD00-\uDDEF]/g;

/** A view of `font` whose `layout` maps code points straight to glyphs, remembering each string's run. */
function unshaped(font: Font): Font {
  const runs = new Map<string, GlyphRun>();
  const layout = (text: string): GlyphRun => {
    let run = runs.get(text);
    if (!run) {
      // pdf-lib reads only `glyphs` of a run (to encode and to measure the text).
      run = { glyphs: font.glyphsForString(text.replace(DEFAULT_IGNORABLE, '')) } as GlyphRun;
      runs.set(text, run);
    }
    return run;
  };
  return new Proxy(font, { get: (target, key, receiver) => (key === 'layout' ? layout : Reflect.get(target, key, receiver)) });
}
