import { httpHandler } from '#http/http-handler.ts';
import { ok } from '#http/responses.ts';
import { getParcel } from '#domain/parcels/view-parcels.ts';
import { parcelPath } from './parcel-path.ts';

export const handler = httpHandler({ params: parcelPath }, async ({ params, principal }) => ok(await getParcel(params.parcelId, principal)));
