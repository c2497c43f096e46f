import { BadRequestError } from '#domain/errors.ts';

export type KeyRecord = Record<string, string>;

/** Opaque page cursors: the last returned record's key, base64url-encoded. */
export function encodeCursor(key: KeyRecord): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

const MAX_KEY_BYTES = 1024;

/**
 * Decodes a cursor and checks it is a key of the list being read: exactly `keyNames`, each a
 * non-empty string DynamoDB accepts, in the same partition (`expected`). Anything else is a 400.
 */
export function decodeCursor(cursor: string, expected: KeyRecord, keyNames: readonly string[]): KeyRecord {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
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
  if (!matches) throw new BadRequestError('The cursor is malformed or belongs to another list; start again without it.');
  return key as KeyRecord;
}
