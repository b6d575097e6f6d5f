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

/* eslint-disable @typescript-eslint/no-explicit-any -- the exam helpers read JSON response bodies field by field. */
/** The shown index of the right (or a wrong) option. */
export const pickOption = (question: any, right: boolean) => question.options.findIndex((text: string) => text.startsWith(right ? 'right-' : 'wrong-'));

/** Takes an attempt's sections: `right` answers every choice well (or badly); challenges and design are always answered. */
export async function takeExam(t: TestApi, token: string, id: string, right: boolean): Promise<any> {
  const section = (kind: string, body: unknown) => t.request('POST', `/v1/exams/attempts/${id}/sections/${kind}`, { token, body });
  let view: any;
  for (let i = 0; i < 3; i++) {
    view = (await t.request('GET', `/v1/exams/attempts/${id}`, { token })).json;
    const [q] = view.questions;
    view = (await section('conceptual', { itemId: q.itemId, selected: pickOption(q, right) })).json;
  }
  view = (await section('codeAnalysis', { answers: view.questions.map((q: any) => ({ itemId: q.itemId, selected: pickOption(q, right) })) })).json;
  const files = [{ path: 'main.py', content: 'def add(a, b):\n    return a + b\n' }];
  view = (await section('challenges', { answers: view.questions.map((q: any) => ({ itemId: q.itemId, files })) })).json;
  return (await section('design', { itemId: view.questions[0].itemId, text: 'A list of items in a table.' })).json;
}

/** A person's scores for an attempt's three challenges and its design answer (no reviewer: the admin's request adds one). */
export const examReview = (score: number) => ({
  challenges: [1, 2, 3].map((d) => ({ itemId: `ch-${d}`, score, reasons: 'Tests pass; clear names.' })),
  design: { score, reasons: 'Covers storage.' },
});
