// Accounts: email + password on an existing learner, sign-in from another computer, linking one
// with a short code shown on a signed-in one, sessions listed and revoked, and the feed a new
// computer restores its progress from.
import crypto from 'node:crypto';
import type { Context, Hono } from 'hono';
import { sql, type Database } from './db/database';
import { ApiError } from './api-error';
import { issueTokens } from './auth';
import type { ServerKeys } from './keys';
import { decoyHash, hashPassword, verifyPassword, type PasswordCost } from './passwords';
import { body, liveLearner, uuidParam, type Env } from './route-kit';
import { credentialsRequest, linkRequest, normalizeCode, signInRequest } from '../common/sync-api/account-schemas';

export interface AccountDeps {
  readonly db: Database;
  readonly keys: ServerKeys;
  readonly now: () => number;
  readonly passwordCost: PasswordCost;
  /** Takes one attempt from a guessing-sensitive bucket (`key`), or throws 429. */
  readonly guard: (key: string, scope?: 'client' | 'all') => Promise<void>;
  /** The client's address, as rate limits see it. */
  readonly address: (c: Context) => string;
}

export const linkCodeTtlMs = 10 * 60_000;
/** No 0/O or 1/I/L: codes are read off one screen and typed on another. */
const codeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A random code of `length` characters (about 4.95 bits each), shown in groups of four. */
export function randomCode(length: number): string {
  const chars = Array.from({ length }, () => codeAlphabet[crypto.randomInt(codeAlphabet.length)]).join('');
  return chars.replace(/(.{4})(?=.)/g, '$1-');
}
export const codeHash = (code: string) => crypto.createHash('sha256').update(normalizeCode(code)).digest('hex');

