import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DeliveryPerson } from '#domain/delivery-persons/delivery-person.ts';
import { documents, tableName } from './dynamo-client.ts';
import { deliveryPersonKey, kindList } from './keys.ts';

export interface DeliveryPersonRecord extends DeliveryPerson {
  pk: string;
  sk: 'PROFILE';
  kind: 'DELIVERY_PERSON';
  byKindPk: string;
  byKindSk: string;
}

export const toDeliveryPerson = ({ id, name, phone, active }: DeliveryPersonRecord): DeliveryPerson => ({ id, name, phone, active });

export async function putDeliveryPerson(person: DeliveryPerson): Promise<void> {
  const record: DeliveryPersonRecord = {
    ...deliveryPersonKey(person.id),
    sk: 'PROFILE',
    kind: 'DELIVERY_PERSON',
    ...person,
    byKindPk: kindList('DELIVERY_PERSON'),
    byKindSk: person.id,
  };
  await documents.send(new PutCommand({ TableName: tableName(), Item: record, ConditionExpression: 'attribute_not_exists(pk)' }));
}
