import * as z from 'zod/mini';
import { httpHandler } from '#http/http-handler.ts';
import { ok } from '#http/responses.ts';
import { listQueryShape } from '#domain/schemas.ts';
import { listDeliveryPersons } from '#domain/delivery-persons/delivery-persons.ts';

export const handler = httpHandler({ query: z.object(listQueryShape) }, async ({ query }) => ok(await listDeliveryPersons(query)));
