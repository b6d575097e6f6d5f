// Test support for who may review what (Gold projects, Silver exams): people signed up through the
// API, and the organisations, cohorts and assignments the review rules are checked against.
import { expect } from 'vitest';
import { examCourse } from './exam-fixture';
import type { Engine, TestApi } from './api-harness';

export type Who = { learnerId: string; accessToken: string; email: string; name: string };

/** Clients of the API (made once `api` is open): `person` signs someone up, with an email and `password` for the dashboard. */
export function reviewClients(api: () => TestApi, engine: Engine, password: string) {
  let n = 0;
  const call = async (who: Who, method: string, path: string, body: unknown = undefined) => api().request(method, path, { token: who.accessToken, body });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read JSON response bodies field by field.
  const ok = async (who: Who, method: string, path: string, body: unknown = undefined): Promise<any> => {
    const res = await call(who, method, path, body);
    expect(res.status, `${method} ${path}: ${JSON.stringify(res.json)}`).toBeLessThan(300);
    return res.json;
  };
  const person = async (name: string): Promise<Who> => {
    const who = (await api().request('POST', '/v1/learners', { body: { displayName: name, timezone: 'UTC' } })).json;
    const email = `r${++n}-${engine}@example.test`;
    expect((await api().request('POST', '/v1/account/credentials', { token: who.accessToken, body: { email, password } })).status).toBe(200);
    return { ...who, email, name };
  };
  const join = async (owner: Who, orgId: string, who: Who, role: 'instructor' | 'learner', cohortId?: string) =>
    ok(who, 'POST', '/v1/invites/accept', { code: (await ok(owner, 'POST', `/v1/orgs/${orgId}/invites`, { role, ...(cohortId ? { cohortId } : {}) })).code });
  return { call, ok, person, join };
}

/**
 * Organisation A: an owner; instructor Ira teaching cohort A1 (the exam course assigned) with
 * learners Lea and Leo, and cohort A3 (no course assigned) with learner Lou; instructor Ian
 * teaching cohort A2 (assigned) where Ira is a learner. Organisation B: an owner, and instructor
 * Ines teaching B1 (assigned) with learner Bo.
 */
export async function reviewWorld({ ok, person, join }: ReturnType<typeof reviewClients>) {
  const owner = await person('Owner A');
  const orgA = await ok(owner, 'POST', '/v1/orgs', { name: 'Org A' });
  const [ira, ian, lea, leo, lou] = (await Promise.all(['Ira Instructor', 'Ian Instructor', 'Lea', 'Leo', 'Lou'].map(person))) as [Who, Who, Who, Who, Who];
  for (const who of [ira, ian]) await join(owner, orgA.id, who, 'instructor');
  const a1 = await ok(ira, 'POST', `/v1/orgs/${orgA.id}/cohorts`, { name: 'A1' });
  const a3 = await ok(ira, 'POST', `/v1/orgs/${orgA.id}/cohorts`, { name: 'A3' });
  const a2 = await ok(ian, 'POST', `/v1/orgs/${orgA.id}/cohorts`, { name: 'A2' });
  for (const cohort of [a1, a2]) await ok(owner, 'POST', `/v1/cohorts/${cohort.id}/assignments`, { courseId: examCourse.id, dueAt: null });
  for (const who of [lea, leo]) await join(ira, orgA.id, who, 'learner', a1.id);
  await join(ira, orgA.id, lou, 'learner', a3.id);
  await join(ian, orgA.id, ira, 'learner', a2.id);

  const ownerB = await person('Owner B');
  const orgB = await ok(ownerB, 'POST', '/v1/orgs', { name: 'Org B' });
  const [ines, bo] = (await Promise.all(['Ines Instructor', 'Bo'].map(person))) as [Who, Who];
  await join(ownerB, orgB.id, ines, 'instructor');
  const b1 = await ok(ines, 'POST', `/v1/orgs/${orgB.id}/cohorts`, { name: 'B1' });
  await ok(ines, 'POST', `/v1/cohorts/${b1.id}/assignments`, { courseId: examCourse.id, dueAt: null });
  await join(ines, orgB.id, bo, 'learner', b1.id);
  return { owner, ownerB, ira, ian, lea, leo, lou, ines, bo };
}

/** The people of reviewWorld, with `ids`: the item each of Lea, Lou, Ira and Bo has waiting; as loose as the suites read it. */
type Waiting = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- the suites' world

type Reply = { status: number; json: any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON response bodies.

/**
 * The refusals every kind of review (`kind`: the path under /v1/reviews) must make, each checked
 * to change nothing: `review` posts a review scoring `score`, `unchanged` asserts the item still
 * waits with no reviewer.
 */
export function reviewRefusals(
  { call }: ReturnType<typeof reviewClients>,
  kind: 'exams' | 'projects',
  review: (who: Who, id: string, score: number, extra?: Record<string, unknown>) => Promise<Reply>,
  unchanged: (id: string) => Promise<void>,
) {
  return {
    /**
     * No one outside the cohorts that hold an item reads or scores it (404, `message`): another
     * organisation's instructor or owner, an instructor of another cohort, an instructor whose
     * cohort has no course assigned; nor may anyone an id that names nothing.
     */
    async notFound(w: Waiting, message: string) {
      const { ids } = w;
      const cases: [Who, string][] = [
        [w.ira, ids.bo],
        [w.ines, ids.lea],
        [w.ownerB, ids.lea],
        [w.owner, ids.bo],
        [w.ian, ids.lea],
        [w.ira, ids.lou],
      ];
      for (const [who, id] of cases) {
        expect((await call(who, 'GET', `/v1/reviews/${kind}/${id}`)).status).toBe(404);
        const refused = await review(who, id, 95);
        expect(refused.status).toBe(404);
        expect(refused.json.error.message).toBe(message);
        await unchanged(id);
      }
      expect((await call(w.ira, 'GET', `/v1/reviews/${kind}/not-a-uuid`)).status).toBe(404);
      expect((await review(w.ira, crypto.randomUUID(), 95)).status).toBe(404);
    },
    /** No learner (Lea, Lou, Bo, and any `more` cases) sees a queue, reads or scores an item, their own included (403). */
    async forbidden(w: Waiting, more: [Who, string][] = []) {
      const cases: [Who, string][] = [[w.lea, w.ids.lea], [w.lou, w.ids.lea], [w.bo, w.ids.bo], ...more];
      for (const [who, id] of cases) {
        expect((await call(who, 'GET', `/v1/reviews/${kind}`)).status).toBe(403);
        expect((await call(who, 'GET', `/v1/reviews/${kind}/${id}`)).status).toBe(403);
        expect((await review(who, id, 100)).status).toBe(403);
        await unchanged(id);
      }
    },
    /** `who` may not review their own item `id` (403, a message containing `message`). */
    async ownRefused(who: Who, id: string, message: string) {
      const own = await review(who, id, 100);
      expect(own.status).toBe(403);
      expect(own.json.error.message).toContain(message);
      await unchanged(id);
    },
    /** A review by `who` naming any reviewer, by name or id, is refused (400). */
    async reviewerForged(who: Who, id: string, other: Who) {
      for (const extra of [{ reviewer: other.name }, { reviewerId: other.learnerId }]) {
        const forged = await review(who, id, 95, extra);
        expect(forged.status).toBe(400);
        expect(forged.json.error.details[0].message).toContain('cannot name its reviewer');
      }
      await unchanged(id);
    },
  };
}
