// One page of the cohort table from the database is the page the rules (rules.ts) give when
// every row is computed, sorted and cut in memory, on any generated cohort: shared names, a
// member with no learner row, members of other cohorts and instructors, courses with and without
// an outline or a due date, learners with no figures, every order and pages past the end.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { describeWhen } from '../../common/testing/capabilities';
import { sql } from '../db/database';
import { testDatabaseUrl, useTestApi, type Engine } from '../testing/api-harness';
import { weekStartOf } from '../course-progress';
import { cohortTablePage, type RawCell, type TableCourse } from './table-query';
import { dayMs, median, progressPercent, riskOf, struggleIndex, type CourseActivity } from './rules';
import type { TableView } from './paging';

const cohort = 'cohort-a';
const now = Date.UTC(2026, 11, 6, 15);
const weekStart = weekStartOf(now);
const courseIds = ['c1', 'c2', 'c3'];

interface Row {
  readonly learnerId: string;
  readonly displayName: string;
  readonly raw: readonly RawCell[];
  readonly lastActiveAt: number | null;
  readonly atRisk: boolean;
  readonly cells: readonly { percent: number; struggle: number }[];
}

/** The order as the rules state it: the key, ties (and the name order itself) by name, then id. */
function keyOf(row: Row, sort: string): number {
  if (sort === 'last-active') return row.lastActiveAt ?? -1;
  if (sort === 'at-risk') return (row.atRisk ? 1000 : 0) + Math.max(0, ...row.cells.map((c) => c.struggle));
  const course = /^course-(\d+)$/.exec(sort);
  return course ? (row.cells[Number(course[1])]?.percent ?? -1) : 0;
}
const byName = (a: Row, b: Row) =>
  a.displayName < b.displayName ? -1 : a.displayName > b.displayName ? 1 : a.learnerId < b.learnerId ? -1 : a.learnerId > b.learnerId ? 1 : 0;
function sortRows(rows: readonly Row[], view: Pick<TableView, 'sort' | 'dir'>): Row[] {
  const sign = view.dir === 'desc' ? -1 : 1;
  if (view.sort === 'name') return [...rows].sort((a, b) => sign * byName(a, b));
  return [...rows].sort((a, b) => sign * (keyOf(a, view.sort) - keyOf(b, view.sort)) || byName(a, b));
}

const progress = fc.record({
  learner: fc.integer({ min: 1, max: 9 }),
  course: fc.constantFrom(...courseIds),
  done: fc.integer({ min: 0, max: 7 }),
  hints: fc.integer({ min: 0, max: 9 }),
  active: fc.integer({ min: 0, max: 4000 }),
  // Last active up to 20 days ago, after up to 20 days of work.
  lastAgo: fc.integer({ min: 0, max: 20 * dayMs }),
  span: fc.integer({ min: 0, max: 20 * dayMs }),
  thisWeek: fc.boolean(),
  weekDone: fc.integer({ min: 0, max: 5 }),
  weekXp: fc.integer({ min: 0, max: 500 }),
  weekHints: fc.integer({ min: 0, max: 5 }),
});
const scenario = fc.record({
  members: fc.uniqueArray(
    fc.record({
      learner: fc.integer({ min: 1, max: 9 }),
      cohort: fc.constantFrom(cohort, 'cohort-b'),
      role: fc.constantFrom('learner', 'learner', 'instructor'),
    }),
    { selector: (m) => `${m.cohort}/${m.learner}`, maxLength: 10 },
  ),
  progress: fc.uniqueArray(progress, { selector: (p) => `${p.learner}/${p.course}`, maxLength: 20 }),
  courses: fc.subarray(courseIds, { minLength: 1 }).chain((ids) =>
    fc.tuple(
      ...ids.map((id) =>
        fc.record({
          courseId: fc.constant(id),
          total: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
          dueAt: fc.option(fc.integer({ min: now - 10 * dayMs, max: now + 60 * dayMs }), { nil: null, freq: 2 }),
        }),
      ),
    ),
  ),
  // Learners l1…l8 (l9 has none): names drawn from few, so some are shared.
  names: fc.array(fc.constantFrom('Asha', 'Ravi', 'Zoe', 'asha', 'Émile'), { minLength: 8, maxLength: 8 }),
  view: fc.record({
    sort: fc.constantFrom('name', 'last-active', 'at-risk', 'course-0', 'course-1', 'course-5'),
    dir: fc.constantFrom('asc' as const, 'desc' as const),
    page: fc.integer({ min: 1, max: 5 }),
  }),
  size: fc.integer({ min: 1, max: 4 }),
});

