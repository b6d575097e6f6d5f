// Organisations: created by a signed-in learner (its first owner), members in roles, a seat limit
// set by the server's admin, and invite codes that fill the seats.
import crypto from 'node:crypto';
import type { Context, Hono } from 'hono';
import { sql, type Database } from './db/database';
import { ApiError } from './api-error';
import { codeHash, randomCode } from './accounts';
import { cohortRoutes } from './cohorts';
import { body, liveLearner, uuidParam, type Env } from './route-kit';
import { forbidden, noOrg, orgRole, requireManager, requireOwner, requireStaff, membersOf, type Q } from './org-access';
import { joinInviteRequest, createInviteRequest, createOrgRequest, orgRoles, type OrgRole } from '../common/sync-api/account-schemas';
import { z } from 'zod';

export interface OrgDeps {
  readonly db: Database;
  readonly now: () => number;
  /** Takes one attempt from a guessing-sensitive bucket (`key`), or throws 429. */
  readonly guard: (key: string, scope?: 'client' | 'all') => Promise<void>;
  readonly address: (c: Context) => string;
}

/** Seats of a new organisation until the server's admin sets its limit. */
export const defaultSeatLimit = 30;

const roleRequest = z.object({ role: z.enum(orgRoles) });

async function summary(q: Q, orgId: string, role: OrgRole) {
  const [row] = await q<{ name: string; seat_limit: number; used: number }>(sql`select name, seat_limit,
    (select count(*)::int from org_members where org_id = ${orgId}) as used from organisations where id = ${orgId}`);
  if (!row) throw noOrg();
  return { id: orgId, name: row.name, role, seatLimit: row.seat_limit, seatsUsed: row.used };
}

/** Sets an organisation's seat limit (admin only); members over it stay, new ones wait for a seat. */
export async function setSeatLimit(db: Database, orgId: string, seatLimit: number): Promise<void> {
  const updated = await db.query(sql`update organisations set seat_limit = ${seatLimit} where id = ${orgId} returning id`);
  if (updated.length === 0) throw new ApiError(404, 'not_found', 'No organisation has this id.');
}

/** Joins the organisation (taking a seat under its row lock, so concurrent joins cannot overfill it) and the invite's cohort. */
async function accept(q: Q, code: string, learnerId: string, now: number, onBoard: boolean) {
  const [invite] = await q<{
    id: string;
    org_id: string;
    cohort_id: string | null;
    role: 'instructor' | 'learner';
    expires_at: number;
    max_uses: number;
    uses: number;
  }>(
    sql`select id, org_id, cohort_id, role, expires_at, max_uses, uses from invites
      where code_hash = ${codeHash(code)} and revoked_at is null for update`,
  );
  if (!invite || Number(invite.expires_at) <= now || invite.uses >= invite.max_uses)
    throw new ApiError(404, 'invalid_invite', 'This invite code is wrong, revoked, used up or expired; ask for a new one.');
  const [org] = await q<{ seat_limit: number }>(sql`select seat_limit from organisations where id = ${invite.org_id} for update`);
  if (!org) throw new ApiError(404, 'invalid_invite', 'This invite is for an organisation that no longer exists.');
  const [member] = await q<{ role: OrgRole }>(sql`select role from org_members where org_id = ${invite.org_id} and learner_id = ${learnerId}`);
  if (!member) {
    const [{ used }] = (await q<{ used: number }>(sql`select count(*)::int as used from org_members where org_id = ${invite.org_id}`)) as [{ used: number }];
    if (used >= org.seat_limit) throw new ApiError(409, 'seats_full', `The organisation has no free seat (all ${org.seat_limit} are taken); ask its owner.`);
    await q(sql`insert into org_members (org_id, learner_id, role, joined_at) values (${invite.org_id}, ${learnerId}, ${invite.role}, ${now})`);
  }
  if (invite.cohort_id) {
    // A member who joins again keeps the board choice they made.
    await q(sql`insert into cohort_members (cohort_id, learner_id, role, joined_at, on_board)
      values (${invite.cohort_id}, ${learnerId}, ${invite.role}, ${now}, ${invite.role === 'learner' && onBoard})
      on conflict (cohort_id, learner_id) do nothing`);
  }
  await q(sql`update invites set uses = uses + 1 where id = ${invite.id}`);
  return { orgId: invite.org_id, cohortId: invite.cohort_id, role: member?.role ?? invite.role };
}

