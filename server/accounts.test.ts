/* eslint-disable @typescript-eslint/no-explicit-any -- the tests read JSON response bodies field by field. */
// Accounts end to end through app.request() on PGlite and PostgreSQL: sign-in with a password,
// linking a second computer with a code, sessions revoked for good, the restore feed replayed
// without double counting, export and deletion of everything the server holds.
import { expect, it } from 'vitest';
import { sql } from './db/database';
import { describeWhen } from '../common/testing/capabilities';
import { cheapPasswords, useTestApi, testDatabaseUrl, type Engine } from './testing/api-harness';
import { eventFeedResponse, sessionsResponse } from '../common/sync-api/account-schemas';

const start = Date.UTC(2026, 11, 2, 12);

function suite(engine: Engine) {
  let clock = start;
  let n = 0;
  const t = useTestApi(engine, { now: () => clock, passwordCost: cheapPasswords, guardLimit: { burst: 5, perSecond: 1 / 60 } });

  const register = async (name: string) => (await t.request('POST', '/v1/learners', { body: { displayName: name, timezone: 'UTC' } })).json;
  const withPassword = async (name: string) => {
    const learner = await register(name);
    const email = `${name.toLowerCase()}-${++n}@example.test`;
    const set = await t.request('POST', '/v1/account/credentials', { token: learner.accessToken, body: { email, password: 'correct horse battery' } });
    expect(set.status).toBe(200);
    return { ...learner, email };
  };
  const signIn = (email: string, password: string, ip = '198.51.100.1') =>
    t.request('POST', '/v1/auth/sign-in', { body: { email, password, deviceName: 'Laptop' }, peer: ip });

  it('signs in on a second computer with email and password, and lists both sessions', async () => {
    const asha = await withPassword('Asha');
    const second = await signIn(asha.email.toUpperCase(), 'correct horse battery');
    expect(second.status).toBe(200);
    expect(second.json.learnerId).toBe(asha.learnerId);
    const listed = sessionsResponse.parse((await t.request('GET', '/v1/auth/sessions', { token: second.json.accessToken })).json);
    expect(listed.sessions.map((s) => [s.deviceName, s.current]).sort()).toEqual([
      ['Computer', false],
      ['Laptop', true],
    ]);
    const wrong = await signIn(asha.email, 'not the password');
    const unknown = await signIn('nobody@example.test', 'not the password');
    // Same answer for a wrong password and an unknown email: sign-in does not reveal accounts.
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.json.error).toEqual(unknown.json.error);
  });

  it('changes a password only with the current one, and keeps emails unique', async () => {
    const val = await withPassword('Val');
    const other = await withPassword('Other');
    const change = (token: string, body: object) => t.request('POST', '/v1/account/credentials', { token, body });
    expect((await change(val.accessToken, { email: val.email, password: 'a new long password' })).json.error.code).toBe('wrong_password');
    expect((await change(val.accessToken, { email: val.email, password: 'a new long password', currentPassword: 'correct horse battery' })).status).toBe(200);
    expect((await signIn(val.email, 'a new long password', '198.51.100.2')).status).toBe(200);
    expect((await change(other.accessToken, { email: val.email, password: 'x'.repeat(12), currentPassword: 'correct horse battery' })).json.error.code).toBe(
      'email_taken',
    );
    expect((await change(other.accessToken, { email: 'short@example.test', password: 'short' })).status).toBe(400);
  });

  it('links a computer with a single-use code that expires', async () => {
    const kai = await register('Kai');
    const shown = await t.request('POST', '/v1/auth/link-codes', { token: kai.accessToken });
    expect(shown.status).toBe(201);
    expect(shown.json.code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    // Typed in lower case without the dash, it still links.
    const typed = shown.json.code.toLowerCase().replace('-', ' ');
    const linked = await t.request('POST', '/v1/auth/link', { body: { code: typed, deviceName: 'Desktop' }, peer: '203.0.113.9' });
    expect(linked.status).toBe(200);
    expect(linked.json.learnerId).toBe(kai.learnerId);
    const again = await t.request('POST', '/v1/auth/link', { body: { code: shown.json.code }, peer: '203.0.113.9' });
    expect(again.json.error.code).toBe('invalid_code');
    const late = (await t.request('POST', '/v1/auth/link-codes', { token: kai.accessToken })).json.code;
    clock += 11 * 60_000;
    expect((await t.request('POST', '/v1/auth/link', { body: { code: late }, peer: '203.0.113.10' })).json.error.code).toBe('invalid_code');
    clock = start;
  });

  it('refuses a revoked session at once, its refresh token and its access token alike', async () => {
    const mo = await withPassword('Mo');
    const laptop = (await signIn(mo.email, 'correct horse battery', '198.51.100.3')).json;
    const sessions = sessionsResponse.parse((await t.request('GET', '/v1/auth/sessions', { token: mo.accessToken })).json).sessions;
    const laptopSession = sessions.find((s) => !s.current)!;
    // Another learner cannot revoke (or even see) Mo's sessions.
    const stranger = await register('Stranger');
    expect((await t.request('DELETE', `/v1/auth/sessions/${laptopSession.id}`, { token: stranger.accessToken })).status).toBe(404);
    expect((await t.request('DELETE', `/v1/auth/sessions/${laptopSession.id}`, { token: mo.accessToken })).json).toEqual({ revoked: true });
    expect((await t.request('POST', '/v1/auth/refresh', { body: { refreshToken: laptop.refreshToken } })).json.error.code).toBe('invalid_refresh');
    expect((await t.request('GET', '/v1/auth/sessions', { token: laptop.accessToken })).json.error.code).toBe('session_revoked');
    expect((await t.request('POST', '/v1/auth/link-codes', { token: laptop.accessToken })).json.error.code).toBe('session_revoked');
    // The session that revoked it goes on.
    expect((await t.request('GET', '/v1/auth/sessions', { token: mo.accessToken })).status).toBe(200);
  });

  it('rate-limits guessing passwords (per email, whatever the address) and link codes', async () => {
    const target = await withPassword('Target');
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await signIn(target.email, `guess number ${i}`, `192.0.2.${i}`)).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    // Even the right password waits until the bucket refills.
    expect((await signIn(target.email, 'correct horse battery', '192.0.2.50')).status).toBe(429);
    clock += 60_000;
    expect((await signIn(target.email, 'correct horse battery', '192.0.2.50')).status).toBe(200);
    const guesses: number[] = [];
    for (let i = 0; i < 7; i++) guesses.push((await t.request('POST', '/v1/auth/link', { body: { code: `AAAA-AAA${i}` }, peer: '192.0.2.77' })).status);
    expect(guesses.filter((s) => s === 429)).toHaveLength(2);
    clock = start + 3600_000;
  });

  it('restores progress on a new computer from the event feed, and replaying it counts nothing twice', async () => {
    const rae = await register('Rae');
    const events = Array.from({ length: 5 }, (_, i) => ({
      idempotencyKey: `restore-${i}`,
      kind: 'lesson-completed',
      courseId: 'py',
      lessonId: `l${i}`,
      occurredAt: clock - 3 * 3600_000 + i * 600_000,
      // Two completed too fast: refused for XP, restored all the same, in the batch's order.
      activeSeconds: i % 2 === 1 ? 5 : 120,
      facts: { note: i },
    }));
    await t.request('POST', '/v1/events', { token: rae.accessToken, body: { events } });
    const xp = (await t.request('GET', '/v1/me', { token: rae.accessToken })).json.totalXp;
    const code = (await t.request('POST', '/v1/auth/link-codes', { token: rae.accessToken })).json.code;
    const other = (await t.request('POST', '/v1/auth/link', { body: { code }, peer: '203.0.113.40' })).json;
    const restored = [];
    let after = 0;
    for (;;) {
      const page = eventFeedResponse.parse((await t.request('GET', `/v1/events?after=${after}&limit=2`, { token: other.accessToken })).json);
      restored.push(...page.events);
      if (page.next === null) break;
      after = page.next;
    }
    expect(restored.map((e) => e.idempotencyKey)).toEqual(events.map((e) => e.idempotencyKey));
    expect(restored[2]).toMatchObject({ courseId: 'py', lessonId: 'l2', activeSeconds: 120, facts: { note: 2 }, refused: null });
    expect(restored[1]).toMatchObject({ lessonId: 'l1', xp: 0, refused: 'too_fast', facts: { note: 1 } });
    // The new computer's outbox re-sends what it replayed: nothing counts twice, a refusal stays one.
    const resent = await t.request('POST', '/v1/events', { token: other.accessToken, body: { events } });
    expect(resent.json.results.map((r: any) => r.code ?? r.status)).toEqual(['duplicate', 'too_fast', 'duplicate', 'too_fast', 'duplicate']);
    expect((await t.request('GET', '/v1/me', { token: other.accessToken })).json.totalXp).toBe(xp);
    expect((await t.request('GET', '/v1/events?limit=5000', { token: other.accessToken })).status).toBe(400);
  });

  it('exports everything it holds about a learner, then deletes all of it', async () => {
    const eve = await withPassword('Eve');
    await t.request('POST', '/v1/events', {
      token: eve.accessToken,
      body: { events: [{ idempotencyKey: 'eve-1', kind: 'lesson-completed', courseId: 'py', lessonId: 'a', occurredAt: clock - 3600_000, activeSeconds: 90 }] },
    });
    const exported = await t.request('GET', '/v1/account/export', { token: eve.accessToken });
    expect(exported.json.events).toHaveLength(1);
    expect(exported.json.accounts).toEqual([expect.objectContaining({ email: eve.email })]);
    expect(JSON.stringify(exported.json)).not.toContain('scrypt$');
    expect(exported.json.scores.length).toBeGreaterThan(0);
    const countsBefore = await t.db.query<{ n: number }>(sql`select coalesce(sum(n), 0)::int as n from score_counts where board = 'all'`);
    expect((await t.request('DELETE', '/v1/account', { token: eve.accessToken, body: {} })).status).toBe(400);
    expect((await t.request('DELETE', '/v1/account', { token: eve.accessToken, body: { confirm: 'delete my account' } })).json).toEqual({ deleted: true });
    // Every table that names a learner in a learner_id column, and learners itself, keeps nothing of Eve's.
    const named = (
      await t.db.query<{ table_name: string }>(
        sql`select table_name from information_schema.columns where column_name = 'learner_id' and table_schema = current_schema()`,
      )
    ).map((r) => r.table_name);
    expect(named).toEqual(
      expect.arrayContaining(['accounts', 'sessions', 'refresh_tokens', 'events', 'refused_events', 'daily_xp', 'course_progress', 'scores', 'league_members']),
    );
    for (const [table, column] of [['learners', 'id'], ...named.map((table) => [table, 'learner_id'])] as [string, string][])
      expect(await t.db.query(sql`select 1 from ${sql.identifier(table)} where ${sql.identifier(column)} = ${eve.learnerId}`), table).toHaveLength(0);
    const countsAfter = await t.db.query<{ n: number }>(sql`select coalesce(sum(n), 0)::int as n from score_counts where board = 'all'`);
    expect(countsAfter[0]!.n).toBe(countsBefore[0]!.n - 1);
    expect((await t.request('GET', '/v1/auth/sessions', { token: eve.accessToken })).json.error.code).toBe('session_revoked');
    expect((await t.request('POST', '/v1/auth/refresh', { body: { refreshToken: eve.refreshToken } })).status).toBe(401);
    expect((await signIn(eve.email, 'correct horse battery', '198.51.100.99')).status).toBe(401);
  });
}

describeWhen(true, 'PGlite', 'accounts on PGlite', () => suite('pglite'));
describeWhen(Boolean(testDatabaseUrl), 'a PostgreSQL in DRONA_TEST_DATABASE_URL', 'accounts on PostgreSQL', () => suite('postgresql'));
