import type { DeliveryPerson } from '#domain/delivery-persons/delivery-person.ts';
import { tableName } from './dynamo-client.ts';
import { deliveryPersonKey, kindList } from './keys.ts';
import type { WriteAction } from './transactions.ts';

export interface DeliveryPersonRecord extends DeliveryPerson {
  pk: string;
  sk: 'PROFILE';
  kind: 'DELIVERY_PERSON';
  byKindPk: string;
  byKindSk: string;
}

export const toDeliveryPerson = ({ id, name, phone, active }: DeliveryPersonRecord): DeliveryPerson => ({ id, name, phone, active });

/** A new delivery person; `listSortKey` (a ULID) orders the list newest first whatever the id. */
export function newDeliveryPersonAction(person: DeliveryPerson, listSortKey: string): WriteAction {
  const record: DeliveryPersonRecord = {
    ...deliveryPersonKey(person.id),
    sk: 'PROFILE',
    kind: 'DELIVERY_PERSON',
    ...person,
    byKindPk: kindList('DELIVERY_PERSON'),
    byKindSk: listSortKey,
  };
  return { Put: { TableName: tableName(), Item: record, ConditionExpression: 'attribute_not_exists(pk)' } };
}
