import { parcelParams } from '#domain/parcels/parcel-params.ts';
import { parcelView } from '#domain/parcels/parcel-view.ts';
import { updateParcelStatus, updateParcelStatusBody } from '#domain/parcels/update-parcel-status.ts';
import { httpHandler } from '#http/http-handler.ts';
import { ok } from '#http/responses.ts';

export const handler = httpHandler({ params: parcelParams, body: updateParcelStatusBody }, async ({ params, body, principal }) =>
  ok(parcelView(await updateParcelStatus(params.parcelId, body, principal), principal)),
);
