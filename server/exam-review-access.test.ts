/* eslint-disable @typescript-eslint/no-explicit-any -- the tests read JSON response bodies field by field. */
// Who may review a server-graded exam's challenges and design answer, driven as scripted clients
// would (PGlite and PostgreSQL): as for Gold projects, an instructor of a cohort the learner is in,
// with the course assigned there, or an owner of that organisation; learners review nothing, no
// one reviews their own, and a review names no reviewer but the one signed in. Every refusal
// changes nothing; an instructor's scores decide the attempt as the admin's do.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWhen } from '../common/testing/capabilities';
import { sql } from './db/database';
import { cheapPasswords, testDatabaseUrl, type Engine, type TestApi } from './testing/api-harness';
import { bronzeLesson, examReview, openExamCourseApi, takeExam } from './testing/exam-course-api';
import { examCourse } from './testing/exam-fixture';
import { reviewClients, reviewRefusals, reviewWorld, type Who } from './testing/review-world';

function suite(engine: Engine) {
  let t: TestApi;
  const clock = Date.UTC(2026, 11, 6, 12);
  let n = 0;
  beforeAll(async () => {
    t = await openExamCourseApi(engine, () => clock, { passwordCost: cheapPasswords });
  }, 120_000);
  afterAll(async () => t?.close());

  const clients = reviewClients(() => t, engine, 'review them fairly');
  const { call, ok } = clients;
  /** The learner's attempt, taken to the end: it waits for a person to score its challenges and design answer. */
  const takeAttempt = async (who: Who) => {
    await call(who, 'POST', '/v1/events', { events: [bronzeLesson(`exam-${++n}-${engine}`, clock - 600_000)] });
    const id = (await ok(who, 'POST', `/v1/exams/${examCourse.id}/attempts`)).attemptId as string;
    expect(await takeExam(t, who.accessToken, id, true)).toMatchObject({ status: 'pending-review' });
    return id;
  };
  const review = (who: Who, id: string, score: number, extra: Record<string, unknown> = {}) =>
    call(who, 'POST', `/v1/reviews/exams/${id}`, { ...examReview(score), ...extra });
  const queueOf = async (who: Who) => ((await ok(who, 'GET', '/v1/reviews/exams')).attempts as any[]).map((a) => a.attemptId);
  const row = async (id: string) =>
    (await t.db.query<{ status: string; reviewed_by: string | null }>(sql`select status, reviewed_by from exam_attempts where id = ${id}`))[0]!;
  const refusals = reviewRefusals(clients, 'exams', review, async (id) => expect(await row(id)).toEqual({ status: 'pending-review', reviewed_by: null }));

  /** The organisations of reviewWorld, with an attempt waiting for review by Lea, Lou, Ira and Bo. */
  let w: Record<string, any>;
  beforeAll(async () => {
    const people = await reviewWorld(clients);
    const { lea, lou, ira, bo } = people;
    const ids: Record<string, string> = {};
    for (const [name, who] of Object.entries({ lea, lou, ira, bo })) ids[name] = await takeAttempt(who);
    w = { ...people, ids };
  }, 240_000);

  it('shows each instructor and owner the waiting attempts of the cohorts they teach, with the design answer, and nothing else', async () => {
    const { ids } = w;
    expect(await queueOf(w.ira)).toEqual([ids.lea]);
    expect(await queueOf(w.ian)).toEqual([ids.ira]);
    expect((await queueOf(w.owner)).sort()).toEqual([ids.lea, ids.ira].sort());
    expect(await queueOf(w.ines)).toEqual([ids.bo]);
    expect(await queueOf(w.ownerB)).toEqual([ids.bo]);
    const read = await ok(w.ira, 'GET', `/v1/reviews/exams/${ids.lea}`);
    expect(read).toMatchObject({ attemptId: ids.lea, learnerId: w.lea.learnerId, courseId: examCourse.id });
    expect(read.answers.find((a: any) => a.section === 'design')).toMatchObject({ answer: { text: 'A list of items in a table.' } });
  });

  it('refuses reading or scoring another organisation’s, an untaught cohort’s, or an unassigned course’s attempt (404)', async () => {
    await refusals.notFound(w, 'No exam attempt from a cohort you teach has this id.');
  });

  it('lets no learner review (403), not even their own attempt, and no instructor their own', async () => {
    const { ids } = w;
    await refusals.forbidden(w);
    await refusals.ownRefused(w.ira, ids.ira, 'cannot review your own exam');
  });

  it('refuses a review naming its reviewer; the instructor’s and the owner’s scores decide, signed with their names', async () => {
    const { ids } = w;
    await refusals.reviewerForged(w.ira, ids.lea, w.owner);

    expect((await review(w.ira, ids.lea, 95)).json).toMatchObject({ attemptId: ids.lea, status: 'passed' });
    expect(await row(ids.lea)).toEqual({ status: 'passed', reviewed_by: 'Ira Instructor' });
    expect((await review(w.ira, ids.lea, 95)).json.error.code).toBe('not_pending');
    expect(await queueOf(w.ira)).toEqual([]);

    expect((await review(w.ownerB, ids.bo, 10)).json).toMatchObject({ attemptId: ids.bo, status: 'failed' });
    expect(await row(ids.bo)).toEqual({ status: 'failed', reviewed_by: 'Owner B' });
  });
}

describeWhen(true, 'PGlite', 'who may review server-graded exams, on PGlite', () => suite('pglite'));
describeWhen(Boolean(testDatabaseUrl), 'a PostgreSQL in DRONA_TEST_DATABASE_URL', 'who may review server-graded exams, on PostgreSQL', () =>
  suite('postgresql'),
);
