// A cohort's activity in its assigned courses, per learner and course: the one query behind the
// cohort table and the week's summary. It reads course_progress, kept on ingest (two rows per
// learner of a cohort with two courses), per member by its primary key in a lateral subquery
// (`offset 0` keeps it from being flattened into a join, planned as a scan of every learner's
// rows: 260 ms at 100,000 learners); aggregating the events instead took 130 ms at 1M learners.
import type { SQL } from 'drizzle-orm';
import { finishingKinds } from '../course-progress';
import { sql } from '../db/database';
import type { Q } from '../org-access';

export const inList = (values: readonly string[]): SQL =>
  sql`(${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;

/** The kinds that finish a lesson, as an SQL list. */
export const finishing = inList(finishingKinds);

export interface ActivityRow {
  readonly learner_id: string;
  readonly course_id: string;
  /** Distinct lessons finished. */
  readonly done: number;
  readonly hints: number;
  readonly active: number;
  readonly first_at: number;
  readonly last_at: number;
  /** This week's (the ISO week from Monday 00:00 UTC) lessons finished, XP and hints. */
  readonly week_done: number;
  readonly week_xp: number;
  readonly week_hints: number;
  readonly week_active: boolean;
}

/** The figures of every (learner, course) with events: learners of the cohort, courses given, the week starting at `weekStart`. */
export async function cohortActivity(q: Q, cohortId: string, courseIds: readonly string[], weekStart: number): Promise<ActivityRow[]> {
  if (courseIds.length === 0) return [];
  const thisWeek = sql`p.week_start = ${weekStart}`;
  const rows = await q<ActivityRow>(sql`select m.learner_id, a.* from cohort_members m cross join lateral (
      select p.course_id, p.done, p.hints, p.active_seconds as active, p.first_at, p.last_at,
        case when ${thisWeek} then p.week_done else 0 end as week_done, case when ${thisWeek} then p.week_xp else 0 end as week_xp,
        case when ${thisWeek} then p.week_hints else 0 end as week_hints, ${thisWeek} as week_active
      from course_progress p where p.learner_id = m.learner_id and p.course_id in ${inList(courseIds)} offset 0) a
    where m.cohort_id = ${cohortId} and m.role = 'learner'`);
  return rows.map((r) => ({ ...r, first_at: Number(r.first_at), last_at: Number(r.last_at) }));
}

/**
 * The cohort's learners by name. Each member's name by its primary key: a join was planned as a
 * hash join over every learner (a sequential scan of 100,000 of them, 77 ms, for a cohort of
 * 1,000); a scalar subquery is not (10 ms; `offset 0` keeps it from being pulled up and looked up twice).
 */
export const cohortLearners = (q: Q, cohortId: string) =>
  q<{ learner_id: string; display_name: string }>(sql`select learner_id, display_name from (select m.learner_id,
      (select l.display_name from learners l where l.id = m.learner_id) as display_name
    from cohort_members m where m.cohort_id = ${cohortId} and m.role = 'learner' offset 0) s where display_name is not null order by display_name, learner_id`);
