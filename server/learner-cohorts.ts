// The learner's side of cohorts: what an invite is for (read before consenting to join), the
// cohorts they are in, and a cohort's own leaderboard and weekly league, showing only members who
// chose to appear on that cohort's board (a choice only they can make, off until they do).
import type { Context, Hono } from 'hono';
import { sql, type Database } from './db/database';
import { ApiError } from './api-error';
import { codeHash } from './accounts';
import { body, liveLearner, uuidParam, type Env } from './route-kit';
import { cohortAccess } from './org-access';
import { acceptInviteRequest } from '../common/sync-api/account-schemas';
import { cohortBoardChoice, cohortBoards } from '../common/sync-api/cohort-schemas';
import { weekOf } from '../common/rules/calendar';

export interface LearnerCohortDeps {
  readonly db: Database;
  readonly now: () => number;
  /** Takes one attempt from a guessing-sensitive bucket (`key`), or throws 429. */
  readonly guard: (key: string) => Promise<void>;
  readonly address: (c: Context) => string;
}

/** Rows a cohort board returns: cohorts are classes, not the whole server. */
const boardLimit = 500;

export function learnerCohortRoutes(app: Hono<Env>, deps: LearnerCohortDeps): void {
  const { db, now } = deps;

  // Reading an invite takes from the same guard as accepting one: a preview is as good a guess.
  app.post('/v1/invites/preview', async (c) => {
    const learnerId = await liveLearner(db, c);
    const input = await body(c, acceptInviteRequest);
    await deps.guard(`invite:${learnerId}`);
    await deps.guard(`invite:ip:${deps.address(c)}`);
    const [invite] = await db.query<{ org_name: string; cohort_name: string | null; role: 'instructor' | 'learner'; expires_at: number }>(
      sql`select o.name as org_name, c.name as cohort_name, i.role, i.expires_at from invites i
        join organisations o on o.id = i.org_id left join cohorts c on c.id = i.cohort_id
        where i.code_hash = ${codeHash(input.code)} and i.revoked_at is null and i.expires_at > ${now()} and i.uses < i.max_uses`,
    );
    if (!invite) throw new ApiError(404, 'invalid_invite', 'This invite code is wrong, revoked, used up or expired; ask for a new one.');
    return c.json({ orgName: invite.org_name, cohortName: invite.cohort_name, role: invite.role, expiresAt: Number(invite.expires_at) });
  });

  app.get('/v1/me/cohorts', async (c) => {
    const learnerId = await liveLearner(db, c);
    const rows = await db.query<{
      id: string;
      org_id: string;
      org_name: string;
      name: string;
      role: 'instructor' | 'learner';
      joined_at: number;
      on_board: boolean;
    }>(
      sql`select c.id, c.org_id, o.name as org_name, c.name, m.role, m.joined_at, m.on_board from cohort_members m
        join cohorts c on c.id = m.cohort_id join organisations o on o.id = c.org_id
        join org_members om on om.org_id = c.org_id and om.learner_id = m.learner_id
        where m.learner_id = ${learnerId} order by m.joined_at`,
    );
    return c.json({
      cohorts: rows.map((r) => ({
        id: r.id,
        orgId: r.org_id,
        orgName: r.org_name,
        name: r.name,
        role: r.role,
        joinedAt: Number(r.joined_at),
        onBoard: r.on_board,
      })),
    });
  });

  // The learner's own choice to appear on a cohort's board: the row is the caller's, never another's.
  app.post('/v1/cohorts/:cohortId/board', async (c) => {
    const learnerId = await liveLearner(db, c);
    const id = uuidParam(c, 'cohortId', 'cohort');
    const input = await body(c, cohortBoardChoice);
    const updated = await db.query(sql`update cohort_members set on_board = ${input.onBoard}
      where cohort_id = ${id} and learner_id = ${learnerId} and role = 'learner' returning cohort_id`);
    if (updated.length === 0) throw new ApiError(404, 'not_found', 'You are not a learner in this cohort.');
    return c.json({ cohortId: id, onBoard: input.onBoard });
  });

  // The cohort's learners by this week's XP (its league) or all-time XP; the asker always sees
  // their own row, others only if they chose to appear on this cohort's board.
  app.get('/v1/cohorts/:cohortId/leaderboard', async (c) => {
    const learnerId = await liveLearner(db, c);
    const id = uuidParam(c, 'cohortId', 'cohort');
    const board = c.req.query('board') ?? 'week';
    if (!(cohortBoards as readonly string[]).includes(board)) throw new ApiError(400, 'invalid_input', `board must be one of: ${cohortBoards.join(', ')}.`);
    await cohortAccess(db.query, id, learnerId);
    const [me] = await db.query<{ timezone: string }>(sql`select timezone from learners where id = ${learnerId}`);
    const week = `week:${weekOf(now(), me!.timezone)}`;
    const score = board === 'all' ? sql`l.total_xp` : sql`coalesce((select s.score from scores s where s.board = ${week} and s.learner_id = l.id), 0)`;
    const rows = await db.query<{ learner_id: string; display_name: string; score: number; shown: boolean }>(
      sql`select l.id as learner_id, l.display_name, ${score}::int as score, (m.on_board or l.id = ${learnerId}) as shown
        from cohort_members m join learners l on l.id = m.learner_id
        where m.cohort_id = ${id} and m.role = 'learner' order by score desc, l.id asc limit ${boardLimit}`,
    );
    const shown = rows.filter((r) => r.shown);
    return c.json({
      cohortId: id,
      board,
      hidden: rows.length - shown.length,
      rows: shown.map((r, i) => ({ rank: i + 1, learnerId: r.learner_id, displayName: r.display_name, score: r.score, me: r.learner_id === learnerId })),
    });
  });
}
