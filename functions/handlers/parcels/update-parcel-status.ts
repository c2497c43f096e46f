import { httpHandler } from '#http/http-handler.ts';
import { ok } from '#http/responses.ts';
import { changeLocalStatus, localStatusSchema } from '#domain/parcels/change-parcel-status.ts';
import { parcelPath } from './parcel-path.ts';

export const handler = httpHandler({ params: parcelPath, body: localStatusSchema }, async ({ params, body, principal }) =>
  ok(await changeLocalStatus(params.parcelId, body, principal)),
);
