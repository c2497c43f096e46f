import { SignJWT, jwtVerify, type JWTPayload } from 'jose';

/** Local mode signs and verifies HS256 tokens itself (in AWS, API Gateway's JWT authorizer does). */
export const localJwtSecret = () => new TextEncoder().encode(process.env.LOCAL_JWT_SECRET ?? 'local-dev-secret');

export async function signLocalToken(role: string, sub: string, ttlSeconds = 30 * 24 * 3600): Promise<string> {
  return new SignJWT({ role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(localJwtSecret());
}

/** The token's claims, or undefined when it is missing, malformed, badly signed or expired. */
export async function verifyLocalToken(authorization: string | undefined): Promise<JWTPayload | undefined> {
  const token = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token) return undefined;
  try {
    const { payload } = await jwtVerify(token, localJwtSecret(), { algorithms: ['HS256'], requiredClaims: ['sub', 'exp'] });
    return payload;
  } catch {
    return undefined;
  }
}
