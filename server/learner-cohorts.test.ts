/* eslint-disable @typescript-eslint/no-explicit-any -- the tests read JSON response bodies field by field. */
// The learner's side of cohorts (invite preview, my cohorts, the cohort board) from the right and
// the wrong side, on PGlite and PostgreSQL.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWhen } from '../common/testing/capabilities';
import { cheapPasswords, openTestApi, testDatabaseUrl, type Engine, type TestApi } from './testing/api-harness';

const start = Date.UTC(2026, 11, 2, 12);

function suite(engine: Engine) {
  let t: TestApi;
  beforeAll(async () => {
    t = await openTestApi(engine, { now: () => start, passwordCost: cheapPasswords });
  });
  afterAll(async () => {
    await t?.close();
  });
  type Who = { learnerId: string; accessToken: string };
  const register = async (name: string, optedIn = true): Promise<Who> =>
    (await t.request('POST', '/v1/learners', { body: { displayName: name, timezone: 'UTC', optedIn } })).json;
  const as = (who: Who) => ({
    get: (path: string) => t.request('GET', path, { token: who.accessToken }),
    post: (path: string, body: unknown = {}) => t.request('POST', path, { token: who.accessToken, body }),
  });
  const lessonDone = (who: Who, n: number) =>
    as(who).post('/v1/events', {
      events: Array.from({ length: n }, (_, i) => ({
        idempotencyKey: `done:${who.learnerId}:${i}`,
        kind: 'lesson-completed',
        courseId: 'py',
        lessonId: `l${i}`,
        occurredAt: start - (n - i) * 3_600_000,
        timezone: 'UTC',
        activeSeconds: 600,
        facts: {},
      })),
    });

  it('previews an invite without joining, lists my cohorts, and ranks only visible learners', async () => {
    const owner = await register('Owner');
    const org = (await as(owner).post('/v1/orgs', { name: 'Bootcamp' })).json;
    const cohort = (await as(owner).post(`/v1/orgs/${org.id}/cohorts`, { name: 'Spring' })).json;
    const other = (await as(owner).post(`/v1/orgs/${org.id}/cohorts`, { name: 'Autumn' })).json;
    const invite = (await as(owner).post(`/v1/orgs/${org.id}/invites`, { role: 'learner', cohortId: cohort.id, maxUses: 5 })).json;

    const asha = await register('Asha');
    const preview = await as(asha).post('/v1/invites/preview', { code: invite.code.toLowerCase() });
    expect(preview.json).toEqual({ orgName: 'Bootcamp', cohortName: 'Spring', role: 'learner', expiresAt: invite.expiresAt });
    expect((await as(asha).get('/v1/me/cohorts')).json.cohorts).toEqual([]);
    expect((await as(asha).post('/v1/invites/preview', { code: 'AAAA-BBBB-CCCC' })).status).toBe(404);

    const ben = await register('Ben');
    const hidden = await register('Hidden', false);
    for (const who of [asha, ben, hidden]) expect((await as(who).post('/v1/invites/accept', { code: invite.code })).status).toBe(200);
    const mine = (await as(asha).get('/v1/me/cohorts')).json.cohorts;
    expect(mine).toEqual([{ id: cohort.id, orgId: org.id, orgName: 'Bootcamp', name: 'Spring', role: 'learner', joinedAt: start }]);

    expect((await lessonDone(asha, 2)).status).toBe(200);
    expect((await lessonDone(ben, 3)).status).toBe(200);
    expect((await lessonDone(hidden, 4)).status).toBe(200);
    for (const board of ['week', 'all']) {
      const res = (await as(asha).get(`/v1/cohorts/${cohort.id}/leaderboard?board=${board}`)).json;
      expect(res.hidden).toBe(1);
      expect(res.rows.map((r: any) => [r.rank, r.displayName, r.me])).toEqual([
        [1, 'Ben', false],
        [2, 'Asha', true],
      ]);
      expect(res.rows[0].score).toBeGreaterThan(res.rows[1].score);
    }
    // The hidden learner sees themselves, and nobody sees the learners of a cohort they are not in.
    expect((await as(hidden).get(`/v1/cohorts/${cohort.id}/leaderboard`)).json.rows.map((r: any) => r.displayName)).toEqual(['Hidden', 'Ben', 'Asha']);
    const stranger = await register('Stranger');
    expect((await as(stranger).get(`/v1/cohorts/${cohort.id}/leaderboard`)).status).toBe(404);
    expect((await as(asha).get(`/v1/cohorts/${other.id}/leaderboard`)).status).toBe(404);
    expect((await as(asha).get(`/v1/cohorts/${cohort.id}/leaderboard?board=streak`)).status).toBe(400);
  });
}

describeWhen(true, 'PGlite', 'learner cohorts on PGlite', () => suite('pglite'));
describeWhen(Boolean(testDatabaseUrl), 'a PostgreSQL in DRONA_TEST_DATABASE_URL', 'learner cohorts on PostgreSQL', () => suite('postgresql'));
