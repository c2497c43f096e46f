/**
 * A TrueType (glyf-outline) font read directly from its bytes, offering what pdf-lib's custom font
 * embedding asks of a fontkit font: metrics, one glyph per code point through the cmap, advance
 * widths, and a subset program (the glyphs a document uses) to embed as a CIDFontType2.
 *
 * It replaces fontkit for invoices: fontkit is a general font engine (OpenType shaping, CFF, WOFF2,
 * AAT, colour fonts) of ~920 KB minified, most of the invoice function's bundle; invoice text
 * needs none of that (see invoice-fontkit.ts).
 */

export interface TrueTypeGlyph {
  /** The glyph's index in the font. */
  readonly id: number;
  /** In font units. */
  readonly advanceWidth: number;
  /** What the glyph stands for in extracted text (the PDF's ToUnicode map). */
  readonly codePoints: readonly number[];
}

/** U+FFFD: what a glyph the font lacks (.notdef) reads as, whichever character asked for it. */
const REPLACEMENT_CHARACTER = 0xfffd;

/** Default-ignorable code points, from DerivedCoreProperties.txt as fontkit and HarfBuzz list them. */
const DEFAULT_IGNORABLE =
  /[\u00AD\u034F\u061C\u17B4\u17B5\u180B-\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFE00-\uFE0F\uFEFF\uFFF0-\uFFF8]|\uDB40[\uDD00-\uDDEF]/g;

interface SubsetStream {
  on(event: 'data' | 'end' | 'error', listener: (data?: Uint8Array) => void): SubsetStream;
}

export class TrueTypeFont {
  readonly unitsPerEm: number;
  readonly bbox: { minX: number; minY: number; maxX: number; maxY: number };
  readonly ascent: number;
  readonly descent: number;
  readonly capHeight: number | undefined;
  readonly xHeight: number | undefined;
  readonly italicAngle: number;
  readonly postscriptName: string | null;
  /** Always false: CFF-outline (OpenType 'OTTO') fonts are refused. */
  readonly cff = false;
  /** The parts of the tables pdf-lib reads (for the font descriptor's flags). */
  readonly head: { macStyle: { italic: boolean } };
  readonly post: { isFixedPitch: boolean };
  readonly 'OS/2': { sFamilyClass: number } | undefined;

  readonly numGlyphs: number;
  private readonly tables = new Map<string, Uint8Array>();
  private readonly glyphIdOf: (codePoint: number) => number;
  private readonly advances: Uint16Array;
  private readonly leftBearings: Int16Array;
  private readonly glyphOffsets: Uint32Array;
  /** By code point. */
  private readonly glyphs = new Map<number, TrueTypeGlyph>();

  constructor(bytes: Uint8Array) {
    const font = view(bytes);
    const version = font.getUint32(0);
    if (version !== 0x00010000 && version !== 0x74727565 /* 'true' */) {
      throw new Error(version === 0x4f54544f ? 'CFF-outline (OTTO) fonts are not supported, only TrueType outlines' : 'not a TrueType font');
    }
    for (let index = 0, count = font.getUint16(4); index < count; index++) {
      const record = 12 + 16 * index;
      const [offset, length] = [font.getUint32(record + 8), font.getUint32(record + 12)];
      if (offset + length > bytes.byteLength) throw new Error('truncated TrueType font');
      this.tables.set(tagAt(font, record), bytes.subarray(offset, offset + length));
    }

    const head = view(this.table('head'));
    this.unitsPerEm = head.getUint16(18);
    this.bbox = { minX: head.getInt16(36), minY: head.getInt16(38), maxX: head.getInt16(40), maxY: head.getInt16(42) };
    this.head = { macStyle: { italic: (head.getUint16(44) & 2) !== 0 } };
    const longOffsets = head.getInt16(50) === 1;

    const hhea = view(this.table('hhea'));
    this.ascent = hhea.getInt16(4);
    this.descent = hhea.getInt16(6);
    const numberOfHMetrics = hhea.getUint16(34);

    this.numGlyphs = view(this.table('maxp')).getUint16(4);

    const post = view(this.table('post'));
    this.italicAngle = post.getInt32(4) / 65536;
    this.post = { isFixedPitch: post.getUint32(12) !== 0 };

    const os2Bytes = this.tables.get('OS/2');
    const os2 = os2Bytes && view(os2Bytes);
    this['OS/2'] = os2 && { sFamilyClass: os2.getInt16(30) };
    // As fontkit reads them: only version 2 and later of the OS/2 table carry them.
    const os2HasHeights = os2 !== undefined && os2.getUint16(0) >= 2 && os2.byteLength >= 90;
    this.xHeight = os2HasHeights ? os2.getInt16(86) : undefined;
    this.capHeight = os2HasHeights ? os2.getInt16(88) : os2 ? undefined : this.ascent;

    const hmtx = view(this.table('hmtx'));
    this.advances = new Uint16Array(this.numGlyphs);
    this.leftBearings = new Int16Array(this.numGlyphs);
    for (let id = 0; id < this.numGlyphs; id++) {
      const longMetric = id < numberOfHMetrics;
      this.advances[id] = longMetric ? hmtx.getUint16(4 * id) : this.advances[numberOfHMetrics - 1]!;
      this.leftBearings[id] = longMetric ? hmtx.getInt16(4 * id + 2) : hmtx.getInt16(4 * numberOfHMetrics + 2 * (id - numberOfHMetrics));
    }

    const loca = view(this.table('loca'));
    this.glyphOffsets = new Uint32Array(this.numGlyphs + 1);
    for (let id = 0; id <= this.numGlyphs; id++) this.glyphOffsets[id] = longOffsets ? loca.getUint32(4 * id) : 2 * loca.getUint16(2 * id);
    this.table('glyf');

    this.glyphIdOf = cmapLookup(view(this.table('cmap')));
    this.postscriptName = postscriptNameOf(this.tables.get('name'));
  }

