import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { send, tableName } from './dynamo-client.ts';

/** One strongly consistent read of a key that never exists: the table answers, or it does not. */
export async function probeTable(): Promise<void> {
  await send(new GetCommand({ TableName: tableName(), Key: { pk: 'HEALTH', sk: 'PROBE' }, ConsistentRead: true }));
}
