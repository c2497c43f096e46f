import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor, type KeyRecord } from './cursor.ts';
import { querySpreadPage } from './spread-page-query.ts';
import { send, tableName } from './dynamo-client.ts';
import { reading } from './faults.ts';
import { INDEXES, TABLE_KEYS, type IndexName } from './table-design.ts';

/** A filter on a non-key attribute: equal to a value, or present / absent. */
export type Condition = { attribute: string; equals: string | number | boolean } | { attribute: string; exists: boolean };

/**
 * Where a list lives: one partition of the table or of an index, or several partitions of an
 * index that one list is spread over (merged by sort key, see `querySpreadPage`).
 */
export interface ListSource {
  /** Omit to query the table itself. */
  index?: IndexName;
  partition: string | readonly string[];
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

/** The key attributes of a source's records (a cursor holds exactly these) and the names of its partition and sort key. */
export function keysOf(source: Pick<ListSource, 'index'>) {
  const index = source.index ? INDEXES[source.index] : undefined;
  return {
    partitionKey: index?.partitionKey ?? TABLE_KEYS.partitionKey,
    sortKey: index?.sortKey ?? TABLE_KEYS.sortKey,
    keyNames: [TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey, ...(index ? [index.partitionKey, index.sortKey] : [])],
  };
}

export const keyOf = (record: unknown, keyNames: readonly string[]): KeyRecord =>
  Object.fromEntries(keyNames.map((name) => [name, String((record as Record<string, unknown>)[name])]));

/** One Query of one partition from `startKey` on: the matching records, and where it stopped when there is more. */
export async function queryPartition(
  source: ListSource,
  partition: string,
  conditions: readonly Condition[],
  limit: number,
  startKey: KeyRecord | undefined,
): Promise<{ records: Record<string, unknown>[]; lastKey?: KeyRecord }> {
  const { partitionKey } = keysOf(source);
  const filter = filterExpression(conditions);
  const prefix = source.sortKeyPrefix === undefined ? {} : { ':prefix': source.sortKeyPrefix };
  const output = await reading(() =>
    send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: source.index ? INDEXES[source.index].name : undefined,
        KeyConditionExpression: source.sortKeyPrefix === undefined ? '#pk = :pk' : '#pk = :pk AND begins_with(#sk, :prefix)',
        ...filter,
        ExpressionAttributeNames: { ...filter.ExpressionAttributeNames, '#pk': partitionKey, ...(source.sortKeyPrefix === undefined ? {} : { '#sk': TABLE_KEYS.sortKey }) },
        ExpressionAttributeValues: { ...filter.ExpressionAttributeValues, ':pk': partition, ...prefix },
        ScanIndexForward: source.oldestFirst === true,
        Limit: conditions.length > 0 ? Math.max(limit, FILTERED_READ_BUDGET) : limit,
        ExclusiveStartKey: startKey,
      }),
    ),
  );
  return { records: (output.Items ?? []) as Record<string, unknown>[], lastKey: output.LastEvaluatedKey as KeyRecord | undefined };
}

/**
 * One Query, newest first (unless `oldestFirst`), with an opaque cursor that is validated against the list it came from;
 * each record is turned into what the caller lists by `map`. A list spread over several partitions
 * is read by `querySpreadPage`.
 */
export async function queryPage<R, T>(source: ListSource, conditions: readonly Condition[], page: PageRequest, map: (record: R) => T): Promise<Page<T>> {
  const partitions = typeof source.partition === 'string' ? [source.partition] : source.partition;
  if (partitions.length > 1) return querySpreadPage(source, partitions, conditions, page, map);
  const partition = partitions[0]!;
  const { partitionKey, keyNames } = keysOf(source);
  const startKey = page.cursor ? decodeCursor(page.cursor, { [partitionKey]: partition }, keyNames) : undefined;
  const { records: matched, lastKey } = await queryPartition(source, partition, conditions, page.limit + 1, startKey);
  if (matched.length > page.limit) {
    const records = matched.slice(0, page.limit);
    return { items: records.map((record) => map(record as R)), nextCursor: encodeCursor(keyOf(records[records.length - 1], keyNames)) };
  }
  return { items: matched.map((record) => map(record as R)), nextCursor: lastKey ? encodeCursor(lastKey) : null };
}