  /**
   * The glyph for `codePoint` (the font's .notdef, id 0, when it has none). One object per code
   * point, so that the text a PDF extracts from a glyph is what its own document drew with it.
   */
  glyphForCodePoint(codePoint: number): TrueTypeGlyph {
    let glyph = this.glyphs.get(codePoint);
    if (!glyph) {
      const id = this.glyphIdOf(codePoint);
      glyph = { id, advanceWidth: this.advances[id]!, codePoints: [id === 0 ? REPLACEMENT_CHARACTER : codePoint] };
      this.glyphs.set(codePoint, glyph);
    }
    return glyph;
  }

  hasGlyphForCodePoint(codePoint: number): boolean {
    return this.glyphIdOf(codePoint) !== 0;
  }

  /** One glyph per code point of `text`, in order. */
  glyphsForString(text: string): TrueTypeGlyph[] {
    const glyphs: TrueTypeGlyph[] = [];
    for (const character of text) glyphs.push(this.glyphForCodePoint(character.codePointAt(0)!));
    return glyphs;
  }

  /**
   * `text` as glyphs, without OpenType shaping: one glyph per code point, leaving out the
   * default-ignorable ones (soft hyphen, zero-width and bidi controls, variation selectors), which
   * have no glyph to draw. (pdf-lib reads only `glyphs` of a layout.)
   */
  layout(text: string): { glyphs: TrueTypeGlyph[] } {
    return { glyphs: this.glyphsForString(text.replace(DEFAULT_IGNORABLE, '')) };
  }

  createSubset(): TrueTypeSubset {
    return new TrueTypeSubset(this);
  }

  /** @internal The glyph's outline data as stored in `glyf` (empty for a glyph without outline). */
  glyphData(id: number): Uint8Array {
    return this.table('glyf').subarray(this.glyphOffsets[id], this.glyphOffsets[id + 1]);
  }

  /** @internal */
  metrics(id: number): { advance: number; leftBearing: number } {
    return { advance: this.advances[id]!, leftBearing: this.leftBearings[id]! };
  }

  /** @internal The table's bytes; throws if the font has no such table. */
  table(tag: string): Uint8Array {
    const table = this.tables.get(tag);
    if (!table) throw new Error(`TrueType font without a '${tag}' table`);
    return table;
  }

  /** @internal */
  optionalTable(tag: string): Uint8Array | undefined {
    return this.tables.get(tag);
  }
}

/**
 * The glyphs a document uses, in the order it first used them after .notdef (id 0), and the
 * composite glyphs' components after them; encodes as a TrueType program with just the tables a
 * PDF viewer reads from an embedded CIDFontType2 (no cmap: the PDF maps its codes to glyph ids).
 */
export class TrueTypeSubset {
  private readonly ids: number[] = [];
  private readonly newIds = new Map<number, number>();

  constructor(private readonly font: TrueTypeFont) {
    this.includeGlyph(0);
  }

  /** The glyph's id in the subset. */
  includeGlyph(glyph: number | { id: number }): number {
    const id = typeof glyph === 'number' ? glyph : glyph.id;
    let newId = this.newIds.get(id);
    if (newId === undefined) {
      this.newIds.set(id, (newId = this.ids.length));
      this.ids.push(id);
    }
    return newId;
  }

