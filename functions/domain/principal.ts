/**
 * The API's roles, in Cognito group precedence order: a user in several groups acts with the first
 * of them here (the user pool gives each group this precedence, lowest number first).
 */
export const ROLES = ['admin', 'system', 'seller', 'delivery', 'customer'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** Cognito group precedence of a role's group (lower wins). */
export const rolePrecedence = (role: Role): number => ROLES.indexOf(role);

/** Who is calling: `id` is the token's `sub` (a seller id, customer id, delivery person id, ...). */
export interface Principal {
  role: Role;
  id: string;
}
