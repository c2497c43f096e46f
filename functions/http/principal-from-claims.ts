import { ROLES, type Role } from '../routes.ts';
import type { Principal } from '#domain/principal.ts';

type Claims = Record<string, string | number | boolean | string[] | undefined>;

/**
 * API Gateway's JWT authorizer passes array claims as a string like `[admin seller]`;
 * tokens verified locally keep real arrays. Both mean the same list.
 */
function claimList(value: Claims[string]): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return [];
  return value.replace(/^\[|\]$/g, '').split(/[\s,]+/).filter(Boolean);
}

const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** The principal per API.md: role from `role`, else `custom:role`, else the first `cognito:groups` entry. */
export function principalFromClaims(claims: Claims | undefined): { id: string; role: string | undefined } | undefined {
  const sub = claims?.sub;
  if (typeof sub !== 'string' || sub === '') return undefined;
  const role = claims?.role ?? claims?.['custom:role'] ?? claimList(claims?.['cognito:groups'])[0];
  return { id: sub, role: typeof role === 'string' ? role : undefined };
}

export function asPrincipal(candidate: { id: string; role: string | undefined }): Principal | undefined {
  return isRole(candidate.role) ? { id: candidate.id, role: candidate.role } : undefined;
}
