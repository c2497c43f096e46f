import { deleteParcel } from '#domain/parcels/delete-parcel.ts';
import { parcelParams } from '#domain/parcels/parcel-params.ts';
import { httpHandler } from '#http/http-handler.ts';
import { noContent } from '#http/responses.ts';

export const handler = httpHandler({ params: parcelParams }, async ({ params, principal }) => {
  await deleteParcel(params.parcelId, principal);
  return noContent();
});
