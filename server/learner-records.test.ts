// A second computer's restore of exam attempts and project reviews: each learner reads their own
// decided attempts (with per-section scores) and submissions (with the review), never another's.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWhen } from '../common/testing/capabilities';
import { rubricCategories } from '../common/rules/project-review';
import { restoredExamAttempts, restoredProjectSubmissions } from '../common/sync-api/restore-api';
import { sql } from './db/database';
import { testDatabaseUrl, type Engine, type TestApi } from './testing/api-harness';
import { ADMIN, openExamCourseApi, projectSubmission as submission } from './testing/exam-course-api';
import { examCourse } from './testing/exam-fixture';

const minute = 60_000;
function suite(engine: Engine) {
  let t: TestApi;
  const clock = Date.UTC(2026, 10, 23, 12);
  beforeAll(async () => {
    t = await openExamCourseApi(engine, () => clock);
  });
  afterAll(async () => t?.close());

  const learner = async (name: string) => (await t.request('POST', '/v1/learners', { body: { displayName: name, timezone: 'UTC' } })).json;
  const attempt = async (learnerId: string, status: string, overall: number | null, sections: Record<string, unknown>, at: number) => {
    const [{ digest }] = (await t.db.query<{ digest: string }>(sql`select digest from courses where id = ${examCourse.id}`)) as [{ digest: string }];
    const id = crypto.randomUUID();
    await t.db
      .query(sql`insert into exam_attempts (id, learner_id, course_id, course_digest, seed, status, section, section_started_at, sections, first_attempt, overall, started_at, finished_at)
      values (${id}, ${learnerId}, ${examCourse.id}, ${digest}, 'seed', ${status}, 4, ${at}, ${JSON.stringify(sections)}::jsonb, ${status === 'failed'}, ${overall}, ${at - minute}, ${status === 'in-progress' ? null : at})`);
    return id;
  };

  it("returns the learner's own decided exam attempts with section scores, and submissions with their review", async () => {
    const asha = await learner('Asha');
    const ravi = await learner('Ravi');
    const failed = await attempt(
      asha.learnerId,
      'failed',
      62.25,
      {
        conceptual: { score: 50, submittedAt: clock - 3 * minute, timedOut: true },
        codeAnalysis: { score: 75, submittedAt: clock - 2 * minute, timedOut: false },
      },
      clock - 60 * minute,
    );
    const passed = await attempt(asha.learnerId, 'passed', 90, { conceptual: { score: 90, submittedAt: clock, timedOut: false } }, clock);
    await attempt(asha.learnerId, 'in-progress', null, {}, clock + minute);
    await attempt(ravi.learnerId, 'passed', 99, {}, clock);

    const exams = await t.request('GET', '/v1/me/exam-attempts', { token: asha.accessToken });
    expect(exams.status).toBe(200);
    const parsed = restoredExamAttempts.parse(exams.json);
    expect(parsed.attempts.map((a) => a.attemptId)).toEqual([failed, passed]);
    expect(parsed.attempts[0]).toMatchObject({
      courseId: examCourse.id,
      status: 'failed',
      firstAttempt: true,
      overall: 62.3,
      finishedAt: clock - 60 * minute,
      sections: [
        { kind: 'conceptual', score: 50, submittedAt: clock - 3 * minute, timedOut: true },
        { kind: 'codeAnalysis', score: 75, submittedAt: clock - 2 * minute, timedOut: false },
      ],
    });

    const sent = (await t.request('POST', `/v1/projects/${examCourse.id}/submissions`, { token: asha.accessToken, body: submission })).json;
    const scores = Object.fromEntries(rubricCategories.map((category) => [category, { score: 80, reasons: ['Solid.'] }]));
    expect(
      (
        await t.request('POST', `/v1/admin/project-submissions/${sent.submissionId}/review`, {
          token: ADMIN,
          body: { reviewer: 'Ms Rao', scores, automated: submission.automated },
        })
      ).status,
    ).toBe(200);
    const projects = restoredProjectSubmissions.parse((await t.request('GET', '/v1/me/project-submissions', { token: asha.accessToken })).json);
    expect(projects.submissions).toEqual([
      expect.objectContaining({
        submissionId: sent.submissionId,
        title: 'Notes CLI',
        goal: 'Keep notes from the terminal.',
        milestones: ['Add notes', 'Search notes'],
        demoUrl: 'https://example.org/notes',
        files: submission.files,
        automated: submission.automated,
        status: 'accepted',
        review: expect.objectContaining({ reviewer: 'Ms Rao', overall: 80 }),
      }),
    ]);

    // Another learner sees only their own; without a token, nothing.
    const theirs = restoredExamAttempts.parse((await t.request('GET', '/v1/me/exam-attempts', { token: ravi.accessToken })).json);
    expect(theirs.attempts.map((a) => a.overall)).toEqual([99]);
    expect((await t.request('GET', '/v1/me/project-submissions', { token: ravi.accessToken })).json.submissions).toEqual([]);
    expect((await t.request('GET', '/v1/me/exam-attempts')).status).toBe(401);
    expect((await t.request('GET', '/v1/me/project-submissions', { token: 'forged' })).json.error.code).toBe('invalid_token');
  });
}

describeWhen(true, 'PGlite', 'Restoring exam attempts and project reviews on PGlite', () => suite('pglite'));
describeWhen(Boolean(testDatabaseUrl), 'a PostgreSQL in DRONA_TEST_DATABASE_URL', 'Restoring exam attempts and project reviews on PostgreSQL', () =>
  suite('postgresql'),
);
