/* eslint-disable @typescript-eslint/no-explicit-any -- the tests read JSON response bodies field by field. */
// Attacks on certificates by a scripted client: it sends its own outline and title, asks for a
// course the server does not know, replays events, leans on another learner's events, and asks
// for Silver or Gold with no exam or review. The server certifies only registered courses, against
// its own outline and title and the evidence it holds for that learner.
import { beforeAll, expect, it } from 'vitest';
import { describeWhen } from '../common/testing/capabilities';
import { verifyCredentialJwt } from './certificates';
import { defaultPlausibility } from '../common/rules/plausibility';
import { openTestApi, useTestApi, testDatabaseUrl, type Engine } from './testing/api-harness';
import { noTierRecords } from './tier-records';
import { achievementCredentialErrors } from '../common/testing/ob3-schema';

const now = Date.UTC(2026, 10, 23, 12);
const admin = 'admin-secret-token';

/** A module from [id, type, title] rows: the outlines below differ only in these. */
const moduleOf = (id: string, title: string, lessons: readonly (readonly [string, string, string])[]) => ({
  id,
  title,
  lessons: lessons.map(([lessonId, type, lessonTitle]) => ({ id: lessonId, type, title: lessonTitle })),
});

const course = {
  id: 'python-basics',
  version: '1.0.0',
  title: 'Python Basics',
  modules: [
    moduleOf('start', 'Start', [
      ['hello', 'concept', 'Hello'],
      ['quiz-1', 'quiz', 'Quiz one'],
    ]),
    moduleOf('end', 'End', [
      ['boss', 'challenge', 'Boss'],
      ['tool', 'project', 'Tool'],
    ]),
  ],
};

