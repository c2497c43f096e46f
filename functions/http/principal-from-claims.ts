import { isRole, rolePrecedence, type Principal, type Role } from '#domain/principal.ts';

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

/**
 * Of the user's Cognito groups, the role group of highest precedence (the order of the claim is
 * not precedence order); a token whose groups name no role has no role.
 */
function roleOfGroups(groups: string[]): Role | undefined {
  return groups.filter(isRole).sort((a, b) => rolePrecedence(a) - rolePrecedence(b))[0];
}

/** The principal per API.md: role from `role`, else `custom:role`, else the user's Cognito groups. */
export function principalFromClaims(claims: Claims | undefined): { id: string; role: string | undefined } | undefined {
  const sub = claims?.sub;
  if (typeof sub !== 'string' || sub === '') return undefined;
  const role = claims?.role ?? claims?.['custom:role'] ?? roleOfGroups(claimList(claims?.['cognito:groups'])) ?? claimList(claims?.['cognito:groups'])[0];
  return { id: sub, role: typeof role === 'string' ? role : undefined };
}

export function asPrincipal(candidate: { id: string; role: string | undefined }): Principal | undefined {
  return isRole(candidate.role) ? { id: candidate.id, role: candidate.role } : undefined;
}