  /** The font program, as pdf-lib reads it: a stream-like emitting one `data` chunk, then `end`. */
  encodeStream(): SubsetStream {
    const listeners: Record<string, Array<(data?: Uint8Array) => void>> = { data: [], end: [], error: [] };
    const stream: SubsetStream = {
      on(event, listener) {
        listeners[event]!.push(listener);
        return stream;
      },
    };
    queueMicrotask(() => {
      let bytes: Uint8Array;
      try {
        bytes = this.encode();
      } catch (error) {
        for (const listener of listeners.error!) listener(error as never);
        return;
      }
      for (const listener of listeners.data!) listener(bytes);
      for (const listener of listeners.end!) listener();
    });
    return stream;
  }

  encode(): Uint8Array {
    const { font } = this;
    const glyphs: Uint8Array[] = [];
    // Components of composite glyphs join the subset (and so this list) as they are met.
    for (let index = 0; index < this.ids.length; index++) glyphs.push(this.withComponentsRenumbered(font.glyphData(this.ids[index]!)));
    const numGlyphs = this.ids.length;

    const glyfLength = glyphs.reduce((sum, glyph) => sum + glyph.byteLength + (glyph.byteLength % 2), 0);
    const longOffsets = glyfLength > 0x1fffe;
    const glyf = new Uint8Array(glyfLength);
    const loca = new DataView(new ArrayBuffer((numGlyphs + 1) * (longOffsets ? 4 : 2)));
    let offset = 0;
    glyphs.forEach((glyph, index) => {
      setOffset(loca, index, offset, longOffsets);
      glyf.set(glyph, offset);
      offset += glyph.byteLength + (glyph.byteLength % 2);
    });
    setOffset(loca, numGlyphs, offset, longOffsets);

    const hmtx = new DataView(new ArrayBuffer(4 * numGlyphs));
    this.ids.forEach((id, index) => {
      const { advance, leftBearing } = font.metrics(id);
      hmtx.setUint16(4 * index, advance);
      hmtx.setInt16(4 * index + 2, leftBearing);
    });

    const head = copy(font.table('head'));
    head.setUint32(8, 0); // checkSumAdjustment, set once the whole font is laid out
    head.setInt16(50, longOffsets ? 1 : 0);
    const hhea = copy(font.table('hhea'));
    hhea.setUint16(34, numGlyphs);
    const maxp = copy(font.table('maxp'));
    maxp.setUint16(4, numGlyphs);

    const tables: Array<[string, Uint8Array]> = [
      ['head', bytesOf(head)],
      ['hhea', bytesOf(hhea)],
      ['maxp', bytesOf(maxp)],
      ['hmtx', bytesOf(hmtx)],
      ['loca', bytesOf(loca)],
      ['glyf', glyf],
    ];
    // The hinting programs the glyphs' instructions call, when the font has them.
    for (const tag of ['cvt ', 'fpgm', 'prep']) {
      const table = font.optionalTable(tag);
      if (table) tables.push([tag, table]);
    }
    return assembleFont(tables);
  }

  /** A composite glyph refers to its components by id: a copy with their ids in the subset. */
  private withComponentsRenumbered(data: Uint8Array): Uint8Array {
    if (data.byteLength < 10 || view(data).getInt16(0) >= 0) return data;
    const glyph = new Uint8Array(data);
    const bytes = view(glyph);
    let position = 10;
    for (;;) {
      const flags = bytes.getUint16(position);
      bytes.setUint16(position + 2, this.includeGlyph(bytes.getUint16(position + 2)));
      position += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
      if (flags & WE_HAVE_A_SCALE) position += 2;
      else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) position += 4;
      else if (flags & WE_HAVE_A_TWO_BY_TWO) position += 8;
      if (!(flags & MORE_COMPONENTS)) return glyph;
    }
  }
}

const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const copy = (bytes: Uint8Array) => view(new Uint8Array(bytes));
const bytesOf = (data: DataView) => new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
const tagAt = (data: DataView, offset: number) => String.fromCharCode(...[0, 1, 2, 3].map((index) => data.getUint8(offset + index)));

function setOffset(loca: DataView, index: number, offset: number, long: boolean): void {
  if (long) loca.setUint32(4 * index, offset);
  else loca.setUint16(2 * index, offset / 2);
}

