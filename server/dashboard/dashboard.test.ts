/* eslint-disable @typescript-eslint/no-explicit-any -- the tests read JSON response bodies field by field. */
// The instructor dashboard against hostile clients (app.request(), PGlite and PostgreSQL): who
// can sign in and see which cohort, what a cohort's table and a learner's page show (only what
// they consented to share: assigned courses), CSV export, and every way in from the wrong side.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWhen } from '../../common/testing/capabilities';
import { cheapPasswords, openTestApi, testDatabaseUrl, type Engine, type TestApi } from '../testing/api-harness';

const start = Date.UTC(2026, 11, 2, 12);
const admin = 'admin-token-for-dashboard';
const password = 'correct horse battery';

function suite(engine: Engine) {
  let t: TestApi;
  const clock = start;
  beforeAll(async () => {
    t = await openTestApi(engine, { now: () => clock, passwordCost: cheapPasswords, adminToken: admin });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  type Who = { learnerId: string; accessToken: string; email: string };
  let n = 0;
  const person = async (name: string): Promise<Who> => {
    const who = (await t.request('POST', '/v1/learners', { body: { displayName: name, timezone: 'UTC' } })).json;
    const email = `p${++n}-${engine}@example.test`;
    expect((await t.request('POST', '/v1/account/credentials', { token: who.accessToken, body: { email, password } })).status).toBe(200);
    return { ...who, email };
  };
  const api = async (who: Who, method: string, path: string, body: unknown = undefined) =>
    (await t.request(method, path, { token: who.accessToken, body })).json;
  /** A browser's request: cookies and form bodies, headers kept. */
  const browse = async (path: string, init: { cookie?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}) => {
    const res = await t.api.request(path, {
      method: init.form ? 'POST' : 'GET',
      headers: {
        ...(init.cookie ? { cookie: init.cookie } : {}),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        host: 'localhost',
        ...init.headers,
      },
      ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
    });
    return { status: res.status, text: await res.text(), headers: res.headers };
  };
  const signIn = async (who: Who) => {
    const res = await browse('/dashboard/sign-in', { form: { email: who.email, password } });
    expect(res.status).toBe(303);
    return res.headers.get('set-cookie')!.split(';')[0]!;
  };
  const completed = (lessonId: string, minutesAgo: number, courseId = 'dash-course') => ({
    idempotencyKey: `${courseId}-${lessonId}-${minutesAgo}`,
    kind: 'lesson-completed',
    courseId,
    lessonId,
    occurredAt: clock - minutesAgo * 60_000,
    activeSeconds: 120,
    timezone: 'UTC',
    facts: { firstAttempt: true },
  });

  /** Organisation A (owner, instructor of cohort A, instructor of nothing, learners) and organisation B. */
  let w: Record<string, any>;
  beforeAll(async () => {
    await t.request('PUT', '/v1/admin/courses/dash-course', {
      headers: { authorization: `Bearer ${admin}` },
      body: {
        id: 'dash-course',
        version: '1.0.0',
        title: 'Dash Course',
        modules: [{ id: 'm', title: 'M', lessons: ['one', 'two', 'three'].map((id) => ({ id, type: 'concept', title: `Lesson ${id}` })) }],
      },
    });
    const owner = await person('Owner A');
    const org = await api(owner, 'POST', '/v1/orgs', { name: 'Org A' });
    const instructor = await person('Instructor A');
    const bystander = await person('Instructor without cohorts');
    for (const who of [instructor, bystander]) {
      const invite = await api(owner, 'POST', `/v1/orgs/${org.id}/invites`, { role: 'instructor' });
      await api(who, 'POST', '/v1/invites/accept', { code: invite.code });
    }
    const cohort = await api(instructor, 'POST', `/v1/orgs/${org.id}/cohorts`, { name: 'Cohort A' });
    await api(instructor, 'POST', `/v1/cohorts/${cohort.id}/assignments`, { courseId: 'dash-course', dueAt: clock + 30 * 86_400_000 });
    const invite = await api(instructor, 'POST', `/v1/orgs/${org.id}/invites`, { role: 'learner', cohortId: cohort.id, maxUses: 5 });
    const learner = await person('<script>alert(1)</script> Ada');
    const idle = await person('Idle Ida');
    for (const who of [learner, idle]) await api(who, 'POST', '/v1/invites/accept', { code: invite.code });
    // One lesson of the assigned course, and work in a course nobody assigned (never shared).
    await api(learner, 'POST', '/v1/events', { events: [completed('one', 90), completed('secret', 30, 'private-course')] });

    const ownerB = await person('Owner B');
    const orgB = await api(ownerB, 'POST', '/v1/orgs', { name: 'Org B' });
    const cohortB = await api(ownerB, 'POST', `/v1/orgs/${orgB.id}/cohorts`, { name: 'Cohort B' });
    const inviteB = await api(ownerB, 'POST', `/v1/orgs/${orgB.id}/invites`, { role: 'learner', cohortId: cohortB.id });
    const learnerB = await person('Bea');
    await api(learnerB, 'POST', '/v1/invites/accept', { code: inviteB.code });
    w = { owner, instructor, bystander, cohort, learner, idle, ownerB, cohortB, learnerB };
  }, 120_000);

  it('shows an instructor their cohort: progress, struggle, risk, the week, a learner, CSV', async () => {
    const cookie = await signIn(w.instructor);
    const list = await browse('/dashboard', { cookie });
    expect(list.status).toBe(200);
    expect(list.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(list.text).toContain('Cohort A');
    expect(list.text).not.toContain('Cohort B');

    const table = await browse(`/dashboard/cohorts/${w.cohort.id}`, { cookie });
    expect(table.status).toBe(200);
    expect(table.text).toContain('1/3 (33%)');
    expect(table.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Ada');
    expect(table.text).not.toContain('<script>');
    expect(table.text).toContain('Idle Ida');
    expect(table.text).toContain('Not started'); // Ida, with a due date a month away
    expect(table.text).not.toContain('private-course');
    // Sorted by name by default; by the course's progress, most first, on asking; one page of two learners.
    expect(table.text).toContain('<th scope="col" aria-sort="ascending"><a href="/dashboard/cohorts/');
    expect(table.text.indexOf('Ada')).toBeLessThan(table.text.indexOf('Idle Ida'));
    const byProgress = await browse(`/dashboard/cohorts/${w.cohort.id}?sort=course-0&dir=desc&page=9`, { cookie });
    expect(byProgress.text).toContain('aria-sort="descending"');
    expect(byProgress.text).toContain('Learners 1–2 of 2.');
    expect(byProgress.text).not.toContain('aria-label="Pages of learners"');
    const ascending = await browse(`/dashboard/cohorts/${w.cohort.id}?sort=course-0&dir=asc`, { cookie });
    expect(ascending.text.indexOf('Idle Ida')).toBeLessThan(ascending.text.indexOf('Ada'));

    const detail = await browse(`/dashboard/cohorts/${w.cohort.id}/learners/${w.learner.learnerId}`, { cookie });
    expect(detail.status).toBe(200);
    expect(detail.text).toContain('Lesson one');
    expect(detail.text).not.toContain('secret');

    const csv = await browse(`/dashboard/cohorts/${w.cohort.id}/export.csv`, { cookie });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`${w.learner.learnerId},dash-course,1,3,33,`);

    // The owner sees every cohort of their organisation, and never another organisation's.
    const ownerCookie = await signIn(w.owner);
    expect((await browse(`/dashboard/cohorts/${w.cohort.id}`, { cookie: ownerCookie })).status).toBe(200);
    expect((await browse(`/dashboard/cohorts/${w.cohortB.id}`, { cookie: ownerCookie })).status).toBe(404);
  });

  it('refuses cohorts, learners and tokens from the wrong side', async () => {
    const cookie = await signIn(w.instructor);
    const denied = [
      `/dashboard/cohorts/${w.cohortB.id}`,
      `/dashboard/cohorts/${w.cohortB.id}/export.csv`,
      `/dashboard/cohorts/${w.cohortB.id}/learners/${w.learnerB.learnerId}`,
      // Another organisation's learner through one's own cohort.
      `/dashboard/cohorts/${w.cohort.id}/learners/${w.learnerB.learnerId}`,
      // A member who is not a learner of the cohort (its instructor).
      `/dashboard/cohorts/${w.cohort.id}/learners/${w.instructor.learnerId}`,
      '/dashboard/cohorts/not-a-uuid',
    ];
    for (const path of denied) expect([path, (await browse(path, { cookie })).status]).toEqual([path, 404]);

    // An instructor of the organisation who does not instruct the cohort, and its learners.
    for (const who of [w.bystander, w.learner, w.learnerB]) {
      const theirs = await signIn(who);
      expect((await browse('/dashboard', { cookie: theirs })).text).not.toContain('Cohort A');
      expect((await browse(`/dashboard/cohorts/${w.cohort.id}`, { cookie: theirs })).status).toBe(404);
      expect((await browse(`/dashboard/cohorts/${w.cohort.id}/export.csv`, { cookie: theirs })).status).toBe(404);
    }

    // An API access token is not a dashboard session, as a header or as the cookie; the cookie is not an API token.
    expect((await browse('/dashboard', { headers: { authorization: `Bearer ${w.instructor.accessToken}` } })).status).toBe(303);
    expect((await browse('/dashboard', { cookie: `drona_dashboard=${w.instructor.accessToken}` })).status).toBe(303);
    expect((await t.request('GET', '/v1/me', { token: cookie.split('=')[1] })).status).toBe(401);

    // Wrong passwords and forms from another site sign no one in.
    expect((await browse('/dashboard/sign-in', { form: { email: w.instructor.email, password: 'wrong password!' } })).status).toBe(401);
    expect((await browse('/dashboard/sign-in', { form: { email: w.instructor.email, password }, headers: { origin: 'https://evil.example' } })).status).toBe(
      403,
    );

    // Signing out ends the session: the same cookie is refused afterwards.
    expect((await browse('/dashboard/sign-out', { cookie, form: {} })).status).toBe(303);
    expect((await browse('/dashboard', { cookie })).status).toBe(303);
  });

  it('serves the stylesheet with the app tokens and the sign-in page without a session', async () => {
    const css = await browse('/dashboard/assets/dashboard.css');
    expect(css.text).toContain('--accent:');
    expect(css.text).toContain('@media (prefers-color-scheme: light)');
    expect((await browse('/dashboard/sign-in')).text).toContain('<form class="sign-in"');
  });
}

describeWhen(true, 'PGlite', 'instructor dashboard on PGlite', () => suite('pglite'));
describeWhen(Boolean(testDatabaseUrl), 'a PostgreSQL in DRONA_TEST_DATABASE_URL', 'instructor dashboard on PostgreSQL', () => suite('postgresql'));
