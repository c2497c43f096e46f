import { degrees, PageSizes, rgb, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import type { Address } from '../orders/order-types.ts';
import { invoiceColumns, type Column } from './invoice-pdf-table.ts';
import type { Invoice } from './invoice-types.ts';
import { formatIstDate } from './ist-calendar.ts';
import { drawLine, shrunkToFit, wrapText, writeText, type Alignment, type TextStyle } from './pdf-text.ts';
import { formatRupees } from './rupees.ts';

const [PAGE_WIDTH, PAGE_HEIGHT] = PageSizes.A4;
const MARGIN = 36;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const CONTENT_BOTTOM = 50;
const FOOTER_TOP = 32;
const COLUMN_GAP = 16;
const HALF_WIDTH = (CONTENT_WIDTH - COLUMN_GAP) / 2;
const BLOCK_GAP = 10;
const CELL_PADDING = 3;
const LINE_SPACING = 1.3;
const LABEL_WIDTH = 78;
const TOTALS_WIDTH = 220;
const SIGNATURE_SPACE = 30;

const INK = rgb(0.1, 0.1, 0.1);
const MUTED = rgb(0.4, 0.4, 0.4);
const RULE = rgb(0.75, 0.75, 0.75);
const HEADER_FILL = rgb(0.92, 0.92, 0.92);
const CANCELLED_RED = rgb(0.8, 0.1, 0.1);

interface StyledText {
  text: string;
  style: TextStyle;
}

const lineHeightOf = (style: TextStyle) => style.size * LINE_SPACING;

const stylesOf = ({ regular, bold }: { regular: PDFFont; bold: PDFFont }) =>
  ({
    title: { font: bold, size: 16, color: INK },
    cancelled: { font: bold, size: 11, color: CANCELLED_RED },
    heading: { font: bold, size: 7.5, color: MUTED },
    strong: { font: bold, size: 10, color: INK },
    body: { font: regular, size: 8.5, color: INK },
    label: { font: regular, size: 8.5, color: MUTED },
    cell: { font: regular, size: 7.5, color: INK },
    cellMuted: { font: regular, size: 7, color: MUTED },
    cellHeader: { font: bold, size: 7.5, color: INK },
    total: { font: bold, size: 9.5, color: INK },
    footer: { font: regular, size: 7, color: MUTED },
    watermark: { font: bold, size: 96, color: CANCELLED_RED },
  }) satisfies Record<string, TextStyle>;

/** Lays the invoice out top to bottom on A4 pages, adding pages as the items need them. */
export class InvoiceLayout {
  private readonly styles: ReturnType<typeof stylesOf>;
  private readonly columns: Column[];
  private page!: PDFPage;
  private top = 0;

  constructor(
    private readonly doc: PDFDocument,
    fonts: { regular: PDFFont; bold: PDFFont },
    private readonly invoice: Invoice,
    private readonly cancelled: boolean,
  ) {
    this.styles = stylesOf(fonts);
    this.columns = invoiceColumns(invoice.supplyType, CONTENT_WIDTH);
  }

  draw(): void {
    this.addPage();
    this.drawTitle();
    this.sideBySide(
      (x, top, width) => this.paragraphs(this.supplierBlock(), x, top, width),
      (x, top, width) => this.labelledRows(this.detailsBlock(), x, top, width),
    );
    this.sideBySide(
      (x, top, width) => this.paragraphs(this.partyBlock('Bill to', this.invoice.billTo), x, top, width),
      (x, top, width) => this.paragraphs(this.partyBlock('Ship to', this.invoice.shipTo), x, top, width),
    );
    this.drawItems();
    this.drawTotals();
    this.drawOnEveryPage();
    writeText(this.doc);
  }

  private addPage(): void {
    this.page = this.doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.top = PAGE_HEIGHT - MARGIN;
    if (this.doc.getPageCount() > 1) {
      const top = this.top;
      this.text(`TAX INVOICE ${this.invoice.invoiceNumber} (continued)`, this.styles.strong, MARGIN, CONTENT_WIDTH);
      if (this.cancelled) drawLine(this.page, 'CANCELLED', this.styles.cancelled, { x: MARGIN, top, width: CONTENT_WIDTH, align: 'right' });
      this.rule();
    }
  }

  private drawTitle(): void {
    drawLine(this.page, 'ORIGINAL FOR RECIPIENT', this.styles.heading, { x: MARGIN, top: this.top, width: CONTENT_WIDTH, align: 'right' });
    this.text('TAX INVOICE', this.styles.title, MARGIN, CONTENT_WIDTH, 'center');
    if (this.cancelled) this.text('CANCELLED', this.styles.cancelled, MARGIN, CONTENT_WIDTH, 'center');
    this.rule();
  }

  private supplierBlock(): StyledText[] {
    const { supplier } = this.invoice;
    const { heading, strong, body } = this.styles;
    const gstin = { text: `GSTIN: ${supplier.gstin ?? ''}`, style: body };
    if (!supplier.address) return [{ text: 'Supplier', style: heading }, { text: `Seller ID: ${supplier.sellerId}`, style: strong }, gstin];
    return [
      { text: 'Supplier', style: heading },
      { text: supplier.storeName ?? supplier.sellerId, style: strong },
      ...(supplier.legalName && supplier.legalName !== supplier.storeName ? [{ text: supplier.legalName, style: body }] : []),
      ...addressLines(supplier.address).map((text) => ({ text, style: body })),
      gstin,
    ];
  }

  private detailsBlock(): Array<[string, string]> {
    const { invoice } = this;
    const { placeOfSupply } = invoice;
    return [
      ['Invoice no.', invoice.invoiceNumber],
      ['Invoice date', formatIstDate(invoice.issuedAt)],
      ['Order ID', invoice.orderId],
      ['Order date', formatIstDate(invoice.orderPlacedAt)],
      ['Parcel ID', invoice.parcelId],
      ['Payment', invoice.paymentMethod === 'cod' ? 'Cash on delivery' : 'Prepaid'],
      ['Place of supply', placeOfSupply.gstCode ? `${placeOfSupply.name} (${placeOfSupply.gstCode})` : placeOfSupply.name],
      ['Reverse charge', invoice.reverseCharge ? 'Yes' : 'No'],
    ];
  }

  private partyBlock(heading: string, address: Address): StyledText[] {
    const { body } = this.styles;
    return [
      { text: heading, style: this.styles.heading },
      { text: address.name, style: this.styles.strong },
      ...addressLines(address).map((text) => ({ text, style: body })),
      { text: `Phone: ${address.phone}`, style: body },
    ];
  }

  /** Two blocks in two columns from the cursor; each draws itself and returns its bottom. */
  private sideBySide(...blocks: Array<(x: number, top: number, width: number) => number>): void {
    const bottoms = blocks.map((drawBlock, index) => drawBlock(MARGIN + index * (HALF_WIDTH + COLUMN_GAP), this.top, HALF_WIDTH));
    this.top = Math.min(...bottoms) - BLOCK_GAP / 2;
    this.rule();
  }

  private drawItems(): void {
    this.drawTableHeader();
    for (const line of this.invoice.lines) {
      const cells = this.columns.map((column) => this.cellLines(column, column.cell(line)));
      const height = rowHeight(cells);
      if (this.top - height < CONTENT_BOTTOM) {
        this.addPage();
        this.drawTableHeader();
      }
      this.drawRow(cells, height);
      this.page.drawLine({ start: { x: MARGIN, y: this.top }, end: { x: MARGIN + CONTENT_WIDTH, y: this.top }, thickness: 0.4, color: RULE });
    }
  }

  private drawTableHeader(): void {
    const cells = this.columns.map((column) => wrapText(column.header, this.styles.cellHeader, column.width - 2 * CELL_PADDING).map((text) => ({ text, style: this.styles.cellHeader })));
    const height = rowHeight(cells);
    this.page.drawRectangle({ x: MARGIN, y: this.top - height, width: CONTENT_WIDTH, height, color: HEADER_FILL });
    this.drawRow(cells, height);
  }

  private cellLines(column: Column, paragraphs: ReturnType<Column['cell']>): StyledText[] {
    const width = column.width - 2 * CELL_PADDING;
    return paragraphs.flatMap(({ text, muted }) => {
      const style = muted ? this.styles.cellMuted : this.styles.cell;
      if (!column.wraps) return [{ text, style: shrunkToFit(text, style, width) }];
      return wrapText(text, style, width).map((wrapped) => ({ text: wrapped, style }));
    });
  }

  private drawRow(cells: StyledText[][], height: number): void {
    let x = MARGIN;
    cells.forEach((lines, index) => {
      const column = this.columns[index]!;
      this.stack(lines, x + CELL_PADDING, this.top - CELL_PADDING, column.width - 2 * CELL_PADDING, column.align);
      x += column.width;
    });
    this.top -= height;
  }

  /** Amount in words beside the totals, then the signatory; on a new page if they do not fit below the items. */
  private drawTotals(): void {
    const rows = this.totalRows();
    const wordsWidth = CONTENT_WIDTH - TOTALS_WIDTH - COLUMN_GAP;
    const words: StyledText[] = [
      { text: 'Amount in words', style: this.styles.heading },
      ...wrapText(this.invoice.amountInWords, this.styles.total, wordsWidth).map((text) => ({ text, style: this.styles.total })),
    ];
    const totalsHeight = stackHeight(rows.map(([text]) => ({ text, style: this.styles.body }))) + 2 * lineHeightOf(this.styles.total);
    const signatureHeight = 2 * lineHeightOf(this.styles.body) + SIGNATURE_SPACE;
    if (this.top - (2 * BLOCK_GAP + Math.max(totalsHeight, stackHeight(words)) + signatureHeight) < CONTENT_BOTTOM) this.addPage();

    const top = this.top - BLOCK_GAP;
    this.drawTotalRows(rows, top);
    const wordsBottom = this.stack(words, MARGIN, top, wordsWidth, 'left');
    this.top = Math.min(wordsBottom, top - totalsHeight) - BLOCK_GAP;
    this.drawSignatory();
  }

  private totalRows(): Array<[string, number]> {
    const { totals, supplyType } = this.invoice;
    const taxRows: Array<[string, number]> =
      supplyType === 'intra-state'
        ? [['CGST', totals.cgst], ['SGST', totals.sgst]]
        : [['IGST', totals.igst]];
    return [['Taxable value', totals.taxableValue], ...taxRows, ['Total tax', totals.totalTax]];
  }

  private drawTotalRows(rows: Array<[string, number]>, top: number): void {
    const at = { x: MARGIN + CONTENT_WIDTH - TOTALS_WIDTH, width: TOTALS_WIDTH };
    let rowTop = top;
    for (const [label, amount] of rows) {
      drawLine(this.page, label, this.styles.label, { ...at, top: rowTop });
      drawLine(this.page, formatRupees(amount), this.styles.body, { ...at, top: rowTop, align: 'right' });
      rowTop -= lineHeightOf(this.styles.body);
    }
    rowTop -= lineHeightOf(this.styles.total) / 4;
    this.page.drawLine({ start: { x: at.x, y: rowTop }, end: { x: at.x + at.width, y: rowTop }, thickness: 0.8, color: INK });
    rowTop -= lineHeightOf(this.styles.total) / 4;
    drawLine(this.page, 'Grand total', this.styles.total, { ...at, top: rowTop });
    drawLine(this.page, formatRupees(this.invoice.totals.grandTotal), this.styles.total, { ...at, top: rowTop, align: 'right' });
  }

  private drawSignatory(): void {
    const { supplier } = this.invoice;
    const x = MARGIN + CONTENT_WIDTH - TOTALS_WIDTH;
    this.text(`For ${supplier.storeName ?? supplier.sellerId}`, this.styles.body, x, TOTALS_WIDTH, 'right');
    this.top -= SIGNATURE_SPACE;
    const lineEnd = MARGIN + CONTENT_WIDTH;
    this.page.drawLine({ start: { x: lineEnd - 120, y: this.top }, end: { x: lineEnd, y: this.top }, thickness: 0.5, color: MUTED });
    this.text('Authorised signatory', this.styles.body, x, TOTALS_WIDTH, 'right');
  }

  /** Footer with page numbers, and the CANCELLED watermark, once every page exists. */
  private drawOnEveryPage(): void {
    const pages = this.doc.getPages();
    pages.forEach((page, index) => {
      const at = { x: MARGIN, top: FOOTER_TOP, width: CONTENT_WIDTH };
      drawLine(page, `Tax invoice ${this.invoice.invoiceNumber}`, this.styles.footer, at);
      drawLine(page, `Page ${index + 1} of ${pages.length}`, this.styles.footer, { ...at, align: 'right' });
      if (this.cancelled) this.drawWatermark(page, 'CANCELLED');
    });
  }

  private drawWatermark(page: PDFPage, text: string): void {
    const { font, size, color } = this.styles.watermark;
    const width = font.widthOfTextAtSize(text, size);
    const height = font.heightAtSize(size, { descender: false });
    const angle = Math.PI / 4;
    const x = PAGE_WIDTH / 2 - (width / 2) * Math.cos(angle) + (height / 2) * Math.sin(angle);
    const y = PAGE_HEIGHT / 2 - (width / 2) * Math.sin(angle) - (height / 2) * Math.cos(angle);
    page.drawText(text, { x, y, size, font, color, opacity: 0.15, rotate: degrees(45) });
  }

  /** One paragraph at the cursor, wrapped; moves the cursor below it. */
  private text(text: string, style: TextStyle, x: number, width: number, align: Alignment = 'left'): void {
    this.top = this.stack(wrapText(text, style, width).map((line) => ({ text: line, style })), x, this.top, width, align);
  }

  private rule(): void {
    this.top -= BLOCK_GAP / 2;
    this.page.drawLine({ start: { x: MARGIN, y: this.top }, end: { x: MARGIN + CONTENT_WIDTH, y: this.top }, thickness: 0.6, color: RULE });
    this.top -= BLOCK_GAP / 2;
  }

  private paragraphs(paragraphs: StyledText[], x: number, top: number, width: number): number {
    const lines = paragraphs.flatMap(({ text, style }) => wrapText(text, style, width).map((line) => ({ text: line, style })));
    return this.stack(lines, x, top, width, 'left');
  }

  private labelledRows(rows: Array<[string, string]>, x: number, top: number, width: number): number {
    let rowTop = top;
    for (const [label, value] of rows) {
      drawLine(this.page, label, this.styles.label, { x, top: rowTop, width: LABEL_WIDTH });
      rowTop = this.paragraphs([{ text: value, style: this.styles.body }], x + LABEL_WIDTH, rowTop, width - LABEL_WIDTH);
    }
    return rowTop;
  }

  /** Lines one under the other from `top`; returns the bottom. */
  private stack(lines: StyledText[], x: number, top: number, width: number, align: Alignment): number {
    let lineTop = top;
    for (const { text, style } of lines) {
      drawLine(this.page, text, style, { x, top: lineTop, width, align });
      lineTop -= lineHeightOf(style);
    }
    return lineTop;
  }
}

function addressLines(address: Address): string[] {
  return [address.line1, address.line2, `${address.city} ${address.postalCode}`, `${address.state}, ${address.country}`].filter(
    (line): line is string => Boolean(line),
  );
}

const stackHeight = (lines: StyledText[]): number => lines.reduce((height, { style }) => height + lineHeightOf(style), 0);

const rowHeight = (cells: StyledText[][]): number => Math.max(...cells.map(stackHeight)) + 2 * CELL_PADDING;
