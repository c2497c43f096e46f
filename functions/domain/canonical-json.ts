import { createHash } from 'node:crypto';

const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]));
  }
  return value;
};

/** A digest that is equal for equal JSON values whatever their key order (idempotency checks). */
export const digestOf = (value: unknown): string => createHash('sha256').update(JSON.stringify(canonical(value))).digest('base64url');
