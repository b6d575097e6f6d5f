// A cohort's activity in its assigned courses, per learner and course: the one query behind the
// cohort table and the week's summary. It runs per learner (a lateral aggregate over the covering
// index events_learner_course), so its cost follows the cohort's size, never the events table's:
// a join planned over all events chose a sequential scan of them (1.8 s at 2.5M events).
import type { SQL } from 'drizzle-orm';
import { sql } from '../db/database';
import type { Q } from '../org-access';

/** The kinds that finish a lesson (a quiz by passing it, a challenge by completing it). */
export const finishing = sql`('lesson-completed', 'quiz-passed', 'challenge-completed')`;

export const inList = (values: readonly string[]): SQL =>
  sql`(${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;

export interface ActivityRow {
  readonly learner_id: string;
  readonly course_id: string;
  /** Distinct lessons finished. */
  readonly done: number;
  readonly hints: number;
  readonly active: number;
  readonly first_at: number;
  readonly last_at: number;
  readonly week_done: number;
  readonly week_xp: number;
  readonly week_hints: number;
  readonly week_active: boolean;
}

/** The figures of every (learner, course) with events: learners of the cohort, courses given. */
export const activityColumns = (weekAgo: number) => sql`count(distinct e.lesson_id) filter (where e.kind in ${finishing})::int as done,
    count(*) filter (where e.kind = 'hint-revealed')::int as hints,
    coalesce(sum(e.active_seconds), 0)::int as active,
    min(e.occurred_at) as first_at, max(e.occurred_at) as last_at,
    count(*) filter (where e.kind in ${finishing} and e.occurred_at > ${weekAgo})::int as week_done,
    coalesce(sum(e.xp) filter (where e.occurred_at > ${weekAgo}), 0)::int as week_xp,
    count(*) filter (where e.kind = 'hint-revealed' and e.occurred_at > ${weekAgo})::int as week_hints,
    bool_or(e.occurred_at > ${weekAgo}) as week_active`;

export async function cohortActivity(q: Q, cohortId: string, courseIds: readonly string[], weekAgo: number): Promise<ActivityRow[]> {
  if (courseIds.length === 0) return [];
  // An aggregate in a lateral subquery is never flattened into a join over all events.
  const rows = await q<ActivityRow>(sql`select m.learner_id, a.* from cohort_members m cross join lateral (
      select e.course_id, ${activityColumns(weekAgo)}
      from events e where e.learner_id = m.learner_id and e.course_id in ${inList(courseIds)} group by e.course_id) a
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