export function orgRoutes(app: Hono<Env>, deps: OrgDeps): void {
  const { db, now } = deps;

  app.post('/v1/orgs', async (c) => {
    const learnerId = await liveLearner(db, c);
    const input = await body(c, createOrgRequest);
    const id = crypto.randomUUID();
    await db.transaction(async (q) => {
      await q(sql`insert into organisations (id, name, seat_limit, created_at) values (${id}, ${input.name}, ${defaultSeatLimit}, ${now()})`);
      await q(sql`insert into org_members (org_id, learner_id, role, joined_at) values (${id}, ${learnerId}, 'owner', ${now()})`);
    });
    return c.json(await summary(db.query, id, 'owner'), 201);
  });

  app.get('/v1/orgs', async (c) => {
    const learnerId = await liveLearner(db, c);
    const rows = await db.query<{ org_id: string; role: OrgRole }>(
      sql`select org_id, role from org_members where learner_id = ${learnerId} order by joined_at`,
    );
    return c.json({ organisations: await Promise.all(rows.map((r) => summary(db.query, r.org_id, r.role))) });
  });

  app.get('/v1/orgs/:orgId', async (c) => {
    const learnerId = await liveLearner(db, c);
    const orgId = uuidParam(c, 'orgId', 'organisation');
    return c.json(await summary(db.query, orgId, await orgRole(db.query, orgId, learnerId)));
  });

  app.get('/v1/orgs/:orgId/members', async (c) => {
    const learnerId = await liveLearner(db, c);
    const orgId = uuidParam(c, 'orgId', 'organisation');
    await requireOwner(db.query, orgId, learnerId);
    return c.json({ members: await membersOf(db.query, { orgId }) });
  });

  app.patch('/v1/orgs/:orgId/members/:learnerId', async (c) => {
    const learnerId = await liveLearner(db, c);
    const orgId = uuidParam(c, 'orgId', 'organisation');
    const target = uuidParam(c, 'learnerId', 'member');
    const input = await body(c, roleRequest);
    await requireOwner(db.query, orgId, learnerId);
    if (target === learnerId) throw forbidden('An owner cannot change their own role; another owner can.');
    const updated = await db.query(sql`update org_members set role = ${input.role} where org_id = ${orgId} and learner_id = ${target} returning learner_id`);
    if (updated.length === 0) throw new ApiError(404, 'not_found', 'No member of this organisation has this id.');
    return c.json({ learnerId: target, role: input.role });
  });

  // Leaving (yourself) or removing a member (an owner); the last owner cannot leave.
  app.delete('/v1/orgs/:orgId/members/:learnerId', async (c) => {
    const learnerId = await liveLearner(db, c);
    const orgId = uuidParam(c, 'orgId', 'organisation');
    const target = uuidParam(c, 'learnerId', 'member');
    await db.transaction(async (q) => {
      await q(sql`select id from organisations where id = ${orgId} for update`);
      if (target !== learnerId) await requireOwner(q, orgId, learnerId);
      const role = await orgRole(q, orgId, target);
      const [owners] = await q<{ n: number }>(sql`select count(*)::int as n from org_members where org_id = ${orgId} and role = 'owner'`);
      if (role === 'owner' && owners!.n <= 1) throw new ApiError(409, 'sole_owner', 'The last owner cannot leave; make another member an owner first.');
      await q(sql`delete from cohort_members where learner_id = ${target} and cohort_id in (select id from cohorts where org_id = ${orgId})`);
      await q(sql`delete from org_members where org_id = ${orgId} and learner_id = ${target}`);
    });
    return c.json({ removed: true });
  });

  app.post('/v1/orgs/:orgId/invites', async (c) => {
    const learnerId = await liveLearner(db, c);
    const orgId = uuidParam(c, 'orgId', 'organisation');
    const input = await body(c, createInviteRequest);
    const role = await requireStaff(db.query, orgId, learnerId, 'Learners cannot invite; ask an instructor or owner.');
    if (role === 'instructor' && input.role !== 'learner') throw forbidden('Instructors invite learners only; an owner invites instructors.');
    if (input.cohortId) {
      const access = await requireManager(db.query, input.cohortId, learnerId);
      if (access.orgId !== orgId) throw new ApiError(404, 'not_found', 'No cohort of this organisation has this id.');
    }
    const id = crypto.randomUUID();
    const code = randomCode(12);
    const expiresAt = now() + input.expiresInDays * 86_400_000;
    await db.query(sql`insert into invites (id, code_hash, org_id, cohort_id, role, created_by, created_at, expires_at, max_uses)
      values (${id}, ${codeHash(code)}, ${orgId}, ${input.cohortId ?? null}, ${input.role}, ${learnerId}, ${now()}, ${expiresAt}, ${input.maxUses})`);
    return c.json({ id, code, expiresAt }, 201);
  });

  app.delete('/v1/orgs/:orgId/invites/:id', async (c) => {
    const learnerId = await liveLearner(db, c);
    const orgId = uuidParam(c, 'orgId', 'organisation');
    const id = uuidParam(c, 'id', 'invite');
    const role = await orgRole(db.query, orgId, learnerId);
    const revoked = await db.query(sql`update invites set revoked_at = ${now()} where id = ${id} and org_id = ${orgId}
      and (${role === 'owner'} or created_by = ${learnerId}) returning id`);
    if (revoked.length === 0) throw new ApiError(404, 'not_found', 'No invite of yours has this id.');
    return c.json({ revoked: true });
  });

  app.post('/v1/invites/accept', async (c) => {
    const learnerId = await liveLearner(db, c);
    const input = await body(c, joinInviteRequest);
    await deps.guard(`invite:${learnerId}`);
    await deps.guard(`invite:ip:${deps.address(c)}`);
    return c.json(await db.transaction((q) => accept(q, input.code, learnerId, now(), input.onBoard)));
  });

  cohortRoutes(app, db, now);
}
