import { createHash } from 'node:crypto';
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  GetItemCommand,
  PutItemCommand,
  ResourceNotFoundException,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { KIND_LIST_SPREAD, kindList } from '../functions/storage/keys.ts';
import { INDEX_LIST, KEY_ATTRIBUTES, TABLE_KEYS, type IndexDesign } from '../functions/storage/table-design.ts';

/**
 * What the records and indexes of this version look like: the index design and how lists are
 * keyed. A local table kept from a version with another layout is made again (and seeded again).
 */
const LAYOUT = createHash('sha256')
  .update(JSON.stringify({ indexes: INDEX_LIST, spread: KIND_LIST_SPREAD, kindList: kindList('ITEM', 'x') }))
  .digest('hex')
  .slice(0, 16);
const layoutKey = { pk: { S: 'LOCAL#TABLE' }, sk: { S: 'LAYOUT' } };

async function storedLayout(client: DynamoDBClient, tableName: string): Promise<string | undefined | 'no table'> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return 'no table';
    throw error;
  }
  const output = await client.send(new GetItemCommand({ TableName: tableName, Key: layoutKey, ConsistentRead: true }));
  return output.Item?.layout?.S;
}

/**
 * Creates the single table with its indexes from the table design, unless it exists with this
 * version's layout; a local table of an older layout (other indexes, other list keys) is dropped
 * and made again: its records could not be listed.
 */
export async function ensureTable(client: DynamoDBClient, tableName: string, notice: (line: string) => void = console.warn): Promise<'created' | 'exists'> {
  const layout = await storedLayout(client, tableName);
  if (layout === LAYOUT) return 'exists';
  if (layout !== 'no table') {
    notice(`The local table ${tableName} was made by a version with another layout (indexes, list keys): it is made again, with fresh demo data.`);
    await client.send(new DeleteTableCommand({ TableName: tableName }));
  }
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: KEY_ATTRIBUTES.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
      KeySchema: [
        { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: INDEX_LIST.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: projectionOf(index),
      })),
    }),
  );
  await client.send(new PutItemCommand({ TableName: tableName, Item: { ...layoutKey, layout: { S: LAYOUT } } }));
  return 'created';
}

const projectionOf = ({ projection }: IndexDesign) =>
  projection.type === 'INCLUDE' ? { ProjectionType: projection.type, NonKeyAttributes: [...projection.attributes] } : { ProjectionType: projection.type };