export function accountRoutes(app: Hono<Env>, deps: AccountDeps): void {
  const { db, keys, now } = deps;
  let decoy: Promise<string> | null = null;

  app.post('/v1/account/credentials', async (c) => {
    const learnerId = await liveLearner(db, c);
    const input = await body(c, credentialsRequest);
    await deps.guard(`credentials:${learnerId}`);
    const [existing] = await db.query<{ password_hash: string }>(sql`select password_hash from accounts where learner_id = ${learnerId}`);
    if (existing && !(input.currentPassword !== undefined && (await verifyPassword(input.currentPassword, existing.password_hash))))
      throw new ApiError(403, 'wrong_password', 'This account already has a password; send the current one as currentPassword to change it.');
    const [taken] = await db.query(sql`select 1 from accounts where email = ${input.email} and learner_id <> ${learnerId}`);
    if (taken) throw new ApiError(409, 'email_taken', 'Another account uses this email; sign in to it instead.');
    const passwordHash = await hashPassword(input.password, deps.passwordCost);
    await db.query(sql`insert into accounts (learner_id, email, password_hash, created_at) values (${learnerId}, ${input.email}, ${passwordHash}, ${now()})
      on conflict (learner_id) do update set email = excluded.email, password_hash = excluded.password_hash`);
    return c.json({ email: input.email });
  });

  app.post('/v1/auth/sign-in', async (c) => {
    const input = await body(c, signInRequest);
    await deps.guard(`sign-in:ip:${deps.address(c)}`);
    await deps.guard(`sign-in:email:${input.email}`);
    const [account] = await db.query<{ learner_id: string; password_hash: string }>(
      sql`select learner_id, password_hash from accounts where email = ${input.email}`,
    );
    decoy ??= decoyHash(deps.passwordCost);
    const ok = await verifyPassword(input.password, account?.password_hash ?? (await decoy));
    if (!account || !ok) throw new ApiError(401, 'wrong_credentials', 'This email and password do not match an account.');
    return c.json(await issueTokens(db, keys.accessSecret, account.learner_id, crypto.randomUUID(), now(), input.deviceName));
  });

  app.post('/v1/auth/link-codes', async (c) => {
    const learnerId = await liveLearner(db, c);
    const code = randomCode(8);
    const expiresAt = now() + linkCodeTtlMs;
    // One live code per learner: a new one replaces the last.
    await db.transaction(async (q) => {
      await q(sql`delete from link_codes where learner_id = ${learnerId}`);
      await q(sql`insert into link_codes (hash, learner_id, expires_at) values (${codeHash(code)}, ${learnerId}, ${expiresAt})`);
    });
    return c.json({ code, expiresAt }, 201);
  });

  app.post('/v1/auth/link', async (c) => {
    const input = await body(c, linkRequest);
    await deps.guard(`link:ip:${deps.address(c)}`);
    await deps.guard('link', 'all');
    const [claimed] = await db.query<{ learner_id: string }>(sql`update link_codes set used_at = ${now()}
      where hash = ${codeHash(input.code)} and used_at is null and expires_at > ${now()} returning learner_id`);
    if (!claimed) throw new ApiError(401, 'invalid_code', 'This code is wrong, used or expired; show a new one on the signed-in computer.');
    return c.json(await issueTokens(db, keys.accessSecret, claimed.learner_id, crypto.randomUUID(), now(), input.deviceName));
  });

  app.get('/v1/auth/sessions', async (c) => {
    const learnerId = await liveLearner(db, c);
    const rows = await db.query<{
      id: string;
      device_name: string;
      created_at: number;
      last_used_at: number;
    }>(sql`select id, device_name, created_at, last_used_at
      from sessions where learner_id = ${learnerId} and revoked_at is null order by last_used_at desc`);
    return c.json({
      sessions: rows.map((r) => ({
        id: r.id,
        deviceName: r.device_name,
        createdAt: Number(r.created_at),
        lastUsedAt: Number(r.last_used_at),
        current: r.id === c.get('sessionId'),
      })),
    });
  });

  app.delete('/v1/auth/sessions/:id', async (c) => {
    const learnerId = await liveLearner(db, c);
    const id = uuidParam(c, 'id', 'session');
    const revoked = await db.query(
      sql`update sessions set revoked_at = ${now()} where id = ${id} and learner_id = ${learnerId} and revoked_at is null returning id`,
    );
    if (revoked.length === 0) throw new ApiError(404, 'not_found', 'No session of yours has this id.');
    await db.query(sql`update refresh_tokens set revoked_at = ${now()} where family = ${id} and revoked_at is null`);
    return c.json({ revoked: true });
  });

  // The learner's events in the order the server took them, those its rules refused included
  // (the learner's progress all the same): a new computer pages through them and replays each
  // once (the idempotency key is what it dedupes on).
  app.get('/v1/events', async (c) => {
    const learnerId = await liveLearner(db, c);
    const after = Number(c.req.query('after') ?? 0);
    const limit = Number(c.req.query('limit') ?? 500);
    if (!Number.isSafeInteger(after) || after < 0) throw new ApiError(400, 'invalid_input', 'after must be the next cursor of a previous page.');
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new ApiError(400, 'invalid_input', 'limit must be a whole number from 1 to 1000.');
    const rows = await db.query<{
      id: number;
      idempotency_key: string;
      kind: string;
      course_id: string | null;
      lesson_id: string | null;
      occurred_at: number;
      active_seconds: number | null;
      facts: Record<string, unknown>;
      xp: number;
      refused: string | null;
    }>(sql`(select id, idempotency_key, kind, course_id, lesson_id, occurred_at, active_seconds, facts, xp, null as refused
        from events where learner_id = ${learnerId} and id > ${after} order by id limit ${limit})
      union all (select id, idempotency_key, kind, course_id, lesson_id, occurred_at, null, facts, 0, code
        from refused_events where learner_id = ${learnerId} and id > ${after} order by id limit ${limit})
      order by id limit ${limit}`);
    const events = rows.map((r) => ({
      id: Number(r.id),
      idempotencyKey: r.idempotency_key,
      kind: r.kind,
      courseId: r.course_id,
      lessonId: r.lesson_id,
      occurredAt: Number(r.occurred_at),
      activeSeconds: r.active_seconds,
      facts: r.facts,
      xp: r.xp,
      refused: r.refused,
    }));
    return c.json({ events, next: events.length === limit ? events.at(-1)!.id : null });
  });
}
