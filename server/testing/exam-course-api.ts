// Test support: the API on an engine with the exam course registered by the admin, for the tests
// of what the server reviews (Silver exams, Gold projects).
import crypto from 'node:crypto';
import { expect } from 'vitest';
import { defaultPlausibility } from '../../common/rules/plausibility';
import { rubricCategories } from '../../common/rules/project-review';
import { sql } from '../db/database';
import { openTestApi, type Engine, type TestApi } from './api-harness';
import type { ApiConfig } from '../app';
import { examCourse } from './exam-fixture';

export const ADMIN = 'admin-secret-token';

export async function openExamCourseApi(engine: Engine, now: () => number, config: Partial<Omit<ApiConfig, 'db' | 'keys'>> = {}): Promise<TestApi> {
  const t = await openTestApi(engine, { adminToken: ADMIN, now, plausibility: defaultPlausibility, ...config });
  expect((await t.request('PUT', `/v1/admin/courses/${examCourse.id}`, { token: ADMIN, body: examCourse })).status).toBe(201);
  return t;
}

/** An event of the exam course, as the app sends it. */
const courseEvent = (idempotencyKey: string, kind: string, lessonId: string | null, at: number, facts: Record<string, unknown>) => ({
  idempotencyKey,
  kind,
  courseId: examCourse.id,
  lessonId,
  occurredAt: at,
  timezone: 'UTC',
  facts,
});

/** Bronze for the exam course: its one lesson, completed at `at` after five minutes' work. */
export const bronzeLesson = (idempotencyKey: string, at: number) => ({
  ...courseEvent(idempotencyKey, 'lesson-completed', 'hello', at, {}),
  activeSeconds: 300,
});

/** The XP event of a certificate of the exam course, as the app sends it once the certificate is issued. */
export const certificateEarned = (idempotencyKey: string, at: number, facts: Record<string, unknown>) =>
  courseEvent(idempotencyKey, 'certificate-earned', null, at, facts);

/** Silver for the exam course, as this server would have graded it: a passed first attempt finished at `at`. */
export async function passSilver(t: TestApi, learnerId: string, at: number): Promise<void> {
  const [{ digest }] = (await t.db.query<{ digest: string }>(sql`select digest from courses where id = ${examCourse.id}`)) as [{ digest: string }];
  await t.db
    .query(sql`insert into exam_attempts (id, learner_id, course_id, course_digest, seed, status, section, section_started_at, first_attempt, overall, started_at, finished_at)
    values (${crypto.randomUUID()}, ${learnerId}, ${examCourse.id}, ${digest}, 'seed', 'passed', 4, ${at}, true, 90, ${at - 60_000}, ${at})`);
}

/** A Gold project as the app submits it, its checks holding. */
export const projectSubmission = {
  title: 'Notes CLI',
  goal: 'Keep notes from the terminal.',
  milestones: ['Add notes', 'Search notes'],
  demoUrl: 'https://example.org/notes',
  readme: '# Notes CLI\nRun it with python notes.py',
  files: [{ path: 'notes.py', content: 'print("notes")\n' }],
  automated: { testsPassed: true, testCount: 12, lintClean: true, readme: true },
};

/** Every rubric category scored `score`, with a reason. */
export const rubric = (score: number) => Object.fromEntries(rubricCategories.map((category) => [category, { score, reasons: [`Scored ${score}.`] }]));
