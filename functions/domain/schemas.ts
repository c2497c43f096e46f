import * as z from 'zod/mini';

/** Ids callers choose (order ids, seller ids, ...): safe in keys and URLs. */
export const idSchema = z.string().check(
  z.regex(/^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,127}$/, 'must be 1-128 characters: letters, digits, _ . : @ - (starting with a letter or digit)'),
);

export const text = (max: number) => z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(max));

export const listLimit = z.prefault(
  z.pipe(
    z.string().check(z.regex(/^(100|[1-9][0-9]?)$/, 'must be an integer from 1 to 100')),
    z.transform((value) => Number(value)),
  ),
  '20',
);

export const queryBoolean = z.pipe(
  z.enum(['true', 'false']),
  z.transform((value) => value === 'true'),
);

/** `?limit=&cursor=` shared by every collection GET. */
export const listQueryShape = {
  limit: listLimit,
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(2048))),
};
