// Devices register a learner and get a short-lived access token (HS256 JWT, checked without a
// database round trip) and a rotating refresh token (stored hashed; reusing a replaced one
// revokes the whole family, the usual defence against a stolen refresh token).
import crypto from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { sql, type Database } from './db/database';
import { ApiError } from './api-error';
import type { Tokens } from '../common/sync-api/schemas';

export const accessTtlMs = 15 * 60_000;
export const refreshTtlMs = 90 * 86_400_000;

const hash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/** Tokens for a device's session `family` (created here on its first tokens, named `deviceName`). */
export async function issueTokens(db: Database, secret: Uint8Array, learnerId: string, family: string, now: number, deviceName = 'Computer'): Promise<Tokens> {
  const refreshToken = crypto.randomBytes(32).toString('base64url');
  await db.query(sql`insert into refresh_tokens (hash, learner_id, family, expires_at)
    values (${hash(refreshToken)}, ${learnerId}, ${family}, ${now + refreshTtlMs})`);
  await db.query(sql`insert into sessions (id, learner_id, device_name, created_at, last_used_at)
    values (${family}, ${learnerId}, ${deviceName}, ${now}, ${now}) on conflict (id) do update set last_used_at = ${now}`);
  const accessExpiresAt = now + accessTtlMs;
  const accessToken = await new SignJWT({ sid: family })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(learnerId)
    .setJti(crypto.randomUUID())
    .setIssuedAt(Math.floor(now / 1000))
    .setExpirationTime(Math.floor(accessExpiresAt / 1000))
    .sign(secret);
  return { learnerId, accessToken, refreshToken, accessExpiresAt };
}

export async function rotateRefresh(db: Database, secret: Uint8Array, refreshToken: string, now: number): Promise<Tokens> {
  const [row] = await db.query<{
    learner_id: string;
    family: string;
    expires_at: number;
    replaced_at: number | null;
    revoked_at: number | null;
    session_revoked_at: number | null;
  }>(
    sql`select r.learner_id, r.family, r.expires_at, r.replaced_at, r.revoked_at, s.revoked_at as session_revoked_at
      from refresh_tokens r left join sessions s on s.id = r.family where r.hash = ${hash(refreshToken)}`,
  );
  if (!row || row.revoked_at !== null || row.session_revoked_at !== null || Number(row.expires_at) < now) {
    throw new ApiError(401, 'invalid_refresh', 'This refresh token is not valid; sign in again.');
  }
  if (row.replaced_at !== null) {
    await db.query(sql`update refresh_tokens set revoked_at = ${now} where family = ${row.family}`);
    throw new ApiError(401, 'refresh_reused', 'This refresh token was already used; every session of this device was signed out. Sign in again.');
  }
  const claimed = await db.query(sql`update refresh_tokens set replaced_at = ${now}
    where hash = ${hash(refreshToken)} and replaced_at is null returning hash`);
  if (claimed.length === 0) throw new ApiError(401, 'refresh_reused', 'This refresh token was already used; sign in again.');
  return issueTokens(db, secret, row.learner_id, row.family, now);
}

export interface Bearer {
  readonly learnerId: string;
  /** Null in tokens issued before sessions. */
  readonly sessionId: string | null;
}

function bearerToken(header: string | undefined): string {
  const token = header?.startsWith('Bearer ') ? header.slice(7) : null;
  if (!token) throw new ApiError(401, 'unauthenticated', 'Send the access token as "Authorization: Bearer <token>".');
  return token;
}

async function verifyAccess(secret: Uint8Array, token: string, now: number): Promise<{ bearer: Bearer; exp: number | undefined; nbf: number | undefined }> {
  try {
    const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'], currentDate: new Date(now) });
    if (typeof payload.sub !== 'string') throw new Error('no subject');
    return { bearer: { learnerId: payload.sub, sessionId: typeof payload.sid === 'string' ? payload.sid : null }, exp: payload.exp, nbf: payload.nbf };
  } catch {
    throw new ApiError(401, 'invalid_token', 'The access token is invalid or expired; refresh it.');
  }
}

/**
 * Who an access token stands for (or an ApiError), remembering the tokens it accepted, until they expire: a client sends the same
 * access token for up to 15 minutes, and jose's verification (WebCrypto HMAC, a key import each
 * time) cost about 0.1 ms of CPU per request, a fifth of rank-around-me's server side. The key is
 * the whole token, signature included, so only a string jose accepted ever hits.
 */
export function accessTokenCache(secret: Uint8Array, size = 10_000): (header: string | undefined, now: number) => Promise<Bearer> {
  const accepted = new Map<string, { bearer: Bearer; exp: number }>();
  return async (header, now) => {
    const token = bearerToken(header);
    const hit = accepted.get(token);
    // jose's rule: expired once the clock (in whole seconds) reaches exp.
    if (hit && Math.floor(now / 1000) < hit.exp) return hit.bearer;
    accepted.delete(token);
    const { bearer, exp, nbf } = await verifyAccess(secret, token, now);
    // Tokens without an expiry or not yet valid are verified every time (this server issues neither).
    if (exp !== undefined && nbf === undefined) {
      if (accepted.size >= size) accepted.delete(accepted.keys().next().value!);
      accepted.set(token, { bearer, exp });
    }
    return bearer;
  };
}
