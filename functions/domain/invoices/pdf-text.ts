import { deflateSync } from 'node:zlib';
import { breakTextIntoLines, ColorTypes, type Color, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';

export interface TextStyle {
  font: PDFFont;
  size: number;
  color: Color;
}

const widthsAtSizeOne = new WeakMap<PDFFont, Map<string, number>>();

/**
 * The width of `text` in points. pdf-lib lays the text out again on every measurement, and a document
 * measures the same strings again and again (wrapping tries each piece), so widths are kept per font.
 */
export function widthOf(text: string, style: TextStyle): number {
  let widths = widthsAtSizeOne.get(style.font);
  if (!widths) widthsAtSizeOne.set(style.font, (widths = new Map()));
  let width = widths.get(text);
  if (width === undefined) widths.set(text, (width = style.font.widthOfTextAtSize(text, 1)));
  return width * style.size;
}

const WORD_BREAKS = [' ', '-', '/', ','];
const ANYWHERE = [''];

/** Lines of at most `maxWidth` points: broken between words, and inside a word only when it alone is too wide. */
export function wrapText(text: string, style: TextStyle, maxWidth: number): string[] {
  const width = (piece: string) => widthOf(piece, style);
  return breakTextIntoLines(text, WORD_BREAKS, maxWidth, width)
    .flatMap((line) => (width(line.trimEnd()) > maxWidth ? breakTextIntoLines(line, ANYWHERE, maxWidth, width) : [line]))
    .map((line) => line.trim());
}

/** The style at a size small enough for `text` to fit in `maxWidth` on one line. */
export function shrunkToFit(text: string, style: TextStyle, maxWidth: number): TextStyle {
  const width = widthOf(text, style);
  return width <= maxWidth ? style : { ...style, size: (style.size * maxWidth) / width };
}

export type Alignment = 'left' | 'right' | 'center';

/**
 * The text of one page, as one text object (BT … ET) that sets the colour, font and size only when
 * they change and moves by relative offsets. It becomes one content stream of the page, deflated by
 * node's zlib, after the page's drawings (rules, fills, watermark), so text lies on top of them.
 * `page.drawText` instead wraps every string in its own graphics state with a full text matrix,
 * adds a new font resource name per call and deflates in JavaScript — most of a render's time once
 * the glyphs are cheap.
 */
class PageText {
  private readonly fontKeys = new Map<PDFFont, string>();
  private readonly operators: string[] = [];
  private font: PDFFont | undefined;
  private size = 0;
  private color = '';
  /** The start of the last line, in 1/100 pt. */
  private x = 0;
  private y = 0;

  constructor(private readonly page: PDFPage) {}

  show(text: string, style: TextStyle, x: number, y: number): void {
    const size = Math.floor(style.size * 1000) / 1000;
    if (style.font !== this.font || size !== this.size) {
      this.operators.push(`${this.fontKey(style.font)} ${size} Tf`);
      this.font = style.font;
      this.size = size;
    }
    const color = fillColor(style.color);
    if (color !== this.color) this.operators.push((this.color = color));
    const [x100, y100] = [Math.round(x * 100), Math.round(y * 100)];
    this.operators.push(`${(x100 - this.x) / 100} ${(y100 - this.y) / 100} Td`, `${style.font.encodeText(text).toString()} Tj`);
    [this.x, this.y] = [x100, y100];
  }

  /** Adds the text to the page as its last content stream. */
  write(): void {
    if (this.operators.length === 0) return;
    const contents = deflateSync(`BT\n${this.operators.join('\n')}\nET\n`);
    const { context } = this.page.doc;
    this.page.node.addContentStream(context.register(context.stream(contents, { Filter: 'FlateDecode' })));
  }

  /** The page's resource name for `font`, made once per page. */
  private fontKey(font: PDFFont): string {
    let key = this.fontKeys.get(font);
    if (!key) this.fontKeys.set(font, (key = this.page.node.newFontDictionary(font.name, font.ref).toString()));
    return key;
  }
}

const fillColor = (color: Color): string => {
  if (color.type !== ColorTypes.RGB) throw new Error(`invoice text is drawn in RGB, not ${color.type}`);
  return `${color.red} ${color.green} ${color.blue} rg`;
};

const pageTexts = new WeakMap<PDFPage, PageText>();

/** Draws one line with its top at `top`, aligned within [x, x + width]. Shows once `writeText` ran. */
export function drawLine(page: PDFPage, text: string, style: TextStyle, at: { x: number; top: number; width: number; align?: Alignment }): void {
  if (text === '') return;
  const textWidth = widthOf(text, style);
  const offset = at.align === 'right' ? at.width - textWidth : at.align === 'center' ? (at.width - textWidth) / 2 : 0;
  let pageText = pageTexts.get(page);
  if (!pageText) pageTexts.set(page, (pageText = new PageText(page)));
  pageText.show(text, style, at.x + offset, at.top - style.size);
}

/** Puts the lines drawn with `drawLine` on their pages; call once all the document's text is drawn. */
export function writeText(doc: PDFDocument): void {
  for (const page of doc.getPages()) {
    pageTexts.get(page)?.write();
    pageTexts.delete(page);
  }
}
