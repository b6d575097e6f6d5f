// What the dashboard reads, limited to what a cohort's learners consented to share on joining:
// their activity in the courses assigned to the cohort, and those courses' certificates. Every
// reader takes the person asking and checks they manage the cohort (404 otherwise).
import { sql } from '../db/database';
import { ApiError } from '../api-error';
import { requireManager, type Q } from '../org-access';
import { weekStartOf } from '../course-progress';
import { finishing, inList } from './activity';
import { pageSize, type TableView } from './paging';
import { cohortTablePage } from './table-query';
import { predictedCompletion, progressPercent, riskOf, struggleIndex, type CourseActivity, type Risk } from './rules';

export interface ManagedCohort {
  readonly id: string;
  readonly name: string;
  readonly orgName: string;
  readonly learners: number;
}

/** Cohorts the person manages: every cohort of an organisation they own, and those they instruct. */
export async function managedCohorts(q: Q, personId: string): Promise<ManagedCohort[]> {
  const rows = await q<{ id: string; name: string; org_name: string; learners: number }>(sql`select c.id, c.name, o.name as org_name,
      (select count(*)::int from cohort_members where cohort_id = c.id and role = 'learner') as learners
    from cohorts c join organisations o on o.id = c.org_id
    join org_members om on om.org_id = c.org_id and om.learner_id = ${personId}
    where om.role = 'owner' or (om.role = 'instructor' and exists (select 1 from cohort_members cm
      where cm.cohort_id = c.id and cm.learner_id = ${personId} and cm.role = 'instructor'))
    order by o.name, c.created_at`);
  return rows.map((r) => ({ id: r.id, name: r.name, orgName: r.org_name, learners: r.learners }));
}

export interface AssignedCourse {
  readonly courseId: string;
  readonly title: string;
  readonly dueAt: number | null;
  /** Lesson ids and titles in outline order, empty when the course is not registered here. */
  readonly lessons: readonly { id: string; title: string }[];
}

async function assignedCourses(q: Q, cohortId: string): Promise<AssignedCourse[]> {
  const rows = await q<{
    course_id: string;
    due_at: number | null;
    title: string | null;
    outline: { modules: { lessons: { id: string; title: string }[] }[] } | null;
  }>(
    sql`select a.course_id, a.due_at, c.title, c.outline from assignments a left join courses c on c.id = a.course_id
      where a.cohort_id = ${cohortId} order by a.due_at nulls last, a.course_id`,
  );
  return rows.map((r) => ({
    courseId: r.course_id,
    title: r.title ?? r.course_id,
    dueAt: r.due_at === null ? null : Number(r.due_at),
    lessons: (r.outline?.modules ?? []).flatMap((m) => m.lessons.map((l) => ({ id: l.id, title: l.title }))),
  }));
}

const inCourses = (courses: readonly AssignedCourse[]) => inList(courses.map((c) => c.courseId));

export interface CohortCell extends CourseActivity {
  readonly courseId: string;
  readonly percent: number;
  readonly struggle: number;
  readonly predictedAt: number | null;
  readonly risk: Risk;
}
export interface CohortRow {
  readonly learnerId: string;
  readonly displayName: string;
  readonly lastActiveAt: number | null;
  readonly cells: readonly CohortCell[];
  readonly atRisk: boolean;
}
export interface CohortTable {
  readonly cohort: { id: string; name: string };
  readonly courses: readonly AssignedCourse[];
  /** The page's rows (every row, by name, without a view). */
  readonly rows: readonly CohortRow[];
  /** The whole cohort's learners and how many of them are at risk. */
  readonly learners: number;
  readonly atRisk: number;
  readonly page: number;
  readonly pages: number;
  readonly week: { activeLearners: number; lessonsDone: number; xp: number; hints: number };
}

/**
 * The cohort's table: one page of it in the view's order, or every row by name without a view
 * (the CSV export). The order, the page and the totals come from the database
 * (table-query.ts); the cells shown are the rules' (rules.ts) over the page's figures.
 */
