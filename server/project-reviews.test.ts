/* eslint-disable @typescript-eslint/no-explicit-any -- the tests read JSON response bodies field by field. */
// Gold projects the server reviews, driven as a scripted client would: Gold and its exceptional
// +100 % come only from a review a person with the admin token gave; the learner cannot review
// their own submission, claim a score in it, read another's, or get the bonus by saying so.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWhen } from '../common/testing/capabilities';
import { testDatabaseUrl, type Engine, type TestApi } from './testing/api-harness';
import { ADMIN, bronzeLesson, certificateEarned, openExamCourseApi, passSilver, projectSubmission as submission, rubric } from './testing/exam-course-api';
import { examCourse } from './testing/exam-fixture';

const admin = ADMIN;
const minute = 60_000;

function suite(engine: Engine) {
  let t: TestApi;
  const clock = Date.UTC(2026, 10, 23, 12);
  let keys = 0;
  beforeAll(async () => {
    t = await openExamCourseApi(engine, () => clock);
  });
  afterAll(async () => t?.close());

  /** A learner who finished the course (Bronze) and whose Silver exam this server graded as passed. */
  const learner = async (name: string) => {
    const me = (await t.request('POST', '/v1/learners', { body: { displayName: name, timezone: 'UTC' } })).json;
    await t.request('POST', '/v1/events', { token: me.accessToken, body: { events: [bronzeLesson(`k-${++keys}`, clock - 10 * minute)] } });
    await passSilver(t, me.learnerId, clock);
    return { token: me.accessToken as string, learnerId: me.learnerId as string };
  };
  const submit = (token: string, body: unknown = submission) => t.request('POST', `/v1/projects/${examCourse.id}/submissions`, { token, body });
  const review = (id: string, score: number, token = admin) =>
    t.request('POST', `/v1/admin/project-submissions/${id}/review`, {
      token,
      body: { reviewer: 'Ms Rao', scores: rubric(score), automated: submission.automated },
    });
  const gold = (token: string) => t.request('POST', '/v1/certificates', { token, body: { courseId: examCourse.id, tier: 'gold' } });
  const goldXp = (token: string, facts: Record<string, unknown>) =>
    t.request('POST', '/v1/events', { token, body: { events: [certificateEarned(`k-${++keys}`, clock, facts)] } });

  it('issues Gold only after a person accepts the project, with the exceptional bonus the review earned', async () => {
    const { token } = await learner('Gita');
    expect((await gold(token)).json.error.code).toBe('review_required');
    const submitted = await submit(token);
    expect(submitted.status).toBe(201);
    expect(submitted.json).toMatchObject({ status: 'pending-review', review: null });
    const id = submitted.json.submissionId;
    expect((await submit(token)).json.error.code).toBe('project_pending_review');
    expect((await gold(token)).json.error.code).toBe('review_required');

    const queue = (await t.request('GET', '/v1/admin/project-reviews', { token: admin })).json.submissions;
    expect(queue.find((s: any) => s.submissionId === id).submission.readme).toContain('Notes CLI');
    const reviewed = await review(id, 95);
    expect(reviewed.json).toMatchObject({ status: 'accepted', review: { overall: 95, exceptional: true, reviewer: 'Ms Rao' } });
    expect((await review(id, 95)).json.error.code).toBe('not_pending');
    expect((await t.request('GET', `/v1/projects/submissions/${id}`, { token })).json.review.scores.testing.reasons).toEqual(['Scored 95.']);

    expect((await gold(token)).status).toBe(201);
    expect((await goldXp(token, { tier: 'gold' })).json.results[0]).toMatchObject({ status: 'accepted', xp: 5000 });
    expect((await submit(token)).json.error.code).toBe('project_accepted');
  });

  it('refuses Gold for a project a person did not accept, and lets the learner submit again', async () => {
    const { token } = await learner('Hari');
    const id = (await submit(token)).json.submissionId;
    expect((await review(id, 70)).json).toMatchObject({ status: 'not-accepted', review: { overall: 70, exceptional: false } });
    expect((await gold(token)).status).not.toBe(201);
    expect((await submit(token)).status).toBe(201);
  });

  it('gives no exceptional bonus the client claims: only the review decides it', async () => {
    const { token } = await learner('Ira');
    const id = (await submit(token)).json.submissionId;
    expect((await review(id, 80)).json).toMatchObject({ status: 'accepted', review: { exceptional: false } });
    expect((await gold(token)).status).toBe(201);
    expect((await goldXp(token, { tier: 'gold', exceptional: true })).json.results[0]).toMatchObject({ status: 'accepted', xp: 2500 });
  });

  it('refuses a learner reviewing their own submission, scoring it in the submission, or reading another', async () => {
    const { token } = await learner('Jai');
    const other = await learner('Kim');
    expect((await goldXp(token, { tier: 'gold', exceptional: true })).json.results[0]).toMatchObject({ status: 'rejected', code: 'not_certified' });
    const id = (await submit(token)).json.submissionId;
    expect((await review(id, 100, token)).status).toBe(401);
    expect((await t.request('GET', '/v1/admin/project-reviews', { token })).status).toBe(401);
    expect((await submit(other.token, { ...submission, status: 'accepted', scores: rubric(100) })).status).toBe(400);
    expect((await t.request('GET', `/v1/projects/submissions/${id}`, { token: other.token })).status).toBe(404);
    expect((await t.request('GET', `/v1/projects/submissions/${id}`, { token })).json.status).toBe('pending-review');
    expect((await gold(token)).json.error.code).toBe('review_required');
    expect((await t.request('POST', '/v1/projects/not-registered/submissions', { token, body: submission })).json.error.code).toBe('course_not_registered');
  });
}

describeWhen(true, 'PGlite', 'Gold project reviews on PGlite', () => suite('pglite'));
describeWhen(Boolean(testDatabaseUrl), 'a PostgreSQL in DRONA_TEST_DATABASE_URL', 'Gold project reviews on PostgreSQL', () => suite('postgresql'));
