/* eslint-disable @typescript-eslint/no-explicit-any -- the tests read JSON response bodies field by field. */
// Who may review a Gold project, driven as scripted clients and browsers would (PGlite and
// PostgreSQL): an instructor reviews the submissions of learners in the cohorts they teach, for
// courses assigned there, and nothing else; learners review nothing, not even their own; no one
// reviews their own; a review names no reviewer but the one signed in. Every refusal changes
// nothing. An instructor's approval is the evidence Gold is issued on, as the admin's is.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWhen } from '../common/testing/capabilities';
import { sql } from './db/database';
import { verifyCredentialJwt } from './certificates';
import { cheapPasswords, testDatabaseUrl, type Engine, type TestApi } from './testing/api-harness';
import { bronzeLesson, openExamCourseApi, passSilver, projectSubmission, rubric } from './testing/exam-course-api';
import { examCourse } from './testing/exam-fixture';
import { reviewClients, reviewRefusals, reviewWorld, type Who } from './testing/review-world';

const password = 'review them fairly';

function suite(engine: Engine) {
  let t: TestApi;
  const clock = Date.UTC(2026, 11, 6, 12);
  beforeAll(async () => {
    t = await openExamCourseApi(engine, () => clock, { passwordCost: cheapPasswords });
  }, 120_000);
  afterAll(async () => t?.close());

  const clients = reviewClients(() => t, engine, password);
  const { call, ok } = clients;
  const submit = async (who: Who) => (await ok(who, 'POST', `/v1/projects/${examCourse.id}/submissions`, projectSubmission)).submissionId as string;
  const review = (who: Who, id: string, score: number, extra: Record<string, unknown> = {}) =>
    call(who, 'POST', `/v1/reviews/projects/${id}`, { decision: 'approve', scores: rubric(score), automated: projectSubmission.automated, ...extra });
  const queueOf = async (who: Who) => ((await ok(who, 'GET', '/v1/reviews/projects')).submissions as any[]).map((s) => s.submissionId);
  const row = async (id: string) =>
    (
      await t.db.query<{ status: string; review: unknown; reviewer_id: string | null }>(
        sql`select status, review, reviewer_id from project_submissions where id = ${id}`,
      )
    )[0]!;
  const refusals = reviewRefusals(clients, 'projects', review, async (id) =>
    expect(await row(id)).toMatchObject({ status: 'pending-review', review: null, reviewer_id: null }),
  );

  /** The organisations of reviewWorld, with a project submitted by Lea, Leo, Lou, Ira and Bo. */
  let w: Record<string, any>;
  beforeAll(async () => {
    const people = await reviewWorld(clients);
    const { lea, leo, lou, ira, bo } = people;
    const ids: Record<string, string> = {};
    for (const [name, who] of Object.entries({ lea, leo, lou, ira, bo })) ids[name] = await submit(who);
    w = { ...people, ids };
  }, 120_000);

  it('shows each instructor the waiting projects of the cohorts they teach, and nothing else', async () => {
    const { ids } = w;
    expect((await queueOf(w.ira)).sort()).toEqual([ids.lea, ids.leo].sort());
    expect(await queueOf(w.ian)).toEqual([ids.ira]);
    expect((await queueOf(w.owner)).sort()).toEqual([ids.lea, ids.leo, ids.ira].sort());
    expect(await queueOf(w.ines)).toEqual([ids.bo]);
    const read = await ok(w.ira, 'GET', `/v1/reviews/projects/${ids.lea}`);
    expect(read).toMatchObject({ learnerName: 'Lea', status: 'pending-review', submission: { readme: projectSubmission.readme } });
    expect(read.row).toBeUndefined();
  });

  it('refuses reading or scoring another organisation’s, an untaught cohort’s, or an unassigned course’s project', async () => {
    await refusals.notFound(w, 'No project submission from a cohort you teach has this id.');
  });

  it('lets no learner review, not even their own project, and no instructor their own', async () => {
    const { ids } = w;
    await refusals.forbidden(w, [[w.lea, ids.leo]]);
    expect((await call(w.ira, 'GET', `/v1/reviews/projects/${ids.ira}`)).status).toBe(403);
    await refusals.ownRefused(w.ira, ids.ira, 'cannot review your own project');
  });

  it('refuses a review naming its reviewer, claiming a status, or approving scores that do not pass', async () => {
    const id = w.ids.leo;
    await refusals.reviewerForged(w.ira, id, w.owner);
    expect((await review(w.ira, id, 95, { status: 'accepted' })).status).toBe(400);
    const failing = await review(w.ira, id, 95, { scores: { ...rubric(95), testing: { score: 55, reasons: ['Two tests.'] } } });
    expect(failing.status).toBe(422);
    expect(failing.json.error.code).toBe('review_not_passing');
    expect(failing.json.error.details.blockers[0]).toContain('Testing scored 55%');
    expect(await row(id)).toMatchObject({ status: 'pending-review', review: null, reviewer_id: null });
  });

  it('lets the instructor ask for changes, then approve, and the server issues Gold on that review', async () => {
    const { lea } = w;
    await t.request('POST', '/v1/events', { token: lea.accessToken, body: { events: [bronzeLesson(`lea-${engine}`, clock - 600_000)] } });
    await passSilver(t, lea.learnerId, clock);
    // Reasons as long as a careful reviewer writes them (a few KB in all) are taken.
    const scores = Object.fromEntries(Object.entries(rubric(95)).map(([category, score]) => [category, { ...score, reasons: ['Clear. '.repeat(200)] }]));
    const changes = await review(w.ira, w.ids.lea, 95, { decision: 'request-changes', note: 'Add a test for empty notes.', scores });
    expect(changes.json).toMatchObject({
      status: 'not-accepted',
      review: { reviewer: 'Ira Instructor', blockers: ['The reviewer asks: Add a test for empty notes.'] },
    });
    expect((await ok(lea, 'GET', `/v1/projects/submissions/${w.ids.lea}`)).review.blockers).toEqual(['The reviewer asks: Add a test for empty notes.']);
    expect((await call(lea, 'POST', '/v1/certificates', { courseId: examCourse.id, tier: 'gold' })).status).toBe(422);

    const again = await submit(lea);
    expect(await queueOf(w.ira)).toContain(again);
    const approved = await review(w.ira, again, 92);
    expect(approved.json).toMatchObject({ status: 'accepted', review: { reviewer: 'Ira Instructor', overall: 92, exceptional: true, blockers: [] } });
    expect(await row(again)).toMatchObject({ status: 'accepted', reviewer_id: w.ira.learnerId });
    expect((await review(w.ira, again, 92)).json.error.code).toBe('not_pending');
    expect(await queueOf(w.ira)).not.toContain(again);
    // The learner's export says who reviewed by name, never the reviewer's account id.
    const exported = await ok(lea, 'GET', '/v1/account/export');
    expect(exported.project_submissions).toContainEqual(expect.objectContaining({ id: again, reviewed_by: 'Ira Instructor' }));
    expect(JSON.stringify(exported)).not.toContain(w.ira.learnerId);

    const gold = await call(lea, 'POST', '/v1/certificates', { courseId: examCourse.id, tier: 'gold' });
    expect(gold.status).toBe(201);
    const jwks = (await t.request('GET', '/.well-known/jwks.json')).json;
    const { credential } = await verifyCredentialJwt(gold.json.jwt, jwks.keys[0]);
    expect(JSON.stringify(credential)).toContain('reviewed by Ira Instructor: 92% (exceptional)');
  });

  it('runs the same rules in the dashboard: the queue, the form, and every refusal', async () => {
    const browse = async (path: string, init: { cookie?: string; form?: Record<string, string>; origin?: string } = {}) => {
      const res = await t.api.request(path, {
        method: init.form ? 'POST' : 'GET',
        headers: {
          host: 'localhost',
          ...(init.cookie ? { cookie: init.cookie } : {}),
          ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
          ...(init.origin ? { origin: init.origin } : {}),
        },
        ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
      });
      return { status: res.status, text: await res.text(), headers: res.headers };
    };
    const signIn = async (who: Who) => (await browse('/dashboard/sign-in', { form: { email: who.email, password } })).headers.get('set-cookie')!.split(';')[0]!;
    const form = (score: number, decision = 'approve') => ({
      ...Object.fromEntries(
        Object.keys(rubric(score)).flatMap((category) => [
          [`${category}-score`, String(score)],
          [`${category}-reasons`, `Scored ${score}.\nReadable.`],
        ]),
      ),
      testsPassed: 'on',
      testCount: '12',
      readme: 'on',
      decision,
    });
    const ines = await signIn(w.ines);
    const queue = await browse('/dashboard/reviews', { cookie: ines });
    expect(queue.status).toBe(200);
    expect(queue.text).toContain(`/dashboard/reviews/${w.ids.bo}`);
    expect(queue.text).not.toContain(w.ids.leo);
    const page = await browse(`/dashboard/reviews/${w.ids.bo}`, { cookie: ines });
    expect(page.text).toContain('Code quality (25%)');
    expect(page.text).toContain('Run it with python notes.py');

    const ira = await signIn(w.ira);
    expect((await browse(`/dashboard/reviews/${w.ids.bo}`, { cookie: ira })).status).toBe(404);
    expect((await browse(`/dashboard/reviews/${w.ids.bo}`, { cookie: ira, form: form(95) })).status).toBe(404);
    expect((await browse(`/dashboard/reviews/${w.ids.ira}`, { cookie: ira, form: form(95) })).status).toBe(403);
    expect((await browse(`/dashboard/reviews/not-a-uuid`, { cookie: ira })).status).toBe(404);
    const lea = await signIn(w.lea);
    expect((await browse('/dashboard/reviews', { cookie: lea })).status).toBe(403);
    expect((await browse(`/dashboard/reviews/${w.ids.leo}`, { cookie: lea, form: form(95) })).status).toBe(403);
    expect((await browse(`/dashboard/reviews/${w.ids.bo}`, { cookie: ines, form: form(95), origin: 'https://evil.example' })).status).toBe(403);
    expect((await browse(`/dashboard/reviews/${w.ids.bo}`, { form: form(95) })).status).toBe(401);
    for (const id of [w.ids.bo, w.ids.ira]) expect(await row(id)).toMatchObject({ status: 'pending-review', review: null });

    const incomplete = await browse(`/dashboard/reviews/${w.ids.bo}`, { cookie: ines, form: { ...form(95), 'testing-score': '', 'testing-reasons': ' ' } });
    expect(incomplete.status).toBe(400);
    expect(incomplete.text).toContain('Testing: give a score from 0 to 100.');
    expect(incomplete.text).toContain('Testing: give at least one reason');
    const failing = await browse(`/dashboard/reviews/${w.ids.bo}`, { cookie: ines, form: form(70) });
    expect(failing.status).toBe(422);
    expect(failing.text).toContain('do not pass');
    expect(await row(w.ids.bo)).toMatchObject({ status: 'pending-review', review: null });

    const done = await browse(`/dashboard/reviews/${w.ids.bo}`, { cookie: ines, form: { ...form(80), 'testing-reasons': 'Thorough é. '.repeat(150) } });
    expect(done.status).toBe(303);
    expect(await row(w.ids.bo)).toMatchObject({ status: 'accepted', reviewer_id: w.ines.learnerId });
    expect((await browse(`/dashboard/reviews/${w.ids.bo}`, { cookie: ines })).text).toContain('Approved');
  });
}

describeWhen(true, 'PGlite', 'who may review Gold projects, on PGlite', () => suite('pglite'));
describeWhen(Boolean(testDatabaseUrl), 'a PostgreSQL in DRONA_TEST_DATABASE_URL', 'who may review Gold projects, on PostgreSQL', () => suite('postgresql'));