export async function cohortTable(q: Q, personId: string, cohortId: string, now: number, view: TableView | null): Promise<CohortTable> {
  const access = await requireManager(q, cohortId, personId);
  const courses = await assignedCourses(q, cohortId);
  const shown = await cohortTablePage(
    q,
    cohortId,
    courses.map((c) => ({ courseId: c.courseId, total: c.lessons.length || null, dueAt: c.dueAt })),
    view,
    now,
    weekStartOf(now),
    pageSize,
  );
  const rows = shown.rows.map((l): CohortRow => {
    const cells = courses.map((c, i): CohortCell => {
      const raw = l.cells[i]!;
      const a: CourseActivity = {
        total: c.lessons.length || null,
        done: raw.done,
        hints: raw.hints,
        activeSeconds: raw.active,
        firstAt: raw.firstAt,
        lastAt: raw.lastAt,
        dueAt: c.dueAt,
      };
      const struggle = struggleIndex(a, shown.pace[i] ?? null);
      return { ...a, courseId: c.courseId, percent: progressPercent(a), struggle, predictedAt: predictedCompletion(a, now), risk: riskOf(a, struggle, now) };
    });
    const times = cells.map((cell) => cell.lastAt).filter((t): t is number => t !== null);
    return {
      learnerId: l.learnerId,
      displayName: l.displayName,
      lastActiveAt: times.length ? Math.max(...times) : null,
      cells,
      atRisk: cells.some((cell) => cell.risk !== null),
    };
  });
  return {
    cohort: { id: cohortId, name: access.name },
    courses,
    rows,
    learners: shown.learners,
    atRisk: shown.atRisk,
    page: shown.page,
    pages: shown.pages,
    week: shown.week,
  };
}

export interface LearnerDetail {
  readonly cohort: { id: string; name: string };
  readonly learner: { id: string; displayName: string };
  readonly courses: readonly (AssignedCourse & { done: ReadonlySet<string> })[];
  readonly attempts: readonly { kind: string; courseId: string; lessonId: string | null; at: number; xp: number; score: number | null }[];
  readonly certificates: readonly { id: string; courseId: string; tier: string; issuedAt: number; revoked: boolean }[];
}

/** One learner of the cohort: lessons done per assigned course, recent attempts, certificates. */
export async function learnerDetail(q: Q, personId: string, cohortId: string, learnerId: string): Promise<LearnerDetail> {
  const access = await requireManager(q, cohortId, personId);
  const [learner] = await q<{ display_name: string }>(sql`select l.display_name from cohort_members m join learners l on l.id = m.learner_id
    where m.cohort_id = ${cohortId} and m.learner_id = ${learnerId} and m.role = 'learner'`);
  if (!learner) throw new ApiError(404, 'not_found', 'No learner of this cohort has this id.');
  const courses = await assignedCourses(q, cohortId);
  const empty = { cohort: { id: cohortId, name: access.name }, learner: { id: learnerId, displayName: learner.display_name } };
  if (courses.length === 0) return { ...empty, courses: [], attempts: [], certificates: [] };
  const done = await q<{ course_id: string; lesson_id: string }>(sql`select distinct course_id, lesson_id from events
    where learner_id = ${learnerId} and course_id in ${inCourses(courses)} and kind in ${finishing} and lesson_id is not null`);
  const attempts = await q<{ kind: string; course_id: string; lesson_id: string | null; occurred_at: number; xp: number; score: unknown }>(sql`select kind,
      course_id, lesson_id, occurred_at, xp, facts->'score' as score from events
    where learner_id = ${learnerId} and course_id in ${inCourses(courses)} order by occurred_at desc limit 200`);
  const certificates = await q<{ id: string; course_id: string; tier: string; issued_at: number; revoked_at: number | null }>(sql`select id,
      course_id, tier, issued_at, revoked_at from certificates where learner_id = ${learnerId} and course_id in ${inCourses(courses)} order by issued_at`);
  return {
    ...empty,
    courses: courses.map((c) => ({ ...c, done: new Set(done.filter((d) => d.course_id === c.courseId).map((d) => d.lesson_id)) })),
    attempts: attempts.map((a) => ({
      kind: a.kind,
      courseId: a.course_id,
      lessonId: a.lesson_id,
      at: Number(a.occurred_at),
      xp: a.xp,
      score: typeof a.score === 'number' ? a.score : null,
    })),
    certificates: certificates.map((c) => ({ id: c.id, courseId: c.course_id, tier: c.tier, issuedAt: Number(c.issued_at), revoked: c.revoked_at !== null })),
  };
}
