import { httpHandler } from '#http/http-handler.ts';
import { ok } from '#http/responses.ts';
import { listParcels, listParcelsQuery } from '#domain/parcels/view-parcels.ts';

export const handler = httpHandler({ query: listParcelsQuery }, async ({ query, principal }) => ok(await listParcels(query, principal)));
