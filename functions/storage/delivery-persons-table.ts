import type { DeliveryPerson } from '#domain/delivery-persons/delivery-person.ts';
import { tableName } from './dynamo-client.ts';
import { deliveryPersonKey, kindList, kindLists } from './keys.ts';
import { queryPage, type Page, type PageRequest } from './page-query.ts';
import { writeIfConditionsHold } from './transactions.ts';

export interface DeliveryPersonRecord extends DeliveryPerson {
  pk: string;
  sk: 'PROFILE';
  kind: 'DELIVERY_PERSON';
  byKindPk: string;
  byKindSk: string;
}

export const toDeliveryPerson = ({ id, name, phone, active }: DeliveryPersonRecord): DeliveryPerson => ({ id, name, phone, active });

/** A new delivery person; `listSortKey` (a ULID) orders the list newest first whatever the id. */
export async function insertDeliveryPerson(person: DeliveryPerson, listSortKey: string): Promise<'created' | 'exists'> {
  const record: DeliveryPersonRecord = {
    ...deliveryPersonKey(person.id),
    sk: 'PROFILE',
    kind: 'DELIVERY_PERSON',
    ...person,
    byKindPk: kindList('DELIVERY_PERSON', listSortKey),
    byKindSk: listSortKey,
  };
  const put = { Put: { TableName: tableName(), Item: record, ConditionExpression: 'attribute_not_exists(pk)' } };
  return (await writeIfConditionsHold([put])) ? 'created' : 'exists';
}

/** Every delivery person, newest first. */
export const listAllDeliveryPersons = (page: PageRequest): Promise<Page<DeliveryPerson>> =>
  queryPage({ index: 'byKind', partition: kindLists('DELIVERY_PERSON') }, [], page, toDeliveryPerson);
