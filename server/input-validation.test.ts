/* eslint-disable @typescript-eslint/no-explicit-any -- the tests read JSON response bodies field by field. */
// Strings the database cannot store (U+0000, lone UTF-16 surrogates) and malformed cursors and
// ids, sent by a scripted client: each is a 400 (or a per-event rejection) naming the field,
// never a 500, and a bad event does not take the good ones of its batch down with it.
import { beforeAll, expect, it } from 'vitest';
import { describeWhen } from '../common/testing/capabilities';
import { sql } from './db/database';
import { useTestApi, testDatabaseUrl, type Engine } from './testing/api-harness';

const now = Date.UTC(2026, 10, 23, 12);
const admin = 'admin-token-for-validation';
// JSON text as a client would send it: "\u0000" and a lone "\ud800" are valid JSON escapes.
const NUL = '\\u0000';
const LONE = '\\ud800';

function suite(engine: Engine) {
  let token = '';
  const t = useTestApi(engine, { now: () => now, adminToken: admin });
  beforeAll(async () => {
    token = (await t.request('POST', '/v1/learners', { body: { displayName: 'Valid', timezone: 'UTC' } })).json.accessToken;
  });

  const expect400 = (res: { status: number; json: any }, field: string) => {
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.json.error)).toContain(field);
  };

  it('refuses NUL and lone surrogates in names and profile fields with 400', async () => {
    expect400(await t.request('POST', '/v1/learners', { body: `{"displayName":"A${NUL}B","timezone":"UTC"}` }), 'displayName');
    expect400(await t.request('POST', '/v1/learners', { body: `{"displayName":"A${LONE}B","timezone":"UTC"}` }), 'displayName');
    expect400(await t.request('POST', '/v1/learners', { body: `{"displayName":"Ok","timezone":"UTC${NUL}"}` }), 'timezone');
    expect400(await t.request('PATCH', '/v1/me', { token, body: `{"displayName":"\\udc00Z"}` }), 'displayName');
    expect((await t.request('GET', '/v1/me', { token })).json.displayName).toBe('Valid');
    expect((await t.request('POST', '/v1/auth/refresh', { body: `{"refreshToken":"${'a'.repeat(30)}${NUL}"}` })).status).toBe(400);
  });

  it('keeps the good events of a batch and rejects each bad one by name', async () => {
    let at = now - 10 * 3600_000;
    let n = 0;
    const event = (facts: string, extra = '') =>
      `{"idempotencyKey":"v-${++n}","kind":"lesson-completed","courseId":"c","lessonId":"l${n}","occurredAt":${(at += 600_000)},"activeSeconds":300,"timezone":"UTC","facts":${facts}${extra}}`;
    const batch = [
      event('{}'),
      event(`{"note":"x${NUL}y"}`),
      event('{}'),
      event('{}', `,"lessonId":"l${LONE}"`),
      event(`{"k${LONE}":1}`),
      event(`{"deep":{"er":["${NUL}"]}}`),
      event('{}'),
    ];
    const res = await t.request('POST', '/v1/events', { token, body: `{"events":[${batch.join(',')}]}` });
    expect(res.status).toBe(200);
    expect(res.json.results.map((r: any) => r.status)).toEqual(['accepted', 'rejected', 'accepted', 'rejected', 'rejected', 'rejected', 'accepted']);
    expect(res.json.results[1]).toMatchObject({ idempotencyKey: 'v-2', code: 'invalid_event', message: expect.stringContaining('facts.note') });
    expect(res.json.results[3].message).toContain('lessonId');
    expect(res.json.results[5].message).toContain('facts.deep.er.0');
    const stored = await t.db.query<{ n: number }>(sql`select count(*)::int as n from events where idempotency_key like 'v-%'`);
    expect(stored[0]!.n).toBe(3);
    expect((await t.request('GET', '/v1/me', { token })).json.totalXp).toBe(50 + 55 + 55); // the second and third on the streak
    // A batch of only bad events stores nothing and says so for each.
    const allBad = await t.request('POST', '/v1/events', { token, body: `{"events":[${event(`{"a":"${NUL}"}`)},{"kind":"nope"}]}` });
    expect(allBad.json.results.map((r: any) => [r.status, r.code])).toEqual([
      ['rejected', 'invalid_event'],
      ['rejected', 'invalid_event'],
    ]);
  });

  it('answers 400 for a bad leaderboard cursor and 404/400 for bad ids, never 500', async () => {
    for (const after of ['99999999999999999999:00000000-0000-0000-0000-000000000000', '1:abc', `1:${'\u0000'}`, '1e3:x', `5:${'a'.repeat(36)}`]) {
      const res = await t.request('GET', `/v1/leaderboards/all?after=${encodeURIComponent(after)}`, { token });
      expect(res.status, after).toBe(400);
    }
    const good = await t.request('GET', `/v1/leaderboards/all?after=${encodeURIComponent('5:00000000-0000-4000-8000-000000000000')}`, { token });
    expect(good.status).toBe(200);
    expect((await t.request('GET', '/v1/leaderboards/course%3Aa%00b', { token })).status).toBe(400);
    expect((await t.request('GET', '/v1/credentials/a%00b')).status).toBe(404);
    expect((await t.request('GET', '/verify/a%00b')).status).toBe(404);
    expect((await t.request('POST', '/v1/admin/certificates/a%00b/revoke', { token: admin, body: {} })).status).toBe(404);
    expect(
      (await t.request('POST', '/v1/admin/certificates/00000000-0000-4000-8000-000000000000/revoke', { token: admin, body: `{"reason":"r${NUL}"}` })).status,
    ).toBe(400);
    expect400(await t.request('POST', '/v1/certificates', { token, body: `{"courseId":"c${NUL}","tier":"bronze"}` }), 'courseId');
    expect400(
      await t.request('PUT', '/v1/admin/courses/c', {
        token: admin,
        body: `{"id":"c","version":"1","title":"T${LONE}","modules":[{"id":"m","title":"M","lessons":[{"id":"l","type":"concept","title":"L"}]}]}`,
      }),
      'title',
    );
  });
}

describeWhen(true, 'PGlite', 'input validation on PGlite', () => suite('pglite'));
describeWhen(Boolean(testDatabaseUrl), 'a PostgreSQL in DRONA_TEST_DATABASE_URL', 'input validation on PostgreSQL', () => suite('postgresql'));
