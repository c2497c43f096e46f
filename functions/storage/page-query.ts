import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor, type KeyRecord } from './cursor.ts';
import { send, tableName } from './dynamo-client.ts';
import { reading } from './faults.ts';
import { INDEXES, TABLE_KEYS, type IndexName } from './table-design.ts';

/** A filter on a non-key attribute: equal to a value, or present / absent. */
export type Condition = { attribute: string; equals: string | number | boolean } | { attribute: string; exists: boolean };

/** Where a list lives: one partition of the table or of an index. */
export interface ListSource {
  /** Omit to query the table itself. */
  index?: IndexName;
  partition: string;
  /** Only sort keys starting with this (the table's own partitions hold several kinds). */
  sortKeyPrefix?: string;
  /** Lowest sort key first (queues); lists are newest first otherwise. */
  oldestFirst?: boolean;
}

export interface PageRequest {
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

function filterExpression(conditions: readonly Condition[]): Partial<QueryCommandInput> {
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

/**
 * One Query, newest first (unless `oldestFirst`), with an opaque cursor that is validated against the list it came from;
 * each record is turned into what the caller lists by `map`.
 */
export async function queryPage<R, T>(source: ListSource, conditions: readonly Condition[], page: PageRequest, map: (record: R) => T): Promise<Page<T>> {
  const index = source.index ? INDEXES[source.index] : undefined;
  const partitionKey = index?.partitionKey ?? TABLE_KEYS.partitionKey;
  const keyNames = [TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey, ...(index ? [index.partitionKey, index.sortKey] : [])];
  const filter = filterExpression(conditions);
  const prefix = source.sortKeyPrefix === undefined ? {} : { ':prefix': source.sortKeyPrefix };
  const output = await reading(() =>
    send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: index?.name,
        KeyConditionExpression: source.sortKeyPrefix === undefined ? '#pk = :pk' : '#pk = :pk AND begins_with(#sk, :prefix)',
        ...filter,
        ExpressionAttributeNames: { ...filter.ExpressionAttributeNames, '#pk': partitionKey, ...(source.sortKeyPrefix === undefined ? {} : { '#sk': TABLE_KEYS.sortKey }) },
        ExpressionAttributeValues: { ...filter.ExpressionAttributeValues, ':pk': source.partition, ...prefix },
        ScanIndexForward: source.oldestFirst === true,
        Limit: conditions.length > 0 ? Math.max(page.limit + 1, FILTERED_READ_BUDGET) : page.limit + 1,
        ExclusiveStartKey: page.cursor ? decodeCursor(page.cursor, { [partitionKey]: source.partition }, keyNames) : undefined,
      }),
    ),
  );
  const matched = (output.Items ?? []) as R[];
  if (matched.length > page.limit) {
    const records = matched.slice(0, page.limit);
    const last = records[records.length - 1] as Record<string, unknown>;
    const key = Object.fromEntries(keyNames.map((name) => [name, String(last[name])])) as KeyRecord;
    return { items: records.map(map), nextCursor: encodeCursor(key) };
  }
  return { items: matched.map(map), nextCursor: output.LastEvaluatedKey ? encodeCursor(output.LastEvaluatedKey as KeyRecord) : null };
}
