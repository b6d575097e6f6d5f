// The instructor dashboard's specs (Chromium through Playwright, Firefox through WebDriver BiDi)
// start from the same place: the hosted API on loopback with an organisation set up through its
// API as the app would (owner, instructor, cohort, assignment, invite, a learner who joins).
import { expect } from '@playwright/test';
import path from 'node:path';
import { readCourseRegistration } from '../../../main/courses/course-registration';
import { repoRoot } from './serve';

/** The instructor's sign-in, as the seeded organisation has it. */
export const INSTRUCTOR = { email: 'iris@bootcamp.test', password: 'teach them well', name: 'Iris Instructor' } as const;

/** The hosted API as a scripted client: JSON calls that must succeed, and people with accounts. */
export function apiOf(url: string) {
  const call = async (method: string, route: string, token?: string, body?: unknown) => {
    const res = await fetch(`${url}${route}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await res.json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- API replies read field by field
    expect(res.ok, `${method} ${route}: ${JSON.stringify(json)}`).toBe(true);
    return json;
  };
  const person = async (displayName: string, email?: string) => {
    const who = await call('POST', '/v1/learners', undefined, { displayName, timezone: 'UTC' });
    if (email) await call('POST', '/v1/account/credentials', who.accessToken, { email, password: INSTRUCTOR.password });
    return who.accessToken as string;
  };
  return { call, person };
}

/**
 * "Loopback Bootcamp": its owner, the instructor (INSTRUCTOR), their "Spring cohort" assigned
 * python-basics (due in three weeks unless `dueAt` says otherwise) and Asha, who joined it by
 * invite and, when `lessonsDone` is given, completed that many of its first lessons three hours ago.
 */
export async function seedCohort(url: string, options: { lessonsDone?: number; dueAt?: number | null } = {}) {
  const { call, person } = apiOf(url);
  const course = await readCourseRegistration(path.join(repoRoot, 'courses', 'python-basics'));
  const lessons = course.modules.flatMap((m) => m.lessons);
  const owner = await person('Owner', 'owner@bootcamp.test');
  const org = await call('POST', '/v1/orgs', owner, { name: 'Loopback Bootcamp' });
  const instructor = await person(INSTRUCTOR.name, INSTRUCTOR.email);
  await call('POST', '/v1/invites/accept', instructor, { code: (await call('POST', `/v1/orgs/${org.id}/invites`, owner, { role: 'instructor' })).code });
  const cohort = await call('POST', `/v1/orgs/${org.id}/cohorts`, instructor, { name: 'Spring cohort' });
  const dueAt = options.dueAt === undefined ? Date.now() + 21 * 86_400_000 : options.dueAt;
  await call('POST', `/v1/cohorts/${cohort.id}/assignments`, instructor, { courseId: course.id, dueAt });
  const invite = await call('POST', `/v1/orgs/${org.id}/invites`, instructor, { role: 'learner', cohortId: cohort.id, maxUses: 2 });
  const learner = await person('Asha');
  await call('POST', '/v1/invites/accept', learner, { code: invite.code });
  const done = lessons.slice(0, options.lessonsDone ?? 0);
  const at = Date.now() - 3 * 3600_000;
  if (done.length)
    await call('POST', '/v1/events', learner, {
      events: done.map((lesson, i) => ({
        idempotencyKey: `e2e-${lesson.id}`,
        kind: lesson.type === 'quiz' ? 'quiz-passed' : 'lesson-completed',
        courseId: course.id,
        lessonId: lesson.id,
        occurredAt: at + i * 600_000,
        activeSeconds: 300,
        timezone: 'UTC',
        facts: { score: 90 },
      })),
    });
  return { call, course, lessons, org, cohort: cohort as { id: string; name: string }, learner };
}

/** Asha submits her python-basics Gold project ("Expense tracker") for the instructor to review. */
export async function submitGoldProject(call: ReturnType<typeof apiOf>['call'], learner: string): Promise<string> {
  const submitted = await call('POST', '/v1/projects/python-basics/submissions', learner, {
    title: 'Expense tracker',
    goal: 'Total expenses per category.',
    milestones: ['Totals', 'Tests'],
    readme: '# Expense tracker\n\nRun `pytest`.\n',
    files: [{ path: 'tracker.py', content: 'def totals(rows):\n    return {}\n' }],
    automated: { testsPassed: true, testCount: 2, lintClean: true, readme: true },
  });
  return submitted.submissionId as string;
}
