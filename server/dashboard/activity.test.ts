// The cohort's activity as kept on ingest (course_progress, folded in batch by batch, in any
// order of arrival) gives exactly what the straightforward join over the cohort's events gives,
// on any generated cohort: members of other cohorts, instructors, other courses, repeated
// lessons, events synced late, the week's edge.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWhen } from '../../common/testing/capabilities';
import { sql, type Database } from '../db/database';
import { openTestApi, testDatabaseUrl, type Engine, type TestApi } from '../testing/api-harness';
import { rebuildProgress, recordProgress, weekStartOf } from '../course-progress';
import { finishing, inList } from './activity';

interface ActivityRow {
  readonly learner_id: string;
  readonly course_id: string;
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

/** The cohort's rows of course_progress, as the dashboard reads them (table-query.ts). */
async function cohortActivity(q: Database['query'], cohortId: string, courses: readonly string[], weekStart: number): Promise<ActivityRow[]> {
  if (courses.length === 0) return [];
  const thisWeek = sql`p.week_start = ${weekStart}`;
  const rows = await q<ActivityRow>(sql`select p.learner_id, p.course_id, p.done, p.hints, p.active_seconds as active, p.first_at, p.last_at,
      case when ${thisWeek} then p.week_done else 0 end as week_done, case when ${thisWeek} then p.week_xp else 0 end as week_xp,
      case when ${thisWeek} then p.week_hints else 0 end as week_hints, ${thisWeek} as week_active
    from cohort_members m join course_progress p on p.learner_id = m.learner_id and p.course_id in ${inList(courses)}
    where m.cohort_id = ${cohortId} and m.role = 'learner'`);
  return rows.map((r) => ({ ...r, first_at: Number(r.first_at), last_at: Number(r.last_at) }));
}

const cohort = 'cohort-a';
const now = Date.UTC(2026, 11, 6);
const weekStart = weekStartOf(now);
const kinds = ['lesson-completed', 'quiz-passed', 'challenge-completed', 'hint-revealed', 'check-passed', 'lesson-started'];
const courseIds = ['c1', 'c2', 'c3'];

/** The query as written first: one join of the cohort's members with their events. */
async function straightforward(db: Database, courses: readonly string[]): Promise<ActivityRow[]> {
  if (courses.length === 0) return [];
  const rows = await db.query<ActivityRow>(sql`select e.learner_id, e.course_id,
      count(distinct e.lesson_id) filter (where e.kind in ${finishing})::int as done,
      count(*) filter (where e.kind = 'hint-revealed')::int as hints,
      coalesce(sum(e.active_seconds), 0)::int as active,
      min(e.occurred_at) as first_at, max(e.occurred_at) as last_at,
      count(*) filter (where e.kind in ${finishing} and e.occurred_at >= ${weekStart})::int as week_done,
      coalesce(sum(e.xp) filter (where e.occurred_at >= ${weekStart}), 0)::int as week_xp,
      count(*) filter (where e.kind = 'hint-revealed' and e.occurred_at >= ${weekStart})::int as week_hints,
      bool_or(e.occurred_at >= ${weekStart}) as week_active
    from cohort_members m join events e on e.learner_id = m.learner_id and e.course_id in ${inList(courses)}
    where m.cohort_id = ${cohort} and m.role = 'learner'
    group by e.learner_id, e.course_id`);
  return rows.map((r) => ({ ...r, first_at: Number(r.first_at), last_at: Number(r.last_at) }));
}

const byKey = (rows: readonly ActivityRow[]) => [...rows].sort((a, b) => `${a.learner_id}/${a.course_id}`.localeCompare(`${b.learner_id}/${b.course_id}`));

const member = fc.record({
  learner: fc.integer({ min: 1, max: 9 }),
  cohort: fc.constantFrom(cohort, 'cohort-b'),
  role: fc.constantFrom('learner', 'learner', 'instructor'),
});
const event = fc.record({
  learner: fc.integer({ min: 1, max: 9 }),
  kind: fc.constantFrom(...kinds),
  course: fc.option(fc.constantFrom(...courseIds), { nil: null }),
  lesson: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
  // Around the week's edge, the edge itself included, and never after now.
  at: fc.oneof(fc.constant(weekStart), fc.constant(weekStart - 1), fc.integer({ min: weekStart - 10 * 86_400_000, max: now })),
  active: fc.option(fc.integer({ min: 0, max: 3600 }), { nil: null }),
  xp: fc.integer({ min: 0, max: 300 }),
});
const scenario = fc.record({
  members: fc.uniqueArray(member, { selector: (m) => `${m.cohort}/${m.learner}`, maxLength: 10 }),
  events: fc.array(event, { maxLength: 40 }),
  // Where the events are cut into batches, each batch a learner's.
  cuts: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
  courses: fc.subarray(courseIds),
  // Learners l1…l8 (l9 has none): names drawn from few, so some are shared.
  names: fc.array(fc.constantFrom('Asha', 'Ravi', 'Zoe'), { minLength: 8, maxLength: 8 }),
});

function suite(engine: Engine) {
  let t: TestApi;
  beforeAll(async () => {
    t = await openTestApi(engine);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('gives the straightforward join’s rows for any cohort and events', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async ({ members, events, cuts, courses, names }) => {
        run++;
        await t.db.query(sql`delete from events`);
        await t.db.query(sql`delete from course_progress`);
        await t.db.query(sql`delete from cohort_members`);
        await t.db.query(sql`delete from learners`);
        for (const [i, name] of names.entries())
          await t.db.query(sql`insert into learners (id, display_name, timezone, opted_in, created_at) values (${`l${i + 1}`}, ${name}, 'UTC', true, 0)`);
        for (const m of members) {
          await t.db.query(sql`insert into cohort_members (cohort_id, learner_id, role, joined_at) values (${m.cohort}, ${`l${m.learner}`}, ${m.role}, 0)`);
        }
        // Batches as ingestion makes them: one learner's events, folded in before they are stored.
        let batch: { e: (typeof events)[number]; i: number }[] = [];
        const flush = async () => {
          if (batch.length === 0) return;
          const learnerId = `l${batch[0]!.e.learner}`;
          await recordProgress(
            t.db.query,
            learnerId,
            batch.map(({ e }) => ({
              kind: e.kind,
              courseId: e.course,
              lessonId: e.lesson === null ? null : `lesson-${e.lesson}`,
              occurredAt: e.at,
              xp: e.xp,
              activeSeconds: e.active,
            })),
          );
          for (const { e, i } of batch) {
            await t.db
              .query(sql`insert into events (learner_id, idempotency_key, kind, course_id, lesson_id, occurred_at, local_date, week, xp, active_seconds, facts, received_at)
              values (${learnerId}, ${`k${run}-${i}`}, ${e.kind}, ${e.course}, ${e.lesson === null ? null : `lesson-${e.lesson}`}, ${e.at},
                '2026-12-01', '2026-W49', ${e.xp}, ${e.active}, '{}'::jsonb, 0)`);
          }
          batch = [];
        };
        for (const [i, e] of events.entries()) {
          if (batch.length > 0 && (cuts[i] || batch[0]!.e.learner !== e.learner)) await flush();
          batch.push({ e, i });
        }
        await flush();
        const fast = await cohortActivity(t.db.query, cohort, courses, weekStart);
        const expected = byKey(await straightforward(t.db, courses));
        expect(byKey(fast)).toEqual(expected);
        // Rebuilt from the events at once (as migration 0013 does), the rows are the same.
        await rebuildProgress(t.db.query, weekStart);
        expect(byKey(await cohortActivity(t.db.query, cohort, courses, weekStart))).toEqual(expected);
      }),
      { numRuns: engine === 'pglite' ? 40 : 25 },
    );
  }, 120_000);
}

describeWhen(true, 'PGlite', 'cohort activity fast path on PGlite', () => suite('pglite'));
describeWhen(Boolean(testDatabaseUrl), 'a PostgreSQL in DRONA_TEST_DATABASE_URL', 'cohort activity fast path on PostgreSQL', () => suite('postgresql'));
