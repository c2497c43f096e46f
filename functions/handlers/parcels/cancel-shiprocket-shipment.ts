import { cancelShiprocketShipment } from '#domain/courier/cancel-shiprocket-shipment.ts';
import { parcelParams } from '#domain/parcels/parcel-params.ts';
import { parcelView } from '#domain/parcels/parcel-view.ts';
import { httpHandler } from '#http/http-handler.ts';
import { ok } from '#http/responses.ts';

export const handler = httpHandler({ params: parcelParams }, async ({ params, principal }) =>
  ok(parcelView(await cancelShiprocketShipment(params.parcelId, principal), principal)),
);
