import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor, type KeyRecord } from './cursor.ts';
import { documents, tableName } from './dynamo-client.ts';
import { TABLE_KEYS, type IndexDesign } from './table-design.ts';

export type Condition = { attribute: string; equals: string | number | boolean } | { attribute: string; exists: boolean };

export interface PageRequest {
  /** Omit to query the table itself. */
  index?: IndexDesign;
  partition: string;
  conditions?: Condition[];
  limit: number;
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * With filters, one Query reads up to this many records to fill a page; a page can then be
 * shorter than `limit` while `nextCursor` still points further. Still one round trip.
 */
const FILTERED_READ_BUDGET = 300;

function filterExpression(conditions: Condition[]): Partial<QueryCommandInput> {
  if (conditions.length === 0) return {};
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const parts = conditions.map((condition, i) => {
    names[`#f${i}`] = condition.attribute;
    if ('exists' in condition) return `${condition.exists ? 'attribute_exists' : 'attribute_not_exists'}(#f${i})`;
    values[`:f${i}`] = condition.equals;
    return `#f${i} = :f${i}`;
  });
  return {
    FilterExpression: parts.join(' AND '),
    ExpressionAttributeNames: names,
    ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
  };
}

/** One Query, newest first, with an opaque cursor that is validated against the list it came from. */
export async function queryPage(request: PageRequest): Promise<Page<Record<string, unknown>>> {
  const partitionKey = request.index?.partitionKey ?? TABLE_KEYS.partitionKey;
  const keyNames = [TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey, ...(request.index ? [request.index.partitionKey, request.index.sortKey] : [])];
  const conditions = request.conditions ?? [];
  const filter = filterExpression(conditions);
  const output = await documents.send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: request.index?.name,
      KeyConditionExpression: '#pk = :pk',
      ...filter,
      ExpressionAttributeNames: { ...filter.ExpressionAttributeNames, '#pk': partitionKey },
      ExpressionAttributeValues: { ...filter.ExpressionAttributeValues, ':pk': request.partition },
      ScanIndexForward: false,
      Limit: conditions.length > 0 ? Math.max(request.limit + 1, FILTERED_READ_BUDGET) : request.limit + 1,
      ExclusiveStartKey: request.cursor ? decodeCursor(request.cursor, { [partitionKey]: request.partition }, keyNames) : undefined,
    }),
  );
  const matched = output.Items ?? [];
  if (matched.length > request.limit) {
    const items = matched.slice(0, request.limit);
    const last = items[items.length - 1] as Record<string, unknown>;
    const key = Object.fromEntries(keyNames.map((name) => [name, String(last[name])])) as KeyRecord;
    return { items, nextCursor: encodeCursor(key) };
  }
  return { items: matched, nextCursor: output.LastEvaluatedKey ? encodeCursor(output.LastEvaluatedKey as KeyRecord) : null };
}
