/**
 * DynamoDB's billing arithmetic, applied to the records before and after each write: DynamoDB Local
 * reports consumed capacity for single writes but not for the actions of a transaction (it returns
 * the units of about one action), so write units are computed here from the real records, by
 * DynamoDB's published rules:
 * - an item's size is the sum of its attribute names and values (numbers ~1 byte per 2 digits + 1;
 *   lists and maps 3 bytes plus 1 per element); a write costs 1 unit per started KB of the larger
 *   of the item before and after, twice in a transaction;
 * - an index write costs 1 unit per started KB of the projected item; moving an item to another
 *   index key is a delete and a put; a change that touches no projected attribute costs nothing there;
 * - storage is billed on item size plus 100 bytes of overhead per item, in the table and each index.
 */
import { INDEX_LIST, TABLE_KEYS, type IndexDesign } from '../../functions/storage/table-design.ts';

export type Item = Record<string, unknown>;

function valueSize(value: unknown): number {
  if (value === null || value === undefined || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (typeof value === 'number' || typeof value === 'bigint') {
    const digits = String(value).replace(/^-/, '').replace('.', '').replace(/^0+/, '').replace(/e.*$/i, '').length || 1;
    return Math.ceil(digits / 2) + 1;
  }
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof Set) return [...value].reduce((sum: number, element) => sum + valueSize(element), 0);
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, element) => sum + 1 + valueSize(element), 0);
  if (typeof value === 'object') return 3 + Object.entries(value).reduce((sum, [name, element]) => sum + 1 + Buffer.byteLength(name) + valueSize(element), 0);
  return 0;
}

export const itemSize = (item: Item): number => Object.entries(item).reduce((sum, [name, value]) => sum + Buffer.byteLength(name) + valueSize(value), 0);

const kilobytes = (bytes: number) => Math.max(1, Math.ceil(bytes / 1024));

const inIndex = (item: Item | undefined, index: ModelIndex) => item !== undefined && item[index.partitionKey] !== undefined && item[index.sortKey] !== undefined;

/** A projection DynamoDB cannot express (INCLUDE lists at most 100 attributes over all indexes), modelled for comparison: everything but these. */
export type ModelIndex = Omit<IndexDesign, 'projection'> & { projection: IndexDesign['projection'] | { type: 'ALL_BUT'; attributes: readonly string[] } };

/** The index's copy of an item: what its projection keeps. */
export function projected(item: Item, index: ModelIndex): Item {
  if (index.projection.type === 'ALL') return item;
  if (index.projection.type === 'ALL_BUT') {
    const dropped = new Set(index.projection.attributes);
    return Object.fromEntries(Object.entries(item).filter(([name]) => !dropped.has(name)));
  }
  const kept = [TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey, index.partitionKey, index.sortKey, ...(index.projection.type === 'INCLUDE' ? index.projection.attributes : [])];
  return Object.fromEntries(kept.filter((name) => item[name] !== undefined).map((name) => [name, item[name]]));
}

const sameIndexKey = (before: Item, after: Item, index: ModelIndex) =>
  before[index.partitionKey] === after[index.partitionKey] && before[index.sortKey] === after[index.sortKey];

/** Write units of one write, where they are spent: `table` and `index:<name>`. */
export function writeUnits(before: Item | undefined, after: Item | undefined, transactional: boolean, indexes: readonly ModelIndex[] = INDEX_LIST): Record<string, number> {
  const units: Record<string, number> = {};
  const largest = Math.max(before ? itemSize(before) : 0, after ? itemSize(after) : 0);
  units.table = kilobytes(largest) * (transactional ? 2 : 1);
  if (!before && !after) return units;
  for (const index of indexes) {
    const was = inIndex(before, index);
    const is = inIndex(after, index);
    let cost = 0;
    if (was && is && sameIndexKey(before!, after!, index)) {
      const old = projected(before!, index);
      const now = projected(after!, index);
      if (JSON.stringify(old) !== JSON.stringify(now)) cost = kilobytes(Math.max(itemSize(old), itemSize(now)));
    } else {
      if (was) cost += kilobytes(itemSize(projected(before!, index)));
      if (is) cost += kilobytes(itemSize(projected(after!, index)));
    }
    if (cost > 0) units[`index:${index.name}`] = cost;
  }
  return units;
}

const STORAGE_OVERHEAD_BYTES = 100;

/** Bytes billed for storing `item`: in the table and in each index holding it. */
export function storedBytes(item: Item, indexes: readonly ModelIndex[] = INDEX_LIST): Record<string, number> {
  const bytes: Record<string, number> = { table: itemSize(item) + STORAGE_OVERHEAD_BYTES };
  for (const index of indexes) if (inIndex(item, index)) bytes[`index:${index.name}`] = itemSize(projected(item, index)) + STORAGE_OVERHEAD_BYTES;
  return bytes;
}

/**
 * The design the counts point to next, priced on the same records: list indexes that copy a
 * record without its history and order header (list entries without `events`; View keeps them).
 */
export const LIST_SUMMARY_DESIGN: readonly ModelIndex[] = INDEX_LIST.map((index) =>
  ['bySeller', 'byKind', 'byCustomer', 'byDeliveryPerson'].includes(index.name)
    ? { ...index, projection: { type: 'ALL_BUT', attributes: ['events', 'order', 'requestHash', 'invoice'] } }
    : index,
);

/**
 * The other way the counts point to: list indexes that copy only what their filters read, the list
 * then reading its page's records by key (a BatchGet after the Query: one more round trip per page).
 */
export const LIST_KEYS_DESIGN: readonly ModelIndex[] = INDEX_LIST.map((index) =>
  ['bySeller', 'byKind', 'byCustomer', 'byDeliveryPerson', 'awaitingPacking'].includes(index.name)
    ? { ...index, projection: { type: 'INCLUDE', attributes: ['status', 'orderId', 'sellerId', 'parcelId'] } }
    : index,
);
