import { formatIndianInteger, formatRupees } from './rupees.ts';
import type { Alignment } from './pdf-text.ts';
import type { InvoiceLine, SupplyType } from './invoice-types.ts';

/** A paragraph of a cell; `muted` ones are printed in grey (the SKU under the description). */
export interface CellText {
  text: string;
  muted?: boolean;
}

export interface Column {
  header: string;
  width: number;
  align: Alignment;
  /** Wrapping columns break their paragraphs into lines; the others shrink their one line to fit. */
  wraps: boolean;
  cell: (line: InvoiceLine) => CellText[];
}

const single = (text: string): CellText[] => [{ text }];

const amountColumn = (header: string, width: number, amountOf: (line: InvoiceLine) => number): Column => ({
  header,
  width,
  align: 'right',
  wraps: false,
  cell: (line) => single(formatRupees(amountOf(line))),
});

const description = (line: InvoiceLine): CellText[] => [
  { text: line.variant ? `${line.productName} (${line.variant})` : line.productName },
  { text: `SKU: ${line.sku}`, muted: true },
];

/** The items table: the description takes what the other columns leave of `tableWidth`. */
export function invoiceColumns(supplyType: SupplyType, tableWidth: number): Column[] {
  const taxColumns =
    supplyType === 'intra-state'
      ? [amountColumn('CGST', 50, (line) => line.cgst), amountColumn('SGST', 50, (line) => line.sgst)]
      : [amountColumn('IGST', 56, (line) => line.igst)];
  const before: Column[] = [{ header: '#', width: 18, align: 'right', wraps: false, cell: (line) => single(String(line.lineNumber)) }];
  const after: Column[] = [
    { header: 'HSN', width: 44, align: 'left', wraps: false, cell: (line) => single(line.hsn ?? '') },
    { header: 'Qty', width: 26, align: 'right', wraps: false, cell: (line) => single(formatIndianInteger(line.quantity)) },
    amountColumn('Unit price', 56, (line) => line.unitPrice),
    amountColumn('Taxable value', 60, (line) => line.taxableValue),
    { header: 'GST rate', width: 30, align: 'right', wraps: false, cell: (line) => single(`${line.taxPercent}%`) },
    ...taxColumns,
    amountColumn('Amount', 60, (line) => line.total),
  ];
  const fixedWidth = [...before, ...after].reduce((sum, column) => sum + column.width, 0);
  const descriptionColumn: Column = { header: 'Description', width: tableWidth - fixedWidth, align: 'left', wraps: true, cell: description };
  return [...before, descriptionColumn, ...after];
}
