/* eslint-disable @typescript-eslint/no-explicit-any -- the tests read JSON response bodies field by field. */
// The learner's side of cohorts (invite preview, my cohorts, the cohort board) from the right and
// the wrong side, on PGlite and PostgreSQL.
import { expect, it } from 'vitest';
import { describeWhen } from '../common/testing/capabilities';
import { cheapPasswords, useTestApi, testDatabaseUrl, type Engine } from './testing/api-harness';

const start = Date.UTC(2026, 11, 2, 12);

function suite(engine: Engine) {
  const t = useTestApi(engine, { now: () => start, passwordCost: cheapPasswords });
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

  it('previews an invite without joining, lists my cohorts, and ranks only learners who chose the board', async () => {
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
    // On the global leaderboards, but not on this cohort's board: joining leaves it off unless chosen.
    const hidden = await register('Hidden', true);
    for (const who of [asha, ben]) expect((await as(who).post('/v1/invites/accept', { code: invite.code, onBoard: true })).status).toBe(200);
    expect((await as(hidden).post('/v1/invites/accept', { code: invite.code })).status).toBe(200);
    const mine = (await as(asha).get('/v1/me/cohorts')).json.cohorts;
    expect(mine).toEqual([{ id: cohort.id, orgId: org.id, orgName: 'Bootcamp', name: 'Spring', role: 'learner', joinedAt: start, onBoard: true }]);
    expect((await as(hidden).get('/v1/me/cohorts')).json.cohorts[0].onBoard).toBe(false);

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

  it('lets only the learner themself choose the cohort board: nobody can opt another in', async () => {
    const owner = await register('Owner2');
    const org = (await as(owner).post('/v1/orgs', { name: 'Camp' })).json;
    const cohort = (await as(owner).post(`/v1/orgs/${org.id}/cohorts`, { name: 'Summer' })).json;
    const invite = (await as(owner).post(`/v1/orgs/${org.id}/invites`, { role: 'learner', cohortId: cohort.id, maxUses: 5 })).json;
    const [kim, lee, shy] = [await register('Kim'), await register('Lee'), await register('Shy')];
    for (const who of [kim, lee]) await as(who).post('/v1/invites/accept', { code: invite.code, onBoard: true });
    await as(shy).post('/v1/invites/accept', { code: invite.code, onBoard: false });
    for (const who of [kim, lee, shy]) expect((await lessonDone(who, 2)).status).toBe(200);
    const names = async (who: Who) => {
      const week = (await as(who).get(`/v1/cohorts/${cohort.id}/leaderboard?board=week`)).json;
      const all = (await as(who).get(`/v1/cohorts/${cohort.id}/leaderboard?board=all`)).json;
      expect(all.rows.map((r: any) => r.displayName).sort()).toEqual(week.rows.map((r: any) => r.displayName).sort());
      return week.rows.map((r: any) => r.displayName).sort();
    };
    const board = (who: Who, body: unknown) => as(who).post(`/v1/cohorts/${cohort.id}/board`, body);
    // Kim tries to opt Shy in by naming her: only Kim's own row is touched.
    expect((await board(kim, { onBoard: true, learnerId: shy.learnerId })).json).toEqual({ cohortId: cohort.id, onBoard: true });
    // The owner manages the cohort but has no row on its board to set, and a stranger none either.
    expect((await board(owner, { onBoard: true, learnerId: shy.learnerId })).status).toBe(404);
    const stranger = await register('Stranger2');
    expect((await board(stranger, { onBoard: true })).status).toBe(404);
    expect((await board(kim, { onBoard: 'yes' })).status).toBe(400);
    for (const who of [kim, lee]) expect(await names(who)).toEqual(['Kim', 'Lee']);
    expect((await as(kim).get(`/v1/cohorts/${cohort.id}/leaderboard`)).json.hidden).toBe(1);
    // Shy sees her own row only; once she opts in, everyone sees her; once Lee opts out, nobody else sees him.
    expect(await names(shy)).toEqual(['Kim', 'Lee', 'Shy']);
    expect((await board(shy, { onBoard: true })).status).toBe(200);
    expect(await names(kim)).toEqual(['Kim', 'Lee', 'Shy']);
    expect((await board(lee, { onBoard: false })).status).toBe(200);
    expect(await names(kim)).toEqual(['Kim', 'Shy']);
    expect(await names(lee)).toEqual(['Kim', 'Lee', 'Shy']);
    // Joining again (a second invite) keeps the choice made.
    await as(lee).post('/v1/invites/accept', { code: invite.code, onBoard: true });
    expect(await names(kim)).toEqual(['Kim', 'Shy']);
  });
}

describeWhen(true, 'PGlite', 'learner cohorts on PGlite', () => suite('pglite'));
describeWhen(Boolean(testDatabaseUrl), 'a PostgreSQL in DRONA_TEST_DATABASE_URL', 'learner cohorts on PostgreSQL', () => suite('postgresql'));