/** An sfnt with `tables`: directory sorted by tag, tables 4-byte aligned, checksums and checkSumAdjustment set. */
function assembleFont(tables: Array<[string, Uint8Array]>): Uint8Array {
  tables.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const directoryLength = 12 + 16 * tables.length;
  const length = tables.reduce((sum, [, table]) => sum + padded(table.byteLength), directoryLength);
  const font = new Uint8Array(length);
  const data = view(font);
  const searchPower = Math.floor(Math.log2(tables.length));
  data.setUint32(0, 0x00010000);
  data.setUint16(4, tables.length);
  data.setUint16(6, 16 * 2 ** searchPower);
  data.setUint16(8, searchPower);
  data.setUint16(10, 16 * tables.length - 16 * 2 ** searchPower);
  let offset = directoryLength;
  let headOffset = -1;
  tables.forEach(([tag, table], index) => {
    const record = 12 + 16 * index;
    for (let char = 0; char < 4; char++) data.setUint8(record + char, tag.charCodeAt(char));
    font.set(table, offset);
    data.setUint32(record + 4, checksum(font, offset, padded(table.byteLength)));
    data.setUint32(record + 8, offset);
    data.setUint32(record + 12, table.byteLength);
    if (tag === 'head') headOffset = offset;
    offset += padded(table.byteLength);
  });
  if (headOffset >= 0) data.setUint32(headOffset + 8, (0xb1b0afba - checksum(font, 0, length)) >>> 0);
  return font;
}

const padded = (length: number) => (length + 3) & ~3;

function checksum(font: Uint8Array, offset: number, length: number): number {
  const data = view(font);
  let sum = 0;
  for (let position = offset; position < offset + length; position += 4) sum = (sum + data.getUint32(position)) >>> 0;
  return sum;
}

/**
 * The cmap subtable to map Unicode code points with: Windows full repertoire (format 12), else
 * Windows BMP (format 4), else a Unicode-platform subtable of either format.
 */
function cmapLookup(cmap: DataView): (codePoint: number) => number {
  const subtables = new Map<string, number>();
  for (let index = 0, count = cmap.getUint16(2); index < count; index++) {
    const record = 4 + 8 * index;
    const offset = cmap.getUint32(record + 4);
    subtables.set(`${cmap.getUint16(record)}/${cmap.getUint16(record + 2)}/${cmap.getUint16(offset)}`, offset);
  }
  const preferred = ['3/10/12', '3/1/4', '0/4/12', '0/6/12', '0/3/4', '0/2/4', '0/1/4', '0/0/4'];
  for (const key of preferred) {
    const offset = subtables.get(key);
    if (offset !== undefined) return key.endsWith('/12') ? format12(cmap, offset) : format4(cmap, offset);
  }
  throw new Error('TrueType font without a Unicode cmap (format 4 or 12)');
}

function format4(cmap: DataView, table: number): (codePoint: number) => number {
  const segments = cmap.getUint16(table + 6) / 2;
  const endCodes = table + 14;
  const startCodes = endCodes + 2 * segments + 2;
  const idDeltas = startCodes + 2 * segments;
  const idRangeOffsets = idDeltas + 2 * segments;
  return (codePoint) => {
    if (codePoint > 0xffff) return 0;
    let [low, high] = [0, segments - 1];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cmap.getUint16(endCodes + 2 * middle) < codePoint) low = middle + 1;
      else high = middle;
    }
    const start = cmap.getUint16(startCodes + 2 * low);
    if (codePoint < start || codePoint > cmap.getUint16(endCodes + 2 * low)) return 0;
    const delta = cmap.getUint16(idDeltas + 2 * low);
    const rangeOffset = cmap.getUint16(idRangeOffsets + 2 * low);
    if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
    const glyph = cmap.getUint16(idRangeOffsets + 2 * low + rangeOffset + 2 * (codePoint - start));
    return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
  };
}

function format12(cmap: DataView, table: number): (codePoint: number) => number {
  const groups = cmap.getUint32(table + 12);
  const first = table + 16;
  return (codePoint) => {
    let [low, high] = [0, groups - 1];
    while (low <= high) {
      const middle = (low + high) >> 1;
      const group = first + 12 * middle;
      if (codePoint < cmap.getUint32(group)) high = middle - 1;
      else if (codePoint > cmap.getUint32(group + 4)) low = middle + 1;
      else return cmap.getUint32(group + 8) + (codePoint - cmap.getUint32(group));
    }
    return 0;
  };
}

/** Name 6 of the `name` table: the Windows (UTF-16) record, else the Macintosh Roman one. */
function postscriptNameOf(name: Uint8Array | undefined): string | null {
  if (!name) return null;
  const data = view(name);
  const strings = data.getUint16(4);
  let mac: string | null = null;
  for (let index = 0, count = data.getUint16(2); index < count; index++) {
    const record = 6 + 12 * index;
    if (data.getUint16(record + 6) !== 6) continue;
    const [platform, length, offset] = [data.getUint16(record), data.getUint16(record + 8), strings + data.getUint16(record + 10)];
    if (platform === 3) {
      let text = '';
      for (let position = offset; position < offset + length; position += 2) text += String.fromCharCode(data.getUint16(position));
      return text;
    }
    if (platform === 1 && mac === null) mac = String.fromCharCode(...name.subarray(offset, offset + length));
  }
  return mac;
}
