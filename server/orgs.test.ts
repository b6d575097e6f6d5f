/* eslint-disable @typescript-eslint/no-explicit-any -- the tests read JSON response bodies field by field. */
// Organisations, cohorts, invites and assignments against hostile scripted clients (app.request(),
// PGlite and PostgreSQL): every authorization rule tried from the wrong side, seat limits under
// concurrent joins, invite codes revoked, used up, expired and guessed.
import { expect, it } from 'vitest';
import { describeWhen } from '../common/testing/capabilities';
import { cheapPasswords, useTestApi, testDatabaseUrl, type Engine } from './testing/api-harness';

const start = Date.UTC(2026, 11, 2, 12);
const admin = 'admin-token-for-orgs';

function suite(engine: Engine) {
  let clock = start;
  const t = useTestApi(engine, { now: () => clock, passwordCost: cheapPasswords, guardLimit: { burst: 5, perSecond: 1 / 60 }, adminToken: admin });

  const register = async (name: string): Promise<{ learnerId: string; accessToken: string }> =>
    (await t.request('POST', '/v1/learners', { body: { displayName: name, timezone: 'UTC' } })).json;
  // Each learner calls from an address of their own, as separate people would.
  const as = (who: { learnerId: string; accessToken: string }) => {
    const peer = `198.18.${parseInt(who.learnerId.slice(0, 2), 16)}.${parseInt(who.learnerId.slice(2, 4), 16)}`;
    const call = (method: string, path: string, body?: unknown) => t.request(method, path, { token: who.accessToken, body, peer });
    return {
      get: (path: string) => call('GET', path),
      post: (path: string, body: unknown = {}) => call('POST', path, body),
      del: (path: string, body?: unknown) => call('DELETE', path, body),
      patch: (path: string, body: unknown) => call('PATCH', path, body),
    };
  };
  const seats = (orgId: string, seatLimit: number) =>
    t.request('PUT', `/v1/admin/orgs/${orgId}/seats`, { body: { seatLimit }, headers: { authorization: `Bearer ${admin}` } });

  /** An organisation with cohorts A and B, an instructor of A, a learner in each. */
  const world = async () => {
    const owner = await register('Owner');
    const org = (await as(owner).post('/v1/orgs', { name: 'Bootcamp' })).json;
    const a = (await as(owner).post(`/v1/orgs/${org.id}/cohorts`, { name: 'A' })).json;
    const b = (await as(owner).post(`/v1/orgs/${org.id}/cohorts`, { name: 'B' })).json;
    const instructor = await register('Instructor');
    const teach = (await as(owner).post(`/v1/orgs/${org.id}/invites`, { role: 'instructor', cohortId: a.id })).json;
    expect((await as(instructor).post('/v1/invites/accept', { code: teach.code })).json).toMatchObject({ role: 'instructor', cohortId: a.id });
    const inviteA = (await as(instructor).post(`/v1/orgs/${org.id}/invites`, { role: 'learner', cohortId: a.id, maxUses: 5 })).json;
    const inviteB = (await as(owner).post(`/v1/orgs/${org.id}/invites`, { role: 'learner', cohortId: b.id })).json;
    const learnerA = await register('Learner A');
    const learnerB = await register('Learner B');
    expect((await as(learnerA).post('/v1/invites/accept', { code: inviteA.code })).status).toBe(200);
    expect((await as(learnerB).post('/v1/invites/accept', { code: inviteB.code })).status).toBe(200);
    return { owner, org, a, b, instructor, inviteA, learnerA, learnerB };
  };

  it('lets an instructor run their own cohort and nothing else', async () => {
    const { owner, org, a, b, instructor } = await world();
    expect((await as(instructor).post(`/v1/orgs/${org.id}/invites`, { role: 'learner', cohortId: b.id })).status).toBe(404);
    expect((await as(instructor).post(`/v1/orgs/${org.id}/invites`, { role: 'instructor' })).status).toBe(403);
    expect((await as(instructor).post(`/v1/cohorts/${b.id}/assignments`, { courseId: 'py' })).status).toBe(404);
    expect((await as(instructor).get(`/v1/cohorts/${b.id}/members`)).status).toBe(404);
    expect((await as(instructor).get(`/v1/orgs/${org.id}/members`)).status).toBe(403);
    expect((await as(instructor).patch(`/v1/orgs/${org.id}/members/${instructor.learnerId}`, { role: 'owner' })).status).toBe(403);
    expect((await as(instructor).get(`/v1/orgs/${org.id}/cohorts`)).json.cohorts.map((c: any) => c.name)).toEqual(['A']);
    expect((await as(instructor).get(`/v1/cohorts/${a.id}/members`)).json.members.map((m: any) => m.displayName)).toEqual(['Instructor', 'Learner A']);
    expect((await as(owner).get(`/v1/orgs/${org.id}/cohorts`)).json.cohorts.map((c: any) => c.name)).toEqual(['A', 'B']);
  });

  it('assigns courses with due dates to one cohort; its learners see them, others do not', async () => {
    const { a, b, instructor, learnerA, learnerB } = await world();
    const due = start + 7 * 86_400_000;
    expect((await as(instructor).post(`/v1/cohorts/${a.id}/assignments`, { courseId: 'python-basics', dueAt: due })).status).toBe(201);
    expect((await as(instructor).post(`/v1/cohorts/${a.id}/assignments`, { courseId: 'python-basics', dueAt: due + 1 })).json.dueAt).toBe(due + 1);
    expect((await as(learnerA).get('/v1/me/assignments')).json.assignments).toEqual([
      { cohortId: a.id, courseId: 'python-basics', dueAt: due + 1, assignedAt: start },
    ]);
    expect((await as(learnerB).get('/v1/me/assignments')).json.assignments).toEqual([]);
    expect((await as(learnerB).get(`/v1/cohorts/${a.id}/assignments`)).status).toBe(404);
    expect((await as(learnerA).get(`/v1/cohorts/${b.id}`)).status).toBe(404);
    expect((await as(learnerA).post(`/v1/cohorts/${a.id}/assignments`, { courseId: 'x' })).status).toBe(403);
    expect((await as(learnerA).get(`/v1/cohorts/${a.id}/members`)).status).toBe(403);
    expect((await as(instructor).del(`/v1/cohorts/${a.id}/assignments/python-basics`)).json).toEqual({ removed: true });
    expect((await as(learnerA).get('/v1/me/assignments')).json.assignments).toEqual([]);
  });

  it('keeps learners and outsiders out of what is not theirs', async () => {
    const { org, a, learnerA, learnerB } = await world();
    const outsider = await register('Outsider');
    const rival = await register('Rival owner');
    const rivalOrg = (await as(rival).post('/v1/orgs', { name: 'Rival' })).json;
    for (const who of [outsider, rival]) {
      expect((await as(who).get(`/v1/orgs/${org.id}`)).status).toBe(404);
      expect((await as(who).get(`/v1/cohorts/${a.id}`)).status).toBe(404);
      expect((await as(who).get(`/v1/cohorts/${a.id}/assignments`)).status).toBe(404);
      expect((await as(who).post(`/v1/orgs/${org.id}/cohorts`, { name: 'Mine now' })).status).toBe(404);
    }
    expect((await as(learnerA).post(`/v1/orgs/${org.id}/cohorts`, { name: 'Mine' })).status).toBe(403);
    expect((await as(learnerA).post(`/v1/orgs/${org.id}/invites`, { role: 'learner', cohortId: a.id })).status).toBe(403);
    expect((await as(learnerA).get(`/v1/orgs/${rivalOrg.id}`)).status).toBe(404);
    // A learner may leave; removing someone else needs a manager.
    expect((await as(learnerB).del(`/v1/cohorts/${a.id}/members/${learnerA.learnerId}`)).status).toBe(404);
    expect((await as(learnerA).del(`/v1/orgs/${org.id}/members/${learnerB.learnerId}`)).status).toBe(403);
    expect((await as(learnerA).del(`/v1/cohorts/${a.id}/members/${learnerA.learnerId}`)).json).toEqual({ removed: true });
    expect((await as(learnerA).get(`/v1/cohorts/${a.id}`)).status).toBe(404);
    expect((await as(learnerA).get('/v1/orgs/not-a-uuid')).status).toBe(404);
    expect((await as(learnerA).post(`/v1/orgs/${org.id}/invites`, { role: 'learner' })).status).toBe(400);
  });

  it('removing a member from the organisation removes them from its cohorts; the last owner stays', async () => {
    const { owner, org, a, instructor, learnerA } = await world();
    await as(instructor).post(`/v1/cohorts/${a.id}/assignments`, { courseId: 'py' });
    expect((await as(owner).del(`/v1/orgs/${org.id}/members/${learnerA.learnerId}`)).json).toEqual({ removed: true });
    expect((await as(learnerA).get('/v1/me/assignments')).json.assignments).toEqual([]);
    expect((await as(learnerA).get(`/v1/cohorts/${a.id}`)).status).toBe(404);
    expect((await as(owner).del(`/v1/orgs/${org.id}/members/${owner.learnerId}`)).json.error.code).toBe('sole_owner');
    expect((await as(owner).del('/v1/account', { confirm: 'delete my account' })).json.error.code).toBe('sole_owner');
    expect((await as(owner).patch(`/v1/orgs/${org.id}/members/${instructor.learnerId}`, { role: 'owner' })).json.role).toBe('owner');
    expect((await as(owner).del(`/v1/orgs/${org.id}/members/${owner.learnerId}`)).json).toEqual({ removed: true });
  });

  it('never seats more members than the limit, even when learners join at once', async () => {
    const { owner, org, a, inviteA } = await world();
    expect((await seats(org.id, 10)).status).toBe(200);
    expect((await t.request('PUT', `/v1/admin/orgs/${org.id}/seats`, { body: { seatLimit: 10 } })).status).toBe(401);
    // Four seats taken (owner, instructor, two learners): two left, five learners race for them.
    await seats(org.id, 6);
    const big = (await as(owner).post(`/v1/orgs/${org.id}/invites`, { role: 'learner', cohortId: a.id, maxUses: 50 })).json;
    const racers = await Promise.all(Array.from({ length: 5 }, (_, i) => register(`Racer ${i}`)));
    const results = await Promise.all(racers.map((r) => as(r).post('/v1/invites/accept', { code: big.code })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 409, 409, 409]);
    expect(results.find((r) => r.status === 409)!.json.error.code).toBe('seats_full');
    expect((await as(owner).get(`/v1/orgs/${org.id}`)).json).toMatchObject({ seatLimit: 6, seatsUsed: 6 });
    expect(inviteA.code).toBeTruthy();
  });

  it('refuses invites that are revoked, used up or expired, and limits guessing them', async () => {
    const { owner, org, a } = await world();
    const once = (await as(owner).post(`/v1/orgs/${org.id}/invites`, { role: 'learner', cohortId: a.id, expiresInDays: 1 })).json;
    const revoked = (await as(owner).post(`/v1/orgs/${org.id}/invites`, { role: 'learner', cohortId: a.id })).json;
    expect((await as(owner).del(`/v1/orgs/${org.id}/invites/${revoked.id}`)).json).toEqual({ revoked: true });
    const [first, second] = await Promise.all([register('One'), register('Two')]);
    expect((await as(first!).post('/v1/invites/accept', { code: revoked.code })).json.error.code).toBe('invalid_invite');
    expect((await as(first!).post('/v1/invites/accept', { code: once.code })).status).toBe(200);
    expect((await as(second!).post('/v1/invites/accept', { code: once.code })).json.error.code).toBe('invalid_invite');
    const later = (await as(owner).post(`/v1/orgs/${org.id}/invites`, { role: 'learner', cohortId: a.id, expiresInDays: 1 })).json;
    clock += 2 * 86_400_000;
    const third = await register('Three');
    expect((await as(third).post('/v1/invites/accept', { code: later.code })).json.error.code).toBe('invalid_invite');
    const guesses = [];
    for (let i = 0; i < 7; i++) guesses.push((await as(third).post('/v1/invites/accept', { code: `ABCD-EFGH-JK${i}M` })).status);
    expect(guesses).toEqual([404, 404, 404, 404, 429, 429, 429]);
    clock = start;
  });

  it('refuses a revoked session on every organisation route', async () => {
    const owner = await register('Revoked owner');
    const org = (await as(owner).post('/v1/orgs', { name: 'Gone' })).json;
    const [session] = (await as(owner).get('/v1/auth/sessions')).json.sessions;
    await as(owner).del(`/v1/auth/sessions/${session.id}`);
    for (const res of [
      await as(owner).get('/v1/orgs'),
      await as(owner).get(`/v1/orgs/${org.id}`),
      await as(owner).post(`/v1/orgs/${org.id}/cohorts`, { name: 'x' }),
      await as(owner).post('/v1/invites/accept', { code: 'ABCD-EFGH-JKMN' }),
    ])
      expect(res.json.error.code).toBe('session_revoked');
  });
}

describeWhen(true, 'PGlite', 'organisations on PGlite', () => suite('pglite'));
describeWhen(Boolean(testDatabaseUrl), 'a PostgreSQL in DRONA_TEST_DATABASE_URL', 'organisations on PostgreSQL', () => suite('postgresql'));