function suite(engine: Engine) {
  const t = useTestApi(engine, {}, 120_000);

  it('gives the page, totals and week the rules give over every row', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const db = t.db;
        for (const table of ['course_progress', 'cohort_members', 'learners']) await db.query(sql.raw(`delete from ${table}`));
        for (const [i, name] of s.names.entries())
          await db.query(sql`insert into learners (id, display_name, timezone, opted_in, created_at) values (${`l${i + 1}`}, ${name}, 'UTC', true, 0)`);
        for (const m of s.members)
          await db.query(sql`insert into cohort_members (cohort_id, learner_id, role, joined_at) values (${m.cohort}, ${`l${m.learner}`}, ${m.role}, 0)`);
        for (const p of s.progress)
          await db.query(sql`insert into course_progress (learner_id, course_id, done, hints, active_seconds, first_at, last_at, week_start, week_done, week_xp, week_hints)
            values (${`l${p.learner}`}, ${p.course}, ${p.done}, ${p.hints}, ${p.active}, ${now - p.lastAgo - p.span}, ${now - p.lastAgo}, ${p.thisWeek ? weekStart : weekStart - 7 * dayMs},
              ${p.weekDone}, ${p.weekXp}, ${p.weekHints})`);
        const courses: TableCourse[] = s.courses;
        const got = await cohortTablePage(db.query, cohort, courses, s.view, now, weekStart, s.size);

        // Every row, by the rules.
        const learners = s.members.filter((m) => m.cohort === cohort && m.role === 'learner' && m.learner <= 8);
        const rawOf = (learner: number, courseId: string): RawCell => {
          const p = s.progress.find((x) => x.learner === learner && x.course === courseId);
          return p
            ? { done: p.done, hints: p.hints, active: p.active, firstAt: now - p.lastAgo - p.span, lastAt: now - p.lastAgo }
            : { done: 0, hints: 0, active: 0, firstAt: null, lastAt: null };
        };
        const pace = courses.map((c) => {
          const perLesson = learners.map((m) => rawOf(m.learner, c.courseId)).filter((r) => r.done > 0);
          return median(perLesson.map((r) => r.active / r.done));
        });
        const rows: Row[] = learners.map((m) => {
          const raw = courses.map((c) => rawOf(m.learner, c.courseId));
          const cells = courses.map((c, i) => {
            const a: CourseActivity = { ...raw[i]!, activeSeconds: raw[i]!.active, total: c.total, dueAt: c.dueAt };
            const struggle = struggleIndex(a, pace[i]!);
            return { percent: progressPercent(a), struggle, risk: riskOf(a, struggle, now), lastAt: a.lastAt };
          });
          const times = cells.map((c) => c.lastAt).filter((at): at is number => at !== null);
          return {
            learnerId: `l${m.learner}`,
            displayName: s.names[m.learner - 1]!,
            raw,
            lastActiveAt: times.length ? Math.max(...times) : null,
            atRisk: cells.some((c) => c.risk !== null),
            cells,
          };
        });
        const pages = Math.max(1, Math.ceil(rows.length / s.size));
        const page = Math.min(s.view.page, pages);
        const expected = sortRows(rows, s.view).slice((page - 1) * s.size, page * s.size);
        expect(got.rows).toEqual(expected.map((r) => ({ learnerId: r.learnerId, displayName: r.displayName, cells: r.raw })));
        expect(got.learners).toBe(rows.length);
        expect(got.atRisk).toBe(rows.filter((r) => r.atRisk).length);
        if (rows.length > 0) {
          expect(got.pace).toEqual(pace);
          expect({ page: got.page, pages: got.pages }).toEqual({ page, pages });
        }
        const week = s.progress.filter((p) => p.thisWeek && learners.some((m) => m.learner === p.learner) && courses.some((c) => c.courseId === p.course));
        expect(got.week).toEqual({
          activeLearners: new Set(week.map((p) => p.learner)).size,
          lessonsDone: week.reduce((n, p) => n + p.weekDone, 0),
          xp: week.reduce((n, p) => n + p.weekXp, 0),
          hints: week.reduce((n, p) => n + p.weekHints, 0),
        });
        // Without a view: every row, by name.
        const all = await cohortTablePage(db.query, cohort, courses, null, now, weekStart, s.size);
        expect(all.rows.map((r) => r.learnerId)).toEqual(sortRows(rows, { sort: 'name', dir: 'asc' }).map((r) => r.learnerId));
      }),
      { numRuns: engine === 'pglite' ? 60 : 30 },
    );
  }, 180_000);
}

describeWhen(true, 'PGlite', 'cohort table page on PGlite', () => suite('pglite'));
describeWhen(Boolean(testDatabaseUrl), 'a PostgreSQL in DRONA_TEST_DATABASE_URL', 'cohort table page on PostgreSQL', () => suite('postgresql'));
