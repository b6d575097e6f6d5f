// One page of a cohort's table in one query: the cohort's learners with their course_progress
// rows (two per learner of a cohort with two courses, each by its primary key), the figures the
// order needs (rules.ts, restated in SQL: progress percent, struggle against the cohort's median
// pace, at risk), sorted and cut to the page in SQL, with the cohort's totals and the week's
// summary beside it. Only the page's rows leave the database (reading all 1,000 learners of a
// cohort on every page was the dashboard's time at 1M learners). table-query.test.ts checks it
// against rules.ts on generated cohorts.
import { sql } from '../db/database';
import type { Q } from '../org-access';
import { dayMs, idleDaysAtRisk, struggleAtRisk } from './rules';
import type { TableView } from './paging';

export interface TableCourse {
  readonly courseId: string;
  /** Lessons in the registered outline, null when unknown. */
  readonly total: number | null;
  readonly dueAt: number | null;
}

/** A learner's figures in one course, as kept on ingest (zeros and nulls where nothing happened). */
export interface RawCell {
  readonly done: number;
  readonly hints: number;
  readonly active: number;
  readonly firstAt: number | null;
  readonly lastAt: number | null;
}

export interface TablePage {
  readonly rows: readonly { learnerId: string; displayName: string; cells: readonly RawCell[] }[];
  /** Per course, the cohort's median active seconds per lesson (null: no one has done a lesson). */
  readonly pace: readonly (number | null)[];
  readonly learners: number;
  readonly atRisk: number;
  readonly page: number;
  readonly pages: number;
  readonly week: { activeLearners: number; lessonsDone: number; xp: number; hints: number };
}

/** The learners' order: a key (or the name), then the name and id. */
function orderOf(view: Pick<TableView, 'sort' | 'dir'>) {
  const dir = sql.raw(view.dir === 'desc' ? 'desc' : 'asc');
  const byName = (d: typeof dir) => sql`display_name collate "C" ${d}, learner_id collate "C" ${d}`;
  if (view.sort === 'name') return byName(dir);
  const course = /^course-(\d+)$/.exec(view.sort);
  const key =
    view.sort === 'last-active'
      ? sql`last_active`
      : view.sort === 'at-risk'
        ? sql`risk_key`
        : course
          ? sql`coalesce(percents[${Number(course[1]) + 1}::int], -1)`
          : sql`0`;
  return sql`${key} ${dir}, ${byName(sql.raw('asc'))}`;
}

const members = (cohortId: string) => sql`select learner_id, display_name from (select m.learner_id,
    (select l.display_name from learners l where l.id = m.learner_id) as display_name
  from cohort_members m where m.cohort_id = ${cohortId} and m.role = 'learner' offset 0) s where display_name is not null`;

/**
 * The view's page of the cohort's table (`size` rows; a page past the end is the last one), or
 * every row by name when `view` is null (the CSV export).
 */
