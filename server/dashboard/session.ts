// Signing in to the dashboard: the account's email and password (the same scrypt check as the
// app's sign-in), then a session row like any device's, carried in an HttpOnly, SameSite=Strict
// cookie. The cookie's token is signed with a key derived for the dashboard, so it is not an API
// access token and an API token is not a dashboard cookie.
import crypto from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { jwtVerify, SignJWT } from 'jose';
import { sql, type Database } from '../db/database';
import type { ServerKeys } from '../keys';
import { decoyHash, verifyPassword, type PasswordCost } from '../passwords';

export const cookieName = 'drona_dashboard';
export const dashboardSessionMs = 12 * 3600_000;
const audience = 'drona-dashboard';

const dashboardKey = (keys: ServerKeys) => crypto.createHmac('sha256', keys.accessSecret).update('instructor dashboard cookie').digest();

let decoy: Promise<string> | null = null;

/** The learner id of the account, or null when the email and password do not match one. */
export async function checkPassword(db: Database, email: string, password: string, cost: PasswordCost): Promise<string | null> {
  const [account] = await db.query<{ learner_id: string; password_hash: string }>(
    sql`select learner_id, password_hash from accounts where email = ${email.trim().toLowerCase()}`,
  );
  // No account still costs a hash, so the answer's time does not tell which emails exist.
  decoy ??= decoyHash(cost);
  const ok = await verifyPassword(password, account?.password_hash ?? (await decoy));
  return account && ok ? account.learner_id : null;
}

/** The cookie's value for session `sid` (a sessions row of `personId`). */
export function dashboardToken(keys: ServerKeys, personId: string, sid: string, now: number): Promise<string> {
  return new SignJWT({ sid })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(personId)
    .setAudience(audience)
    .setIssuedAt(Math.floor(now / 1000))
    .setExpirationTime(Math.floor((now + dashboardSessionMs) / 1000))
    .sign(dashboardKey(keys));
}

export async function startSession(c: Context, db: Database, keys: ServerKeys, personId: string, now: number, secure: boolean): Promise<void> {
  const sid = crypto.randomUUID();
  await db.query(sql`insert into sessions (id, learner_id, device_name, created_at, last_used_at)
    values (${sid}, ${personId}, 'Instructor dashboard', ${now}, ${now})`);
  const token = await dashboardToken(keys, personId, sid, now);
  setCookie(c, cookieName, token, { httpOnly: true, sameSite: 'Strict', path: '/dashboard', secure, maxAge: dashboardSessionMs / 1000 });
}

/** Who the cookie signs in, if it is valid and its session was not signed out (listed and revoked like any device). */
export async function sessionOf(c: Context, db: Database, keys: ServerKeys, now: number): Promise<{ personId: string; sessionId: string } | null> {
  const token = getCookie(c, cookieName);
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, dashboardKey(keys), { algorithms: ['HS256'], audience, currentDate: new Date(now) });
    if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return null;
    const [row] = await db.query<{ revoked_at: number | null }>(sql`select revoked_at from sessions where id = ${payload.sid} and learner_id = ${payload.sub}`);
    return row && row.revoked_at === null ? { personId: payload.sub, sessionId: payload.sid } : null;
  } catch {
    return null; // a forged, expired or foreign token signs no one in: the sign-in page follows
  }
}

export async function endSession(c: Context, db: Database, sessionId: string, now: number): Promise<void> {
  await db.query(sql`update sessions set revoked_at = ${now} where id = ${sessionId} and revoked_at is null`);
  deleteCookie(c, cookieName, { path: '/dashboard' });
}
