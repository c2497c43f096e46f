import { listDeliveryPersons, listDeliveryPersonsQuery } from '#domain/delivery-persons/list-delivery-persons.ts';
import { httpHandler } from '#http/http-handler.ts';
import { ok } from '#http/responses.ts';

export const handler = httpHandler({ query: listDeliveryPersonsQuery }, async ({ query }) => ok(await listDeliveryPersons(query)));
