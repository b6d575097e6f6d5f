// Everything the server holds about a learner: exported as one JSON document, or deleted.
import type { Hono } from 'hono';
import { sql, type Database } from './db/database';
import { ApiError } from './api-error';
import { setVisibility } from './ingest';
import { body, liveLearner, type Env } from './route-kit';
import { deleteAccountRequest } from '../common/sync-api/account-schemas';

type Q = <T = Record<string, unknown>>(query: ReturnType<typeof sql>) => Promise<T[]>;

/** Each table that holds a learner's rows, and the column naming them. */
const owned = [
  ['learners', 'id'],
  ['accounts', 'learner_id'],
  ['sessions', 'learner_id'],
  ['events', 'learner_id'],
  ['refused_events', 'learner_id'],
  ['daily_xp', 'learner_id'],
  ['course_progress', 'learner_id'],
  ['scores', 'learner_id'],
  ['league_members', 'learner_id'],
  ['certificates', 'learner_id'],
  ['org_members', 'learner_id'],
  ['cohort_members', 'learner_id'],
  ['invites', 'created_by'],
  ['exam_attempts', 'learner_id'],
  ['project_submissions', 'learner_id'],
] as const;

export async function exportAccount(db: Database, learnerId: string): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [table, column] of owned) {
    // The password hash is a secret of the server's, not data about the learner.
    // So is an attempt's seed, which would tell the questions still to come.
    const columns =
      table === 'accounts'
        ? sql.raw('learner_id, email, created_at')
        : table === 'exam_attempts'
          ? sql.raw('id, course_id, status, sections, first_attempt, overall, started_at, finished_at')
          : // The reviewer's account id is another person's; their name is what the learner sees.
            table === 'project_submissions'
            ? sql.raw('id, course_id, submission, status, submitted_at, review, overall, exceptional, reviewed_by, reviewed_at')
            : sql.raw('*');
    out[table] = await db.query(sql`select ${columns} from ${sql.identifier(table)} where ${sql.identifier(column)} = ${learnerId}`);
  }
  return out;
}

/** Organisations only this learner owns: deleted with them when they are alone, else a refusal. */
async function releaseOrganisations(q: Q, learnerId: string): Promise<void> {
  const sole = await q<{ org_id: string; others: number }>(sql`select m.org_id,
      (select count(*)::int from org_members o where o.org_id = m.org_id and o.learner_id <> ${learnerId}) as others
    from org_members m where m.learner_id = ${learnerId} and m.role = 'owner'
      and not exists (select 1 from org_members o where o.org_id = m.org_id and o.role = 'owner' and o.learner_id <> ${learnerId})`);
  const blocking = sole.filter((org) => org.others > 0);
  if (blocking.length > 0)
    throw new ApiError(409, 'sole_owner', 'You are the only owner of an organisation with other members; make another member an owner first.', {
      organisations: blocking.map((org) => org.org_id),
    });
  for (const { org_id: orgId } of sole) {
    await q(sql`delete from assignments where cohort_id in (select id from cohorts where org_id = ${orgId})`);
    await q(sql`delete from cohort_members where cohort_id in (select id from cohorts where org_id = ${orgId})`);
    await q(sql`delete from cohorts where org_id = ${orgId}`);
    await q(sql`delete from invites where org_id = ${orgId}`);
    await q(sql`delete from organisations where id = ${orgId}`);
  }
}

export async function deleteAccount(db: Database, learnerId: string): Promise<void> {
  await db.transaction(async (q) => {
    await q(sql`select id from learners where id = ${learnerId} for update`);
    await releaseOrganisations(q, learnerId);
    // Keep the boards' per-score counts and the leagues' sizes true without this learner.
    await setVisibility(q, learnerId, false);
    await q(sql`update leagues set size = size - 1 where id in (select league_id from league_members where learner_id = ${learnerId})`);
    await q(sql`delete from refresh_tokens where learner_id = ${learnerId}`);
    await q(sql`delete from link_codes where learner_id = ${learnerId}`);
    await q(sql`delete from exam_answers where attempt_id in (select id from exam_attempts where learner_id = ${learnerId})`);
    for (const [table, column] of owned) await q(sql`delete from ${sql.identifier(table)} where ${sql.identifier(column)} = ${learnerId}`);
  });
}

export function accountDataRoutes(app: Hono<Env>, db: Database): void {
  app.get('/v1/account/export', async (c) => {
    const learnerId = await liveLearner(db, c);
    c.header('content-disposition', 'attachment; filename="dronacharya-account.json"');
    return c.json({ learnerId, exportedAt: new Date().toISOString(), ...(await exportAccount(db, learnerId)) });
  });
  app.delete('/v1/account', async (c) => {
    const learnerId = await liveLearner(db, c);
    await body(c, deleteAccountRequest);
    await deleteAccount(db, learnerId);
    return c.json({ deleted: true });
  });
}
