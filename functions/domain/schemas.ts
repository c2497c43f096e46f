import * as z from 'zod/mini';

/** Ids callers choose (order ids, seller ids, ...): safe in keys and URLs. */
export const idSchema = z.string().check(
  z.regex(/^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,127}$/, 'must be 1-128 characters: letters, digits, _ . : @ - (starting with a letter or digit)'),
);

export const text = (max: number) => z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(max));

/**
 * A rate or measure with at most two decimals (GST rates: 0.25, 1.5, 5, 18, 28), written plainly:
 * what has more precision than that, or is too small to write without an exponent, is refused
 * rather than stored as something else (or refused by DynamoDB).
 */
const atMostTwoDecimals = z.refine<number>((value) => /^-?\d+(\.\d{1,2})?$/.test(String(value)), 'must have at most two decimals');

export const twoDecimals = (min: number, max: number) => z.number().check(z.gte(min), z.lte(max), atMostTwoDecimals);

/** A weight or a length: more than zero, at most `max`, two decimals. */
export const positiveMeasure = (max: number) => z.number().check(z.gt(0), z.lte(max), atMostTwoDecimals);

export const addressSchema = z.object({
  name: text(200),
  phone: z.string().check(z.regex(/^\+?[0-9 ()-]{6,20}$/, 'must be a phone number (6-20 digits, optional +)')),
  email: z.optional(z.email().check(z.maxLength(254))),
  line1: text(300),
  line2: z.optional(text(300)),
  city: text(100),
  state: text(100),
  postalCode: z.string().check(z.regex(/^[A-Za-z0-9 -]{3,12}$/, 'must be a postal code')),
  country: text(100),
});

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
