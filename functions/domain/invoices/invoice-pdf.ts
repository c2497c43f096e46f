import { PDFDocument } from 'pdf-lib';
import { invoiceFontkit } from './invoice-fontkit.ts';
import { loadInvoiceFonts, type InvoiceFonts } from './invoice-font.ts';
import { InvoiceLayout } from './invoice-pdf-layout.ts';
import type { Invoice } from './invoice-types.ts';

export const INVOICE_PDF_PRODUCER = 'shipping-order-flow invoices (pdf-lib)';

export interface RenderInvoiceOptions {
  /** Prints CANCELLED under the title and across every page (the invoice of a deleted parcel, kept for audit). */
  cancelled?: boolean;
  /** The TTF bytes to embed; by default those of `loadInvoiceFonts` (INVOICE_FONT_DIR). */
  fonts?: InvoiceFonts;
}

/**
 * The invoice as an A4 "TAX INVOICE" PDF: items paginate with the table header repeated, totals
 * on the last page, "Page n of m" on each. The same invoice always gives the same bytes.
 */
export async function renderInvoicePdf(invoice: Invoice, options: RenderInvoiceOptions = {}): Promise<Uint8Array> {
  const fontBytes = options.fonts ?? (await loadInvoiceFonts());
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(invoiceFontkit);
  setMetadata(doc, invoice);
  const fonts = {
    regular: await doc.embedFont(fontBytes.regular, { subset: true }),
    bold: await doc.embedFont(fontBytes.bold, { subset: true }),
  };
  new InvoiceLayout(doc, fonts, invoice, options.cancelled ?? false).draw();
  return doc.save();
}

function setMetadata(doc: PDFDocument, invoice: Invoice): void {
  const issuedAt = new Date(invoice.issuedAt);
  doc.setTitle(invoice.invoiceNumber);
  doc.setAuthor(invoice.supplier.storeName ?? invoice.supplier.sellerId);
  doc.setSubject(`Tax invoice for order ${invoice.orderId}, parcel ${invoice.parcelId}`);
  doc.setCreator(INVOICE_PDF_PRODUCER);
  doc.setProducer(INVOICE_PDF_PRODUCER);
  doc.setLanguage('en-IN');
  doc.setCreationDate(issuedAt);
  doc.setModificationDate(issuedAt);
}
