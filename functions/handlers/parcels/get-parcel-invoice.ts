import { getParcelInvoice, getParcelInvoiceQuery } from '#domain/invoices/get-parcel-invoice.ts';
import { parcelParams } from '#domain/parcels/parcel-params.ts';
import { httpHandler } from '#http/http-handler.ts';
import { ok } from '#http/responses.ts';

export const handler = httpHandler({ params: parcelParams, query: getParcelInvoiceQuery }, async ({ params, query, principal }) =>
  ok(await getParcelInvoice(params.parcelId, principal, query)),
);
