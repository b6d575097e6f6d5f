// Test support: the API on an engine with the exam course registered by the admin, for the tests
// of what the server reviews (Silver exams, Gold projects).
import { expect } from 'vitest';
import { defaultPlausibility } from '../../common/rules/plausibility';
import { openTestApi, type Engine, type TestApi } from './api-harness';
import { examCourse } from './exam-fixture';

export const ADMIN = 'admin-secret-token';

export async function openExamCourseApi(engine: Engine, now: () => number): Promise<TestApi> {
  const t = await openTestApi(engine, { adminToken: ADMIN, now, plausibility: defaultPlausibility });
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
