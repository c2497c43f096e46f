import { ConflictError } from '../errors.ts';
import { newId } from '../ids.ts';
import { INDEXES } from '#storage/table-design.ts';
import { kindList } from '#storage/keys.ts';
import { queryPage, type Page } from '#storage/page-query.ts';
import { newDeliveryPersonAction, toDeliveryPerson, type DeliveryPersonRecord } from '#storage/delivery-persons-table.ts';
import { ConditionsFailed, writeAtomically } from '#storage/transactions.ts';
import type { DeliveryPerson, NewDeliveryPersonInput } from './delivery-person.ts';

export async function addDeliveryPerson(input: NewDeliveryPersonInput): Promise<DeliveryPerson> {
  const person: DeliveryPerson = { id: input.id ?? newId(), name: input.name, phone: input.phone, active: true };
  try {
    await writeAtomically([newDeliveryPersonAction(person, newId())]);
  } catch (error) {
    if (error instanceof ConditionsFailed) throw new ConflictError(`Delivery person ${person.id} already exists.`);
    throw error;
  }
  return person;
}

export async function listDeliveryPersons(page: { limit: number; cursor?: string }): Promise<Page<DeliveryPerson>> {
  const result = await queryPage({ index: INDEXES.byKind, partition: kindList('DELIVERY_PERSON'), ...page });
  return { items: (result.items as unknown as DeliveryPersonRecord[]).map(toDeliveryPerson), nextCursor: result.nextCursor };
}
