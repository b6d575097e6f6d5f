/* eslint-disable @typescript-eslint/no-explicit-any -- the tests read JSON response bodies field by field. */
// Silver exams the server runs, driven as a scripted client would: it never sees an answer, cannot
// answer after the server's time, for another learner, twice, or out of turn, and gets Silver only
// from a passing attempt the server graded (a person scoring the challenges and the design answer).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWhen } from '../common/testing/capabilities';
import { testDatabaseUrl, type Engine, type TestApi } from './testing/api-harness';
import { ADMIN, bronzeLesson, certificateEarned, examReview, openExamCourseApi, pickOption as pick, takeExam } from './testing/exam-course-api';
import { examCourse } from './testing/exam-fixture';

const start = Date.UTC(2026, 10, 23, 12);
const admin = ADMIN;
const minute = 60_000;

function suite(engine: Engine) {
  let t: TestApi;
  let clock = start;
  let keys = 0;
  beforeAll(async () => {
    t = await openExamCourseApi(engine, () => clock);
  });
  afterAll(async () => t?.close());

  const learner = async (name: string) => {
    const me = (await t.request('POST', '/v1/learners', { body: { displayName: name, timezone: 'UTC' } })).json as {
      accessToken: string;
      refreshToken: string;
    };
    refreshes.set(me.accessToken, me.refreshToken);
    // Bronze: the course's one lesson.
    const events = [bronzeLesson(`k-${++keys}`, clock - 10 * minute)];
    await t.request('POST', '/v1/events', { token: me.accessToken, body: { events } });
    return me.accessToken;
  };
  const refreshes = new Map<string, string>();
  /** A new access token after the clock moved past the old one's 15 minutes. */
  const fresh = async (token: string) => {
    const next = (await t.request('POST', '/v1/auth/refresh', { body: { refreshToken: refreshes.get(token) } })).json;
    refreshes.set(next.accessToken, next.refreshToken);
    return next.accessToken as string;
  };
  const begin = (token: string) => t.request('POST', `/v1/exams/${examCourse.id}/attempts`, { token });
  const section = (token: string, id: string, kind: string, body: unknown) => t.request('POST', `/v1/exams/attempts/${id}/sections/${kind}`, { token, body });
  const take = (token: string, id: string, right: boolean) => takeExam(t, token, id, right);
  const review = (id: string, score: number) =>
    t.request('POST', `/v1/admin/exam-attempts/${id}/review`, {
      token: admin,
      body: { reviewer: 'Instructor', ...examReview(score) },
    });
  /** The Silver certificate's XP event, as the app sends it once the certificate is issued. */
  const silverXp = (token: string, facts: Record<string, unknown>) =>
    t.request('POST', '/v1/events', { token, body: { events: [certificateEarned(`k-${++keys}`, clock, facts)] } });
  const silver = (token: string) => t.request('POST', '/v1/certificates', { token, body: { courseId: examCourse.id, tier: 'silver' } });

  it('registers the bank with the course: it changes the digest, and a bank too small for an attempt is refused', async () => {
    const { exam: _exam, ...withoutExam } = examCourse;
    const plain = await t.request('PUT', '/v1/admin/courses/plain', { token: admin, body: { ...withoutExam, id: 'plain' } });
    const listed = (await t.request('GET', '/v1/admin/courses', { token: admin })).json.courses;
    expect(listed.find((c: any) => c.id === examCourse.id)).toMatchObject({ examItems: 16 });
    expect(listed.find((c: any) => c.id === examCourse.id).digest).not.toBe(plain.json.digest);
    const small = { ...examCourse, id: 'small', exam: { ...examCourse.exam, items: examCourse.exam.items.slice(8) } };
    const refused = await t.request('PUT', '/v1/admin/courses/small', { token: admin, body: small });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.json.error.details)).toContain('the bank is too small for an attempt');
    expect((await begin(await learner('No exam'))).status).toBe(201);
    expect((await t.request('POST', '/v1/exams/plain/attempts', { token: await learner('Plain') })).json.error.code).toBe('no_exam');
    expect((await t.request('POST', '/v1/exams/unknown/attempts', { token: await learner('Unknown') })).json.error.code).toBe('course_not_registered');
  });

  it('serves questions without their answers, in an order of its own, one Conceptual question at a time', async () => {
    const token = await learner('Reader');
    const view = (await begin(token)).json;
    expect(view).toMatchObject({ status: 'in-progress', sectionIndex: 0, firstAttempt: true, passPercent: 80 });
    expect(view.questions).toHaveLength(1);
    expect(view.sections[0].deadline).toBe(clock + 5 * minute);
    const body = JSON.stringify(view);
    for (const secret of ['"correct"', 'explanation', 'Why ', 'SECRET-RUBRIC', 'seed', '"difficulty"']) expect(body).not.toContain(secret);
    // The seed is the server's: attempts of different learners draw their own orders.
    const orders = new Set<string>();
    for (let i = 0; i < 6; i++) orders.add(JSON.stringify((await begin(await learner(`Order ${i}`))).json.questions[0]));
    expect(orders.size).toBeGreaterThan(1);
    // Asking again resumes the same attempt; it does not draw a new one.
    expect((await begin(token)).json.attemptId).toBe(view.attemptId);
  });

  it('grades on the server: a pass needs a person to score the challenges and design, then Silver is issued with the first-attempt bonus', async () => {
    const token = await learner('Passer');
    expect((await silver(token)).json.error.code).toBe('exam_required');
    const id = (await begin(token)).json.attemptId;
    const done = await take(token, id, true);
    expect(done).toMatchObject({ status: 'pending-review', result: { verdict: 'pending-review', overall: 50 } });
    expect(done.sections.map((s: any) => s.score)).toEqual([100, 100, null, null]);
    expect((await silver(token)).json.error.code).toBe('exam_required');
    expect((await begin(token)).json.error.code).toBe('exam_pending_review');

    const queue = (await t.request('GET', '/v1/admin/exam-reviews', { token: admin })).json.attempts;
    const mine = queue.find((a: any) => a.attemptId === id);
    expect(mine.answers.map((a: any) => a.itemId)).toEqual(['ch-1', 'ch-2', 'ch-3', 'design-1']);
    expect(mine.answers[3].item.rubric).toEqual(['SECRET-RUBRIC: names a data structure']);
    expect((await t.request('GET', '/v1/admin/exam-reviews', { token })).status).toBe(401);
    expect((await review(id, 70)).json).toMatchObject({ status: 'passed', overall: 85 });
    expect((await review(id, 70)).json.error.code).toBe('not_pending');

    const certificate = await silver(token);
    expect(certificate.status).toBe(201);
    const xp = await silverXp(token, { tier: 'silver' });
    expect(xp.json.results[0]).toMatchObject({ status: 'accepted', xp: 1500 });
    expect((await begin(token)).json.error.code).toBe('exam_passed');
  });

  it('refuses what a scripted client tries: another learner, a replayed or unasked answer, a closed section, an option that is not there', async () => {
    const token = await learner('Owner');
    const other = await learner('Intruder');
    const view = (await begin(token)).json;
    const id = view.attemptId;
    const [q] = view.questions;
    expect((await t.request('GET', `/v1/exams/attempts/${id}`, { token: other })).status).toBe(404);
    expect((await section(other, id, 'conceptual', { itemId: q.itemId, selected: 0 })).status).toBe(404);
    expect((await t.request('GET', '/v1/exams/attempts/not-a-uuid', { token })).status).toBe(404);
    expect((await section(token, id, 'conceptual', { itemId: q.itemId, selected: 7 })).status).toBe(400);
    expect((await section(token, id, 'conceptual', { itemId: 'c1-1', selected: 0, correct: true })).status).toBe(400);
    expect((await section(token, id, 'codeAnalysis', { answers: [] })).json.error.code).toBe('section_closed');
    expect((await section(token, id, 'conceptual', { itemId: q.itemId, selected: pick(q, true) })).status).toBe(200);
    // The same answer again: that question is no longer the one asked.
    const replay = await section(token, id, 'conceptual', { itemId: q.itemId, selected: pick(q, true) });
    expect(replay.json.error.code).toBe('not_asked');
    const unasked = ['c1-1', 'c2-1', 'c3-1', 'c1-2'].find((itemId) => itemId !== q.itemId)!;
    expect([409, 200]).toContain((await section(token, id, 'conceptual', { itemId: unasked, selected: 0 })).status);
  });

  it('keeps time by its own clock: a late section is closed with what it had, and a failed attempt waits for the cooldown', async () => {
    let token = await learner('Late');
    const view = (await begin(token)).json;
    const id = view.attemptId;
    clock += 5 * minute + 11_000;
    const late = await section(token, id, 'conceptual', { itemId: view.questions[0].itemId, selected: 0 });
    expect(late.status).toBe(409);
    expect(late.json.error.code).toBe('time_up');
    const now = (await t.request('GET', `/v1/exams/attempts/${id}`, { token })).json;
    expect(now.sections[0]).toMatchObject({ submitted: true, timedOut: true, score: 0 });
    expect(now.sectionIndex).toBe(1);
    // Within the network's grace, an answer still counts.
    clock += 5 * minute + 5_000;
    expect((await section(token, id, 'codeAnalysis', { answers: [] })).status).toBe(200);
    // Each section's time starts when the server opens it, so a learner away between sections loses none.
    clock += 6 * minute;
    token = await fresh(token);
    expect((await t.request('GET', `/v1/exams/attempts/${id}`, { token })).json).toMatchObject({ status: 'in-progress', sectionIndex: 3 });
    clock += 6 * minute;
    const finished = (await t.request('GET', `/v1/exams/attempts/${id}`, { token })).json;
    expect(finished).toMatchObject({ status: 'failed', result: { verdict: 'failed', overall: 0 } });
    expect((await silver(token)).json.error.code).toBe('not_eligible');
    const cooldown = await begin(token);
    expect(cooldown.json.error.code).toBe('retake_cooldown');
    clock += 61 * minute;
    expect((await begin(await fresh(token))).json).toMatchObject({ status: 'in-progress', firstAttempt: false });
  });

  it("decides a time-out by its own clock: a scripted client's claims of more time count for nothing", async () => {
    const token = await learner('Clock forger');
    const view = (await begin(token)).json;
    const id = view.attemptId;
    const [q] = view.questions;
    const opened = clock;
    clock += 5 * minute + 11_000;
    // Claims in the body are refused outright (the submissions are strict)...
    for (const claim of [{ submittedAt: opened + minute }, { elapsedMs: 1_000 }, { remainingMs: 4 * minute }, { deadline: clock + minute }]) {
      const forged = await section(token, id, 'conceptual', { itemId: q.itemId, selected: pick(q, true), ...claim });
      expect(forged.status).toBe(400);
    }
    // ...and in headers they are not read: the section closed at the server's deadline, with no answer in it.
    const headers = { date: new Date(opened + minute).toUTCString(), 'x-client-time': String(opened + minute) };
    const late = await t.request('POST', `/v1/exams/attempts/${id}/sections/conceptual`, {
      token,
      headers,
      body: { itemId: q.itemId, selected: pick(q, true) },
    });
    expect(late.json.error).toMatchObject({ code: 'time_up' });
    const after = (await t.request('GET', `/v1/exams/attempts/${id}`, { token })).json;
    expect(after.sections[0]).toMatchObject({ submitted: true, timedOut: true, score: 0 });
    expect(after.sections[1].deadline).toBe(clock + 5 * minute);
  });

  it('lists the attempts with their scores and when the next opens; a scripted retake in the cooldown is refused and adds nothing', async () => {
    let token = await learner('Lister');
    const history = (token_: string) => t.request('GET', `/v1/exams/${examCourse.id}/attempts`, { token: token_ });
    expect((await history(token)).json).toMatchObject({ attempts: [], activeAttemptId: null, passed: false, retakeAt: null, retakeCooldownHours: 1 });
    const id = (await begin(token)).json.attemptId;
    expect((await history(token)).json).toMatchObject({ activeAttemptId: id, attempts: [{ attemptId: id, status: 'in-progress', overall: null }] });
    await take(token, id, false);
    const failed = (await history(token)).json;
    expect(failed.attempts).toEqual([
      { attemptId: id, status: 'failed', firstAttempt: true, overall: expect.any(Number), startedAt: clock, finishedAt: clock },
    ]);
    expect(failed).toMatchObject({ activeAttemptId: null, passed: false, retakeAt: clock + 60 * minute });
    // The attack: a scripted client asks again and again (at once, too), with a body claiming the cooldown is over.
    const tries = await Promise.all(
      [0, 1, 2].map(() => t.request('POST', `/v1/exams/${examCourse.id}/attempts`, { token, body: { retakeAt: clock - 1, finishedAt: 0 } })),
    );
    for (const attempt of tries) expect(attempt.json.error).toMatchObject({ code: 'retake_cooldown', details: { retakeAt: failed.retakeAt } });
    expect((await history(token)).json.attempts).toHaveLength(1);
    // Another learner sees none of it; an unknown course is refused as the start route refuses it.
    expect((await history(await learner('Neighbour'))).json.attempts).toEqual([]);
    expect((await t.request('GET', '/v1/exams/unknown/attempts', { token })).json.error.code).toBe('course_not_registered');
    clock += 60 * minute + 1;
    token = await fresh(token);
    expect((await history(token)).json.retakeAt).toBeNull();
    const second = (await begin(token)).json;
    const after = (await history(token)).json;
    expect(after.attempts.map((a: any) => a.attemptId)).toEqual([second.attemptId, id]);
    expect(after).toMatchObject({ activeAttemptId: second.attemptId, retakeAt: null });
  });

  it('a pass that is not the first attempt earns Silver without the bonus, whatever the client claims', async () => {
    let token = await learner('Second try');
    const first = (await begin(token)).json.attemptId;
    await take(token, first, false);
    clock += 2 * 60 * minute;
    token = await fresh(token);
    const second = (await begin(token)).json.attemptId;
    await take(token, second, true);
    expect((await review(second, 100)).json.status).toBe('passed');
    expect((await silver(token)).status).toBe(201);
    const xp = await silverXp(token, { tier: 'silver', firstAttempt: true });
    expect(xp.json.results[0]).toMatchObject({ status: 'accepted', xp: 1000 });
  });
}

describeWhen(true, 'PGlite', 'server-graded exams on PGlite', () => suite('pglite'));
describeWhen(Boolean(testDatabaseUrl), 'a PostgreSQL in DRONA_TEST_DATABASE_URL', 'server-graded exams on PostgreSQL', () => suite('postgresql'));
