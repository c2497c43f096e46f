import { httpHandler } from '#http/http-handler.ts';
import { created } from '#http/responses.ts';
import { newDeliveryPersonSchema } from '#domain/delivery-persons/delivery-person.ts';
import { addDeliveryPerson } from '#domain/delivery-persons/delivery-persons.ts';

export const handler = httpHandler({ body: newDeliveryPersonSchema }, async ({ body }) => created(await addDeliveryPerson(body)));