function suite(engine: Engine) {
  let counter = 0;
  const t = useTestApi(engine, { adminToken: admin, now: () => now, plausibility: defaultPlausibility });
  beforeAll(async () => {
    await t.request('PUT', `/v1/admin/courses/${course.id}`, { token: admin, body: course });
  });

  const register = async (name: string) =>
    (await t.request('POST', '/v1/learners', { body: { displayName: name, timezone: 'UTC' } })).json as { accessToken: string };
  let at = now - 20 * 3600_000;
  const event = (kind: string, lessonId: string, extra: Record<string, unknown> = {}) => ({
    idempotencyKey: `k-${++counter}`,
    kind,
    courseId: course.id,
    lessonId,
    occurredAt: (at += 10 * 60_000),
    timezone: 'UTC',
    activeSeconds: 300,
    facts: {},
    ...extra,
  });
  const send = (token: string, events: unknown[]) => t.request('POST', '/v1/events', { token, body: { events } });
  /** Every lesson of the registered outline, completed (a quiz by passing it with `quizScore`). */
  const completeEveryLesson = (token: string, quizScore = 85) =>
    send(
      token,
      course.modules.flatMap((module) =>
        module.lessons.map((lesson) =>
          lesson.type === 'quiz' ? event('quiz-passed', lesson.id, { facts: { score: quizScore } }) : event('lesson-completed', lesson.id),
        ),
      ),
    );
  const certify = (token: string, body: Record<string, unknown>) => t.request('POST', '/v1/certificates', { token, body });

  it('registers courses only with the admin token, and reports unchanged and updated registrations', async () => {
    expect((await t.request('PUT', `/v1/admin/courses/${course.id}`, { body: course })).status).toBe(401);
    expect((await t.request('PUT', `/v1/admin/courses/${course.id}`, { token: 'learner-token', body: course })).status).toBe(401);
    expect((await t.request('PUT', '/v1/admin/courses/other', { token: admin, body: course })).status).toBe(400);
    const again = await t.request('PUT', `/v1/admin/courses/${course.id}`, { token: admin, body: course });
    expect(again.json).toMatchObject({ outcome: 'unchanged', version: '1.0.0', lessonCount: 4, digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
    const duplicated = {
      ...course,
      id: 'dup',
      modules: [
        moduleOf('m', 'M', [
          ['a', 'concept', 'A'],
          ['a', 'quiz', 'A again'],
        ]),
      ],
    };
    expect((await t.request('PUT', '/v1/admin/courses/dup', { token: admin, body: duplicated })).json.error.code).toBe('invalid_input');
    const listed = await t.request('GET', '/v1/admin/courses', { token: admin });
    expect(listed.json.courses.map((c: any) => c.id)).toEqual([course.id]);
  });

  it('refuses Gold for a forged one-lesson outline: the server decides against its registered outline', async () => {
    const learner = await register('Forger');
    await send(learner.accessToken, [event('lesson-completed', 'hello')]);
    const forged = await certify(learner.accessToken, {
      courseId: course.id,
      courseTitle: 'Python Basics (all 30 lessons, with distinction)',
      tier: 'gold',
      lessons: [{ id: 'hello', type: 'concept', title: 'Hello' }],
    });
    expect(forged.status).toBe(422);
    expect(forged.json.error.code).toBe('not_eligible');
    expect(forged.json.error.details.missing).toContain('Complete "Tool".');
    expect((await t.request('GET', '/v1/certificates', { token: learner.accessToken })).json.certificates).toEqual([]);
  });

  it('takes the certificate title from its own record, whatever title the client sends', async () => {
    const learner = await register('Titler');
    await completeEveryLesson(learner.accessToken);
    const issued = await certify(learner.accessToken, { courseId: course.id, courseTitle: 'Harvard CS50 (with honours)', tier: 'bronze', lessons: [] });
    expect(issued.status).toBe(201);
    expect(issued.json.courseTitle).toBe('Python Basics');
    const jwks = (await t.request('GET', '/.well-known/jwks.json')).json;
    const check = await verifyCredentialJwt(issued.json.jwt, jwks.keys[0]);
    expect(check.valid).toBe(true);
    expect(JSON.stringify(check.credential)).not.toContain('Harvard');
    expect(check.credential).toMatchObject({ name: 'Python Basics: Bronze', credentialSubject: { achievement: { version: '1.0.0' } } });
    expect(achievementCredentialErrors(check.credential)).toEqual([]);
    const page = await t.request('GET', `/verify/${issued.json.id}`);
    expect(page.json).toContain('Python Basics');
    expect(page.json).not.toContain('Harvard');
  });

  it('refuses any certificate for a course it has not registered', async () => {
    const learner = await register('Stranger');
    await send(learner.accessToken, [{ ...event('lesson-completed', 'only'), courseId: 'made-up-course' }]);
    const refused = await certify(learner.accessToken, {
      courseId: 'made-up-course',
      courseTitle: 'Made Up',
      tier: 'bronze',
      lessons: [{ id: 'only', type: 'concept' }],
    });
    expect(refused.status).toBe(409);
    expect(refused.json.error).toMatchObject({ code: 'course_not_registered', details: { courseId: 'made-up-course' } });
    expect(refused.json.error.message).toContain('not registered');
  });

  it('counts a replayed event once: the same completion sent again, or under new keys, fills no other lesson', async () => {
    const learner = await register('Replayer');
    const once = event('lesson-completed', 'hello');
    for (let i = 0; i < 3; i++) await send(learner.accessToken, [once]);
    const replays = Array.from({ length: 5 }, () => event('lesson-completed', 'hello'));
    await send(learner.accessToken, replays);
    const res = await certify(learner.accessToken, { courseId: course.id, tier: 'bronze' });
    expect(res.status).toBe(422);
    expect(res.json.error.details.missing).toHaveLength(3);
  });

  it("never counts another learner's events: evidence is the asking learner's own", async () => {
    const worker = await register('Worker');
    await completeEveryLesson(worker.accessToken);
    const freeloader = await register('Freeloader');
    const res = await certify(freeloader.accessToken, { courseId: course.id, tier: 'bronze', learnerId: 'ignored' });
    expect(res.status).toBe(422);
    expect(res.json.error.details.missing).toHaveLength(4);
    expect((await certify(worker.accessToken, { courseId: course.id, tier: 'bronze' })).status).toBe(201);
  });

  it("holds Bronze's quiz bar at 70% on the server's own scores, whatever the client claims", async () => {
    const low = await register('Low scorer');
    await completeEveryLesson(low.accessToken, 69);
    const refused = await certify(low.accessToken, { courseId: course.id, tier: 'bronze', quizScores: { 'quiz-1': 100 }, eligible: true });
    expect(refused.json.error.details.missing).toEqual(['Score at least 70% on the quiz "Quiz one" (best so far 69%).']);
    const bar = await register('At the bar');
    await completeEveryLesson(bar.accessToken, 70);
    expect((await certify(bar.accessToken, { courseId: course.id, tier: 'bronze' })).status).toBe(201);
  });

  it('refuses Silver and Gold without an exam or review the server holds, saying which', async () => {
    const learner = await register('Claimer');
    await completeEveryLesson(learner.accessToken, 100);
    const silver = await certify(learner.accessToken, { courseId: course.id, tier: 'silver', examScore: 100 });
    expect(silver.status).toBe(422);
    expect(silver.json.error.code).toBe('exam_required');
    expect(silver.json.error.message).toContain('Silver exam this server graded');
    expect((await certify(learner.accessToken, { courseId: course.id, tier: 'gold' })).json.error.code).toBe('exam_required');
    expect((await t.request('GET', '/v1/certificates', { token: learner.accessToken })).json.certificates).toEqual([]);
  });

  it('issues Silver once a server-held exam record passes, and only for the learner it belongs to', async () => {
    const graded = await openTestApi(engine, {
      adminToken: admin,
      now: () => now,
      plausibility: defaultPlausibility,
      tierRecords: {
        ...noTierRecords,
        exam: (learnerId, courseId) => Promise.resolve(learnerId === examinee && courseId === course.id ? { score: 84, passed: true } : null),
      },
    });
    let examinee = '';
    try {
      await graded.request('PUT', `/v1/admin/courses/${course.id}`, { token: admin, body: course });
      const learner = (await graded.request('POST', '/v1/learners', { body: { displayName: 'Examinee', timezone: 'UTC' } })).json;
      const other = (await graded.request('POST', '/v1/learners', { body: { displayName: 'Other', timezone: 'UTC' } })).json;
      examinee = learner.learnerId;
      for (const who of [learner, other]) {
        const events = course.modules.flatMap((m) =>
          m.lessons.map((l) => (l.type === 'quiz' ? event('quiz-passed', l.id, { facts: { score: 90 } }) : event('lesson-completed', l.id))),
        );
        await graded.request('POST', '/v1/events', { token: who.accessToken, body: { events } });
      }
      const silver = await graded.request('POST', '/v1/certificates', { token: learner.accessToken, body: { courseId: course.id, tier: 'silver' } });
      expect(silver.status).toBe(201);
      const jwks = (await graded.request('GET', '/.well-known/jwks.json')).json;
      const credential = (await verifyCredentialJwt(silver.json.jwt, jwks.keys[0])).credential as any;
      expect(achievementCredentialErrors(credential)).toEqual([]);
      expect(credential.evidence[0].narrative).toContain('Silver exam: 84% (passed).');
      expect(
        (await graded.request('POST', '/v1/certificates', { token: other.accessToken, body: { courseId: course.id, tier: 'silver' } })).json.error.code,
      ).toBe('exam_required');
      const gold = await graded.request('POST', '/v1/certificates', { token: learner.accessToken, body: { courseId: course.id, tier: 'gold' } });
      expect(gold.json.error.code).toBe('review_required');
    } finally {
      await graded.close();
    }
    // A second database of its own: PGlite takes a while to start on a loaded machine.
  }, 90_000);

  it('decides against the updated outline once an admin registers a new version', async () => {
    const learner = await register('Upgrader');
    await completeEveryLesson(learner.accessToken);
    const v2 = {
      ...course,
      id: 'py-v2',
      version: '2.0.0',
      title: 'Py Two',
      modules: [...course.modules, { id: 'extra', title: 'Extra', lessons: [{ id: 'more', type: 'concept', title: 'More' }] }],
    };
    expect((await t.request('PUT', '/v1/admin/courses/py-v2', { token: admin, body: { ...v2, version: '1.0.0', modules: course.modules } })).json.outcome).toBe(
      'registered',
    );
    expect((await t.request('PUT', '/v1/admin/courses/py-v2', { token: admin, body: v2 })).json.outcome).toBe('updated');
    await send(learner.accessToken, [event('lesson-completed', 'hello', { courseId: 'py-v2' })]);
    const res = await certify(learner.accessToken, { courseId: 'py-v2', tier: 'bronze' });
    expect(res.json.error.details.missing).toEqual(['Complete "Quiz one".', 'Complete "Boss".', 'Complete "Tool".', 'Complete "More".']);
  });
}

describeWhen(true, 'PGlite', 'certificate forgery on PGlite', () => suite('pglite'));
describeWhen(Boolean(testDatabaseUrl), 'a PostgreSQL in DRONA_TEST_DATABASE_URL', 'certificate forgery on PostgreSQL', () => suite('postgresql'));
