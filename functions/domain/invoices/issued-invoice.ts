/** What the parcel records of its invoice: the number it holds for good, and where its PDF is. */
export interface IssuedInvoice {
  /** `{FY}/{seq6}`, e.g. `2026-27/000001`. */
  number: string;
  financialYear: string;
  sequence: number;
  issuedAt: string;
  /** Object key of the PDF in the invoice bucket. */
  objectKey: string;
  /** Null until the PDF is stored; the next call finishes an invoice whose upload failed. */
  storedAt: string | null;
  /** Set when its parcel is deleted: the invoice stays stored for audit, its number never reused. */
  cancelledAt: string | null;
}
