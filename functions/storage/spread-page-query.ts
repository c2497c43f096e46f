import { checkCursorKey, encodeCursor, malformedCursor, parseCursor, type KeyRecord } from './cursor.ts';
import { keyOf, keysOf, queryPartition, type Condition, type ListSource, type Page, type PageRequest } from './page-query.ts';

/** Where the reading of one partition stands: not begun, after a record, or finished. */
type Position = 'start' | KeyRecord | 'end';

function decodeSpreadCursor(cursor: string, partitions: readonly string[], partitionKey: string, keyNames: readonly string[]): Position[] {
  const positions = (parseCursor(cursor) as { spread?: unknown } | null)?.spread;
  if (!Array.isArray(positions) || positions.length !== partitions.length) throw malformedCursor();
  return positions.map((position, i) => (position === 'start' || position === 'end' ? position : checkCursorKey(position, { [partitionKey]: partitions[i]! }, keyNames)));
}

/**
 * A page of a list spread over several partitions (so that no single partition takes every
 * write): one Query per partition, in parallel, merged by sort key. A record is returned only when
 * no partition with more to read could still hold one before it, so the merged order is exact and
 * the cursor (each partition's position) carries on across pages whichever partition comes next.
 */
export async function querySpreadPage<R, T>(
  source: ListSource,
  partitions: readonly string[],
  conditions: readonly Condition[],
  page: PageRequest,
  map: (record: R) => T,
): Promise<Page<T>> {
  const { partitionKey, sortKey, keyNames } = keysOf(source);
  const positions: Position[] = page.cursor ? decodeSpreadCursor(page.cursor, partitions, partitionKey, keyNames) : partitions.map(() => 'start');
  const reads = await Promise.all(
    partitions.map((partition, i) => {
      const position = positions[i]!;
      if (position === 'end') return { records: [], lastKey: undefined };
      return queryPartition(source, partition, conditions, page.limit + 1, position === 'start' ? undefined : position);
    }),
  );
  const before = (a: string, b: string) => (source.oldestFirst ? a < b : a > b);
  // The furthest any partition with more to read has got: nothing past it may be returned yet.
  const frontiers = reads.flatMap((read) => (read.lastKey ? [read.lastKey[sortKey]!] : []));
  const frontier = frontiers.reduce<string | undefined>((nearest, next) => (nearest === undefined || before(next, nearest) ? next : nearest), undefined);
  const merged = reads
    .flatMap((read, partition) => read.records.map((record) => ({ record, partition, sortValue: String(record[sortKey]) })))
    .sort((a, b) => (a.sortValue === b.sortValue ? 0 : before(a.sortValue, b.sortValue) ? -1 : 1));
  const returnable = merged.filter((entry) => frontier === undefined || !before(frontier, entry.sortValue));
  const taken = returnable.slice(0, page.limit);

  const next = reads.map((read, i): Position => {
    const mine = taken.filter((entry) => entry.partition === i);
    if (mine.length < read.records.length) return mine.length > 0 ? keyOf(mine[mine.length - 1]!.record, keyNames) : positions[i]!;
    return read.lastKey ?? 'end';
  });
  return {
    items: taken.map((entry) => map(entry.record as R)),
    nextCursor: next.every((position) => position === 'end') ? null : encodeCursor({ spread: next }),
  };
}
