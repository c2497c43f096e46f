import { BadRequestError } from '#domain/errors.ts';

export type KeyRecord = Record<string, string>;

/** Opaque page cursors: the last returned record's key, base64url-encoded. */
export function encodeCursor(key: KeyRecord): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** Decodes a cursor and checks it belongs to the list being read (same partition), else 400. */
export function decodeCursor(cursor: string, expected: KeyRecord): KeyRecord {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  const isKeyRecord = typeof key === 'object' && key !== null && !Array.isArray(key) && Object.values(key).every((v) => typeof v === 'string');
  const matches = isKeyRecord && Object.entries(expected).every(([name, value]) => (key as KeyRecord)[name] === value);
  if (!matches) throw new BadRequestError('The cursor is malformed or belongs to another list; start again without it.');
  return key as KeyRecord;
}
