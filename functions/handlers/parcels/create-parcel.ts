import { httpHandler } from '#http/http-handler.ts';
import { created } from '#http/responses.ts';
import { createParcel, createParcelSchema } from '#domain/parcels/create-parcel.ts';

export const handler = httpHandler({ body: createParcelSchema }, async ({ body, principal }) => created(await createParcel(body, principal)));
