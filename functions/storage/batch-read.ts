import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { UnavailableError } from '#domain/errors.ts';
import { send, tableName } from './dynamo-client.ts';
import { reading } from './faults.ts';
import { recordId } from './transactions.ts';

type Key = { pk: string; sk: string };

/** A few records by key in one strongly consistent round trip, in the order of `keys` (undefined: missing). */
export async function readRecords(keys: readonly Key[]): Promise<(Record<string, unknown> | undefined)[]> {
  const output = await reading(() => send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: [...keys], ConsistentRead: true } } })));
  if (Object.keys(output.UnprocessedKeys ?? {}).length > 0) throw new UnavailableError('The database is busy; retry shortly.');
  const records = output.Responses?.[tableName()] ?? [];
  return keys.map((key) => records.find((record) => recordId(record as Key) === recordId(key)));
}
