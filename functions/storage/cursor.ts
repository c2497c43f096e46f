import { BadRequestError } from '#domain/errors.ts';

export type KeyRecord = Record<string, string>;

/** Opaque page cursors: where the list stands (the last returned record's key), base64url-encoded JSON. */
export function encodeCursor(position: KeyRecord | { spread: readonly unknown[] }): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

const MAX_KEY_BYTES = 1024;

export const malformedCursor = () => new BadRequestError('The cursor is malformed or belongs to another list; start again without it.');

/** The JSON a cursor holds, or a 400. */
export function parseCursor(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw malformedCursor();
  }
}

/**
 * Checks that `key` (from a cursor) is a key of the list being read: exactly `keyNames`, each a
 * non-empty string DynamoDB accepts, in the same partition (`expected`). Anything else is a 400.
 */
export function checkCursorKey(key: unknown, expected: KeyRecord, keyNames: readonly string[]): KeyRecord {
  const isKeyRecord =
    typeof key === 'object' &&
    key !== null &&
    !Array.isArray(key) &&
    Object.keys(key).length === keyNames.length &&
    keyNames.every((name) => {
      const value = (key as Record<string, unknown>)[name];
      return typeof value === 'string' && value !== '' && Buffer.byteLength(value) <= MAX_KEY_BYTES;
    });
  const matches = isKeyRecord && Object.entries(expected).every(([name, value]) => (key as KeyRecord)[name] === value);
  if (!matches) throw malformedCursor();
  return key as KeyRecord;
}

/** Decodes a cursor of a one-partition list (see `checkCursorKey`). */
export const decodeCursor = (cursor: string, expected: KeyRecord, keyNames: readonly string[]): KeyRecord => checkCursorKey(parseCursor(cursor), expected, keyNames);