export async function cohortTablePage(
  q: Q,
  cohortId: string,
  courses: readonly TableCourse[],
  view: TableView | null,
  now: number,
  weekStart: number,
  size: number,
): Promise<TablePage> {
  const empty = { rows: [], pace: [], atRisk: 0, page: 1, pages: 1, week: { activeLearners: 0, lessonsDone: 0, xp: 0, hints: 0 } };
  if (courses.length === 0) {
    const [row] = await q<{ n: number }>(sql`select count(*)::int as n from (${members(cohortId)}) m`);
    return { ...empty, learners: row?.n ?? 0 };
  }
  const values = sql.join(
    courses.map((c, i) => sql`(${i}::int, ${c.courseId}::text, ${c.total}::int, ${c.dueAt}::bigint)`),
    sql`, `,
  );
  const idle = idleDaysAtRisk * dayMs;
  const page = view
    ? sql`where rn > (least(greatest(1, ${view.page}::int), pages) - 1) * ${size}::int and rn <= least(greatest(1, ${view.page}::int), pages) * ${size}::int`
    : sql``;
  const rows = await q<{
    learner_id: string;
    display_name: string;
    cells: RawCell[];
    pace: (number | null)[];
    n: number;
    at_risk_n: number;
    pages: number;
    week_active_n: number;
    week_done: number;
    week_xp: number;
    week_hints: number;
  }>(sql`with c (ord, course_id, total, due_at) as (values ${values}),
    m as (${members(cohortId)}),
    p as (select m.learner_id, m.display_name, c.ord, c.total, c.due_at, coalesce(a.done, 0) as done, coalesce(a.hints, 0) as hints,
        coalesce(a.active_seconds, 0) as active, a.first_at, a.last_at, coalesce(a.week_start = ${weekStart}::bigint, false) as week_active,
        case when a.week_start = ${weekStart}::bigint then a.week_done else 0 end as week_done,
        case when a.week_start = ${weekStart}::bigint then a.week_xp else 0 end as week_xp,
        case when a.week_start = ${weekStart}::bigint then a.week_hints else 0 end as week_hints
      from m cross join c left join lateral (select * from course_progress p where p.learner_id = m.learner_id and p.course_id = c.course_id offset 0) a on true),
    paced as (select ord, active::float8 / done as v, row_number() over (partition by ord order by active::float8 / done) as i, count(*) over (partition by ord) as k
      from p where done > 0),
    pace as (select ord, (min(v) + max(v)) / 2 as pace from paced where i in ((k + 1) / 2, (k + 2) / 2) group by ord),
    f as (select p.*, x.pace,
        floor(50 * least(1, p.hints::float8 / greatest(1, p.done) / 2)
          + 50 * (case when p.done = 0 or x.pace is null or x.pace <= 0 then 0 else least(1, greatest(0, p.active::float8 / p.done / x.pace - 1) / 2) end) + 0.5) as struggle,
        p.total is not null and p.done >= p.total as complete,
        case when p.total is null or p.first_at is null or p.done = 0 or p.done >= p.total then null
          else floor(${now}::float8 + ((p.total - p.done)::float8 / (p.done::float8 / greatest(1, (${now}::bigint - p.first_at)::float8 / ${dayMs}))) * ${dayMs} + 0.5) end as predicted
      from p left join pace x on x.ord = p.ord),
    r as (select f.*,
        case when complete then false
          when due_at is not null and ${now}::bigint > due_at then true
          when due_at is not null and (case when predicted is null then due_at - ${now}::bigint < ${idle} else predicted > due_at end) then true
          when last_at is null then due_at is not null
          when ${now}::bigint - last_at > ${idle} then true
          else struggle >= ${struggleAtRisk} end as risky,
        case when total is null or total = 0 then 0 else least(100, floor((done::float8 / total) * 100)) end as percent
      from f),
    l as (select learner_id, display_name, bool_or(risky) as at_risk, coalesce(max(last_at), -1) as last_active,
        (case when bool_or(risky) then 1000 else 0 end) + greatest(0, max(struggle)) as risk_key, array_agg(percent order by ord) as percents,
        json_agg(json_build_object('done', done, 'hints', hints, 'active', active, 'firstAt', first_at, 'lastAt', last_at) order by ord) as cells,
        bool_or(week_active) as week_active, sum(week_done) as week_done, sum(week_xp) as week_xp, sum(week_hints) as week_hints
      from r group by learner_id, display_name),
    o as (select learner_id, display_name, cells, row_number() over (order by ${orderOf(view ?? { sort: 'name', dir: 'asc' })}) as rn,
        count(*) over () as n, greatest(1, ceil(count(*) over () / ${size}::float8))::int as pages, count(*) filter (where at_risk) over () as at_risk_n,
        count(*) filter (where week_active) over () as week_active_n, sum(week_done) over () as week_done, sum(week_xp) over () as week_xp,
        sum(week_hints) over () as week_hints
      from l)
    select learner_id, display_name, cells, (select json_agg(x.pace order by c.ord) from c left join pace x on x.ord = c.ord) as pace,
      n::int, at_risk_n::int, pages, week_active_n::int, week_done::int, week_xp::int, week_hints::int
    from o ${page} order by rn`);
  const [first] = rows;
  if (!first) return { ...empty, pace: courses.map(() => null), learners: 0 };
  return {
    rows: rows.map((r) => ({
      learnerId: r.learner_id,
      displayName: r.display_name,
      cells: r.cells.map((c) => ({ ...c, firstAt: c.firstAt === null ? null : Number(c.firstAt), lastAt: c.lastAt === null ? null : Number(c.lastAt) })),
    })),
    pace: first.pace,
    learners: first.n,
    atRisk: first.at_risk_n,
    page: view ? Math.min(Math.max(1, view.page), first.pages) : 1,
    pages: view ? first.pages : 1,
    week: { activeLearners: first.week_active_n, lessonsDone: first.week_done, xp: first.week_xp, hints: first.week_hints },
  };
}
