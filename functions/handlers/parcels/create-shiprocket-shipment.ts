import { createShiprocketShipment, createShiprocketShipmentBody } from '#domain/courier/create-shiprocket-shipment.ts';
import { parcelParams } from '#domain/parcels/parcel-params.ts';
import { parcelView } from '#domain/parcels/parcel-view.ts';
import { httpHandler } from '#http/http-handler.ts';
import { created, replayed } from '#http/responses.ts';

export const handler = httpHandler({ params: parcelParams, body: createShiprocketShipmentBody }, async ({ params, body, principal, idempotencyKey }) => {
  const result = await createShiprocketShipment(params.parcelId, body, principal, idempotencyKey);
  const response = created(parcelView(result.parcel, principal));
  return result.replayed ? replayed(response) : response;
});
