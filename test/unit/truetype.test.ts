import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { INVOICE_FONT_FILES, packagedInvoiceFontDir } from '../../functions/domain/invoices/invoice-font.ts';
import { TrueTypeFont } from '../../functions/domain/invoices/truetype.ts';
import { invoiceFontCodePoints, subsetInvoiceFont } from '../../lib/invoice-font-subset.ts';

/**
 * The TrueType reader invoices use instead of fontkit, checked against fontkit itself (the engine
 * pdf-lib is made for): same metrics, same glyph and advance for every code point, and subset
 * programs whose glyphs fontkit reads back with the original outlines.
 */
const fonts: Record<string, Uint8Array> = {};
beforeAll(async () => {
  for (const [weight, file] of Object.entries(INVOICE_FONT_FILES)) {
    const full = new Uint8Array(readFileSync(join(packagedInvoiceFontDir(), file)));
    fonts[`${weight}, full (cmap format 12)`] = full;
    fonts[`${weight}, as deployed (cmap format 4)`] = await subsetInvoiceFont(full);
  }
});

const fontNames = Object.keys(INVOICE_FONT_FILES).flatMap((weight) => [`${weight}, full (cmap format 12)`, `${weight}, as deployed (cmap format 4)`]);

describe.each(fontNames)('TrueTypeFont, %s', (name) => {
  it('has the metrics fontkit reads', () => {
    const ours = new TrueTypeFont(fonts[name]!);
    const theirs = fontkit.create(fonts[name]!);
    expect(ours.postscriptName).toBe(theirs.postscriptName);
    expect(ours.postscriptName).toMatch(/^DejaVuSans(-Bold)?$/);
    for (const key of ['unitsPerEm', 'ascent', 'descent', 'capHeight', 'xHeight', 'italicAngle'] as const) expect(ours[key], key).toBe(theirs[key]);
    const { minX, minY, maxX, maxY } = theirs.bbox;
    expect(ours.bbox).toEqual({ minX, minY, maxX, maxY });
    expect(ours.post.isFixedPitch).toBe(Boolean(theirs.post.isFixedPitch));
    expect(ours['OS/2']?.sFamilyClass).toBe(theirs['OS/2'].sFamilyClass);
    expect(ours.head.macStyle.italic).toBe(Boolean(theirs.head.macStyle.italic));
    expect(ours.numGlyphs).toBe(theirs.numGlyphs);
  });

  it('maps every code point to the glyph and advance fontkit does', () => {
    const ours = new TrueTypeFont(fonts[name]!);
    const theirs = fontkit.create(fonts[name]!);
    const codePoints = new Set([...Array.from({ length: 0x10000 }, (_, index) => index), ...theirs.characterSet, 0x1d400, 0x10ffff]);
    const mismatches: string[] = [];
    for (const codePoint of codePoints) {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
      const [mine, fontkits] = [ours.glyphForCodePoint(codePoint), theirs.glyphForCodePoint(codePoint)];
      if (mine.id !== fontkits.id || mine.advanceWidth !== fontkits.advanceWidth) mismatches.push(`U+${codePoint.toString(16)}: ${mine.id}/${mine.advanceWidth} vs ${fontkits.id}/${fontkits.advanceWidth}`);
    }
    expect(mismatches).toEqual([]);
    expect(ours.glyphForCodePoint(0x20b9).id).not.toBe(0);
  });

  it('lays text out one glyph per code point, without the default-ignorable ones; a missing glyph reads as U+FFFD', () => {
    const font = new TrueTypeFont(fonts[name]!);
    const { glyphs } = font.layout('₹1,0\u00ad5\u200b.\ufe0fﬁ𝐀\u0915');
    const drawn = [...'₹1,05.ﬁ𝐀\u0915'].map((char) => char.codePointAt(0)!);
    expect(glyphs.map((glyph) => glyph.codePoints[0])).toEqual(drawn.map((codePoint) => (font.hasGlyphForCodePoint(codePoint) ? codePoint : 0xfffd)));
    expect(glyphs.at(-1)!.id).toBe(0); // DejaVu Sans has no Devanagari
  });

  it('makes subset programs with the glyphs it is given and the components of composite ones', async () => {
    const font = new TrueTypeFont(fonts[name]!);
    const subset = font.createSubset();
    const used = invoiceFontCodePoints().map((codePoint) => font.glyphForCodePoint(codePoint)).filter((glyph) => glyph.id !== 0);
    const newIds = used.map((glyph) => subset.includeGlyph(glyph));
    expect(newIds[0]).toBe(1); // 0 is .notdef
    const program = await new Promise<Uint8Array>((resolve, reject) => {
      const parts: Uint8Array[] = [];
      subset.encodeStream().on('data', (data) => parts.push(data!)).on('end', () => resolve(Buffer.concat(parts))).on('error', reject as never);
    });

    const original = fontkit.create(fonts[name]!);
    const embedded = fontkit.create(program);
    expect(embedded.numGlyphs).toBeGreaterThan(new Set(newIds).size); // composites brought their components
    let composites = 0;
    used.forEach((glyph, index) => {
      const [before, after] = [original.getGlyph(glyph.id), embedded.getGlyph(newIds[index]!)];
      expect(after.advanceWidth).toBe(before.advanceWidth);
      expect(after.path.toSVG(), `glyph ${glyph.id}`).toBe(before.path.toSVG());
      if ((before as unknown as { _decode(): { numberOfContours: number } | null })._decode()?.numberOfContours! < 0) composites++;
    });
    expect(composites).toBeGreaterThan(50);
  });
});

describe('TrueTypeFont', () => {
  it('refuses what is not a TrueType font', () => {
    expect(() => new TrueTypeFont(new TextEncoder().encode('OTTO and more bytes than a header'))).toThrow(/CFF/);
    expect(() => new TrueTypeFont(new Uint8Array(64))).toThrow(/not a TrueType font/);
  });
});
