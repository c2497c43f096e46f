import { httpHandler } from '#http/http-handler.ts';
import { noContent } from '#http/responses.ts';
import { deleteParcel } from '#domain/parcels/delete-parcel.ts';
import { parcelPath } from './parcel-path.ts';

export const handler = httpHandler({ params: parcelPath }, async ({ params, principal }) => {
  await deleteParcel(params.parcelId, principal);
  return noContent();
});
