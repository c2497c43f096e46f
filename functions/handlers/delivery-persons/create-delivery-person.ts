import { createDeliveryPerson, createDeliveryPersonBody } from '#domain/delivery-persons/create-delivery-person.ts';
import { httpHandler } from '#http/http-handler.ts';
import { created } from '#http/responses.ts';

export const handler = httpHandler({ body: createDeliveryPersonBody }, async ({ body }) => created(await createDeliveryPerson(body)));
