import * as z from 'zod/mini';
import { markInvoiceStored, readInvoiceDocument, readInvoicingState, takeInvoiceNumber } from '#storage/invoices-table.ts';
import { presignedPdfUrl, putPdf } from '#storage/object-store.ts';
import { readOrder } from '#storage/order-items-table.ts';
import { readParcel, type StoredParcel } from '#storage/parcels-table.ts';
import { isInScope } from '../access.ts';
import { ConflictError, NotFoundError, UnavailableError } from '../errors.ts';
import type { Principal } from '../principal.ts';
import { queryBoolean } from '../schemas.ts';
import { financialYearOf, invoiceNumberOf } from './financial-year.ts';
import { buildInvoice } from './invoice-document.ts';
import { renderInvoicePdf } from './invoice-pdf.ts';
import type { Invoice } from './invoice-types.ts';
import type { InvoiceLink } from './invoice-link.ts';
import type { IssuedInvoice } from './issued-invoice.ts';

export const getParcelInvoiceQuery = z.object({ download: z.optional(queryBoolean) });
export type GetParcelInvoiceQuery = z.infer<typeof getParcelInvoiceQuery>;

/** How long an invoice link works (API.md: at most 15 minutes). */
export const INVOICE_LINK_SECONDS = 15 * 60;

/** Rounds of "the seller's sequence moved under us" before answering 503 (each one is one more number taken by someone). */
const MAX_NUMBERING_ROUNDS = 25;

const pause = (round: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * 2 ** Math.min(round, 4)));

/** `invoices/{sellerId}/{parcelId}.pdf`: a seller's invoices under one prefix. */
const objectKeyOf = (stored: StoredParcel) => `invoices/${stored.parcel.sellerId}/${stored.parcel.id}.pdf`;

/**
 * Takes the seller's next number of the financial year for this parcel, with the document built
 * once and kept: concurrent first calls for one parcel end with one number; for several parcels of
 * one seller, with consecutive numbers (a lost race re-reads the sequence and tries again).
 */
async function issueInvoice(stored: StoredParcel): Promise<{ issued: IssuedInvoice; document?: Invoice }> {
  const { parcel } = stored;
  const order = (await readOrder(parcel.orderId))?.order;
  if (!order) throw new NotFoundError(`Parcel ${parcel.id} not found.`);
  if (order.currency !== 'INR') throw new ConflictError(`GST invoices are issued in INR; order ${order.id} is in ${order.currency}.`);
  for (let round = 0; round < MAX_NUMBERING_ROUNDS; round++) {
    const issuedAt = new Date().toISOString();
    const financialYear = financialYearOf(issuedAt);
    const { seller, lastSequence } = await readInvoicingState(parcel.sellerId, financialYear);
    const sequence = lastSequence + 1;
    const issued: IssuedInvoice = {
      number: invoiceNumberOf(financialYear, sequence),
      financialYear,
      sequence,
      issuedAt,
      objectKey: objectKeyOf(stored),
      storedAt: null,
      cancelledAt: null,
    };
    const document = buildInvoice({
      invoiceNumber: issued.number,
      issuedAt,
      parcelId: parcel.id,
      orderId: order.id,
      orderPlacedAt: order.placedAt,
      paymentMethod: order.paymentMethod,
      currency: order.currency,
      sellerId: parcel.sellerId,
      seller,
      billingAddress: order.billingAddress,
      shippingAddress: order.shippingAddress,
      items: parcel.items,
    });
    const taken = await takeInvoiceNumber(stored, issued, document, lastSequence);
    if (taken === 'taken') return { issued, document };
    if (taken === 'already-issued') {
      const again = await readParcel(parcel.id);
      if (!again?.invoice) throw new NotFoundError(`Parcel ${parcel.id} not found.`);
      return { issued: again.invoice };
    }
    await pause(round);
  }
  throw new UnavailableError('Invoice numbers of this seller are being taken by many requests at once; retry shortly.');
}

/** Renders and stores the PDF of an issued invoice (again, after a failed upload: same number, same document). */
async function storePdf(parcelId: string, issued: IssuedInvoice, document: Invoice | undefined): Promise<void> {
  const invoice = document ?? (await readInvoiceDocument(parcelId));
  if (!invoice) throw new Error(`parcel ${parcelId} holds invoice ${issued.number} without its document`);
  const pdf = await renderInvoicePdf(invoice, { cancelled: issued.cancelledAt !== null });
  await putPdf(issued.objectKey, pdf, { 'invoice-number': issued.number, 'parcel-id': parcelId });
  await markInvoiceStored(parcelId, issued.number, new Date().toISOString());
}

/**
 * The Invoice button: the parcel's GST tax invoice as a short-lived link. The first call issues it
 * (number, document, PDF in the bucket); later calls answer the same number and stored PDF, with
 * one read and no call to S3 (the link is signed locally).
 */
export async function getParcelInvoice(parcelId: string, principal: Principal, query: GetParcelInvoiceQuery): Promise<InvoiceLink> {
  const stored = await readParcel(parcelId);
  if (!stored || !isInScope(stored.parcel, principal)) throw new NotFoundError(`Parcel ${parcelId} not found.`);
  const { issued, document } = stored.invoice ? { issued: stored.invoice, document: undefined } : await issueInvoice(stored);
  if (issued.storedAt === null) await storePdf(parcelId, issued, document);
  const url = await presignedPdfUrl(issued.objectKey, {
    expiresInSeconds: INVOICE_LINK_SECONDS,
    download: query.download === true,
    filename: `${issued.number.replaceAll('/', '-')}.pdf`,
  });
  return { invoiceNumber: issued.number, url, expiresAt: new Date(Date.now() + INVOICE_LINK_SECONDS * 1000).toISOString() };
}
