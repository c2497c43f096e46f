import { breakTextIntoLines, type Color, type PDFFont, type PDFPage } from 'pdf-lib';

export interface TextStyle {
  font: PDFFont;
  size: number;
  color: Color;
}

const widthsAtSizeOne = new WeakMap<PDFFont, Map<string, number>>();

/**
 * The width of `text` in points. pdf-lib shapes the text with fontkit on every measurement (most of
 * a render's time); a document measures the same strings again and again, so widths are kept per font.
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

/** Draws one line with its top at `top`, aligned within [x, x + width]. */
export function drawLine(page: PDFPage, text: string, style: TextStyle, at: { x: number; top: number; width: number; align?: Alignment }): void {
  const textWidth = widthOf(text, style);
  const offset = at.align === 'right' ? at.width - textWidth : at.align === 'center' ? (at.width - textWidth) / 2 : 0;
  page.drawText(text, { x: at.x + offset, y: at.top - style.size, size: style.size, font: style.font, color: style.color });
}
