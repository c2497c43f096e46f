import { listParcels, listParcelsQuery } from '#domain/parcels/list-parcels.ts';
import { parcelView } from '#domain/parcels/parcel-view.ts';
import { httpHandler } from '#http/http-handler.ts';
import { ok } from '#http/responses.ts';

export const handler = httpHandler({ query: listParcelsQuery }, async ({ query, principal }) => {
  const page = await listParcels(query, principal);
  return ok({ ...page, items: page.items.map((parcel) => parcelView(parcel, principal)) });
});
