import * as z from 'zod/mini';

/** The answer of `GET /parcels/{parcelId}/invoice`: the number and a short-lived link to the PDF. */
export const invoiceLinkSchema = z.object({
  /** `{FY}/{seq6}`, e.g. `2026-27/000001`. */
  invoiceNumber: z.string(),
  url: z.string(),
  expiresAt: z.string(),
});
export type InvoiceLink = z.infer<typeof invoiceLinkSchema>;
