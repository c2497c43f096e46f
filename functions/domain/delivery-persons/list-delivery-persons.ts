import * as z from 'zod/mini';
import { listAllDeliveryPersons } from '#storage/delivery-persons-table.ts';
import type { Page } from '#storage/page-query.ts';
import { listQueryShape } from '../schemas.ts';
import type { DeliveryPerson } from './delivery-person.ts';

export const listDeliveryPersonsQuery = z.object(listQueryShape);
export type ListDeliveryPersonsQuery = z.infer<typeof listDeliveryPersonsQuery>;

/** Everyone who delivers, newest first (admins manage them; sellers pick one for a parcel). */
export const listDeliveryPersons = (query: ListDeliveryPersonsQuery): Promise<Page<DeliveryPerson>> => listAllDeliveryPersons(query);
