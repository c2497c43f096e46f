import { createParcel, createParcelBody } from '#domain/parcels/create-parcel.ts';
import { parcelView } from '#domain/parcels/parcel-view.ts';
import { httpHandler } from '#http/http-handler.ts';
import { created, replayed } from '#http/responses.ts';

export const handler = httpHandler({ body: createParcelBody }, async ({ body, principal, idempotencyKey }) => {
  const result = await createParcel(body, principal, idempotencyKey);
  const response = created(parcelView(result.parcel, principal));
  return result.replayed ? replayed(response) : response;
});
