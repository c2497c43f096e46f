import { ROLES, type Principal, type Role } from '../../functions/domain/principal.ts';

/** Who is signed in: the API token and the principal it names (read from the token's claims, as the API does). */
export interface Session {
  token: string;
  principal: Principal;
}

const STORAGE_KEY = 'panels.session';

function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (char) => char.charCodeAt(0)))) as Record<string, unknown>;
}

const asRole = (value: unknown): Role | undefined => (ROLES as readonly unknown[]).includes(value) ? (value as Role) : undefined;

/** `role`, else `custom:role`, else the Cognito group of highest precedence (docs/api.md, "Who sees what"). */
export function principalOf(token: string): Principal | undefined {
  const claims = claimsOf(token);
  const groups = Array.isArray(claims['cognito:groups']) ? (claims['cognito:groups'] as unknown[]) : [];
  const role = asRole(claims.role) ?? asRole(claims['custom:role']) ?? ROLES.find((candidate) => groups.includes(candidate));
  const expired = typeof claims.exp === 'number' && claims.exp * 1000 < Date.now();
  return role && typeof claims.sub === 'string' && !expired ? { role, id: claims.sub } : undefined;
}

export function savedSession(): Session | undefined {
  const token = sessionStorage.getItem(STORAGE_KEY);
  const principal = token ? principalOf(token) : undefined;
  return token && principal ? { token, principal } : undefined;
}

export function saveSession(token: string): Session | undefined {
  const principal = principalOf(token);
  if (!principal) return undefined;
  sessionStorage.setItem(STORAGE_KEY, token);
  return { token, principal };
}

export const forgetSession = () => sessionStorage.removeItem(STORAGE_KEY);
