/* eslint-disable @typescript-eslint/no-explicit-any -- the tests read JSON response bodies field by field. */
// The hosted API end to end through app.request(), against PGlite and (when
// DRONA_TEST_DATABASE_URL is set, as .ci/run does) a real PostgreSQL.
import { expect, it } from 'vitest';
import { verifyCredentialJwt } from './certificates';
import { describeWhen } from '../common/testing/capabilities';
import { testDatabaseUrl, useTestApi } from './testing/api-harness';
import { defaultPlausibility } from '../common/rules/plausibility';

const day = 86_400_000;
// Monday 2026-11-23 12:00 UTC.
const start = Date.UTC(2026, 10, 23, 12);

function suite(engine: 'pglite' | 'postgresql') {
  let clock = start;
  const admin = 'admin-secret-token';
  const t = useTestApi(engine, { adminToken: admin, rateLimit: { burst: 100, perSecond: 1 }, now: () => clock });
  const request = (method: string, path: string, init: { token?: string; body?: unknown } = {}) => t.request(method, path, init);

  let counter = 0;
  const register = async (name: string, timezone = 'UTC', optedIn = true) => {
    const res = await request('POST', '/v1/learners', { body: { displayName: name, timezone, optedIn } });
    expect(res.status).toBe(201);
    return res.json as { learnerId: string; accessToken: string; refreshToken: string };
  };
  const event = (kind: string, at: number, extra: Record<string, unknown> = {}) => ({
    idempotencyKey: `k-${++counter}`,
    kind,
    occurredAt: at,
    timezone: 'UTC',
    activeSeconds: 30,
    facts: {},
    ...extra,
  });
  const send = async (token: string, events: unknown[]) => request('POST', '/v1/events', { token, body: { events } });

  it('answers health and readiness', async () => {
    expect((await request('GET', '/healthz')).json).toEqual({ status: 'ok' });
    expect((await request('GET', '/readyz')).json).toEqual({ status: 'ready', database: engine });
  });

  it('authenticates every request and rotates refresh tokens, revoking a reused one', async () => {
    const none = await request('GET', '/v1/me');
    expect(none.status).toBe(401);
    expect(none.json.error.code).toBe('unauthenticated');
    expect((await request('GET', '/v1/me', { token: 'forged' })).json.error.code).toBe('invalid_token');
    const learner = await register('Asha');
    expect((await request('GET', '/v1/me', { token: learner.accessToken })).json.displayName).toBe('Asha');
    const rotated = await request('POST', '/v1/auth/refresh', { body: { refreshToken: learner.refreshToken } });
    expect(rotated.status).toBe(200);
    expect(rotated.json.refreshToken).not.toBe(learner.refreshToken);
    const reused = await request('POST', '/v1/auth/refresh', { body: { refreshToken: learner.refreshToken } });
    expect(reused.json.error.code).toBe('refresh_reused');
    // Reuse revoked the whole family, including the token that replaced it.
    const after = await request('POST', '/v1/auth/refresh', { body: { refreshToken: rotated.json.refreshToken } });
    expect(after.json.error.code).toBe('invalid_refresh');
    clock += 16 * 60_000; // access tokens expire
    expect((await request('GET', '/v1/me', { token: learner.accessToken })).json.error.code).toBe('invalid_token');
    clock = start;
  });

  it('validates input and answers JSON errors with a code and a message', async () => {
    const bad = await request('POST', '/v1/learners', { body: { displayName: '', timezone: 'UTC' } });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ code: 'invalid_input' });
    expect(typeof bad.json.error.message).toBe('string');
    expect((await request('POST', '/v1/learners', { body: '{not json' })).json.error.code).toBe('invalid_json');
    expect((await request('POST', '/v1/learners', { body: { displayName: 'X', timezone: 'Mars/Base' } })).json.error.code).toBe('invalid_input');
    const learner = await register('Val');
    const wrongKind = await send(learner.accessToken, [{ ...event('lesson-completed', start), kind: 'total-xp' }]);
    // A malformed event is rejected by name; the rest of its batch is not lost with it.
    expect(wrongKind.json.results).toEqual([
      expect.objectContaining({ status: 'rejected', code: 'invalid_event', message: expect.stringContaining('events[0].kind') }),
    ]);
    expect((await request('GET', '/v1/leaderboards/everything', { token: learner.accessToken })).status).toBe(400);
    expect((await request('GET', '/nowhere')).json.error.code).toBe('not_found');
  });

  it('limits requests per token', async () => {
    const learner = await register('Rapid');
    const other = await register('Calm');
    const statuses: number[] = [];
    for (let i = 0; i < 105; i++) statuses.push((await request('GET', '/v1/me', { token: learner.accessToken })).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    const limited = await request('GET', '/v1/me', { token: learner.accessToken });
    expect(limited.json.error.code).toBe('rate_limited');
    // Another learner's bucket is untouched.
    expect((await request('GET', '/v1/me', { token: other.accessToken })).status).toBe(200);
    clock += 5_000;
    expect((await request('GET', '/v1/me', { token: learner.accessToken })).status).toBe(200);
    clock = start;
  });

  it('limits ingestion per token when concurrent requests share a transaction, storing nothing of a refused one', async () => {
    const learner = await register('Burst');
    // The registration took no token of the learner's: 105 requests at once against a burst of 100.
    const statuses = (
      await Promise.all(Array.from({ length: 105 }, (_, i) => send(learner.accessToken, [event('lesson-completed', start - day + i * 60_000)])))
    ).map((res) => res.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(100);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    // A batch with no valid event takes its token too.
    expect((await send(learner.accessToken, [{ kind: 'total-xp' }])).status).toBe(429);
    clock += 10_000;
    const stored = await request('GET', '/v1/events?limit=500', { token: learner.accessToken });
    expect(stored.status).toBe(200);
    expect(stored.json.events).toHaveLength(100);
    clock = start;
  });

  it('ingests each event once, whatever the number of retries', async () => {
    const learner = await register('Once');
    const events = [
      event('lesson-completed', start - 3600_000, { courseId: 'c1', lessonId: 'l1' }),
      event('quiz-passed', start - 1800_000, { courseId: 'c1', lessonId: 'q1', facts: { score: 90 } }),
    ];
    const first = await send(learner.accessToken, events);
    expect(first.json.results.map((r: any) => r.status)).toEqual(['accepted', 'accepted']);
    expect(first.json.results.map((r: any) => r.xp)).toEqual([50, 100]);
    const again = await send(learner.accessToken, events);
    expect(again.json.results.map((r: any) => r.status)).toEqual(['duplicate', 'duplicate']);
    const me = await request('GET', '/v1/me', { token: learner.accessToken });
    expect(me.json.totalXp).toBe(150);
  });

  it('rejects implausible events and caps daily XP', async () => {
    const learner = await register('Cheat');
    const results = (
      await send(learner.accessToken, [
        event('lesson-completed', start + day),
        event('lesson-completed', start - 31 * day),
        event('lesson-completed', start - 600_000, { activeSeconds: 3 }),
        event('lesson-completed', start - 500_000),
        event('lesson-completed', start - 495_000),
      ])
    ).json.results;
    expect(results.map((r: any) => r.code ?? r.status)).toEqual(['future', 'too_old', 'too_fast', 'accepted', 'overlap']);
    // 80 challenges of 150 XP in one day: only the cap counts.
    const many = Array.from({ length: 80 }, (_, i) => event('challenge-completed', start - 3 * 3600_000 + i * 61_000, { activeSeconds: 60 }));
    await send(learner.accessToken, many);
    const me = await request('GET', '/v1/me', { token: learner.accessToken });
    expect(me.json.totalXp).toBe(defaultPlausibility.dailyXpCap);
  });

  it('ranks learners by counting those ahead, with the ten around, and hides those who opt out', async () => {
    const course = `rank-${engine}`;
    const learners = [];
    for (let i = 0; i < 15; i++) {
      const learner = await register(`R${String(i).padStart(2, '0')}`);
      learners.push(learner);
      // Learner i completes i+1 lessons of the course: 50 XP, then 55 each on the streak; two learners tie.
      const n = i === 14 ? 14 : i + 1;
      await send(
        learner.accessToken,
        Array.from({ length: n }, (_, j) => event('lesson-completed', start - 20 * 3600_000 + j * 60_000, { courseId: course, lessonId: `l${j}` })),
      );
    }
    const board = encodeURIComponent(`course:${course}`);
    const around = await request('GET', `/v1/leaderboards/${board}/around-me`, { token: learners[7]!.accessToken });
    expect(around.json.me).toMatchObject({ rank: 8, score: 435 });
    expect(around.json.above.map((r: any) => r.rank)).toEqual([3, 4, 5, 6, 7]);
    expect(around.json.below.map((r: any) => r.rank)).toEqual([9, 10, 11, 12, 13]);
    expect(around.json.above.map((r: any) => r.score)).toEqual([710, 655, 600, 545, 490]);
    // Ties (learners 13 and 14 both at 765) break by learner id, consistently across pages.
    const page1 = await request('GET', `/v1/leaderboards/${board}?limit=4`, { token: learners[0]!.accessToken });
    expect(page1.json.rows.map((r: any) => r.score)).toEqual([765, 765, 710, 655]);
    const page2 = await request('GET', `/v1/leaderboards/${board}?limit=4&after=${encodeURIComponent(page1.json.next)}`, { token: learners[0]!.accessToken });
    expect(page2.json.rows.map((r: any) => [r.rank, r.score])).toEqual([
      [5, 600],
      [6, 545],
      [7, 490],
      [8, 435],
    ]);
    const tied = await Promise.all([learners[13]!, learners[14]!].map((l) => request('GET', `/v1/leaderboards/${board}/around-me`, { token: l.accessToken })));
    expect(tied.map((t) => t.json.me.rank).sort()).toEqual([1, 2]);
    // The rank from counting agrees with the position on the page, ties included.
    for (const t of tied) expect(page1.json.rows.findIndex((r: any) => r.learnerId === t.json.me.learnerId) + 1).toBe(t.json.me.rank);
    // Opting out removes a learner from everyone's view, and ranks close up.
    await request('PATCH', '/v1/me', { token: learners[12]!.accessToken, body: { optedIn: false } });
    const after = await request('GET', `/v1/leaderboards/${board}/around-me`, { token: learners[7]!.accessToken });
    expect(after.json.me.rank).toBe(7);
    expect(after.json.above.map((r: any) => r.learnerId)).not.toContain(learners[12]!.learnerId);
    const hidden = await request('GET', `/v1/leaderboards/${board}/around-me`, { token: learners[12]!.accessToken });
    expect(hidden.json.me).toBeNull();
  });

  it("rolls leagues over at the end of each learner's own week, promoting the top and demoting the bottom", async () => {
    // Sunday 2026-11-29 20:00 UTC: still week 48 in New York, already week 49 in Tokyo (Monday 05:00).
    const sunday = Date.UTC(2026, 10, 29, 20);
    expect(await import('../common/rules/calendar').then((m) => [m.weekOf(sunday, 'America/New_York'), m.weekOf(sunday, 'Asia/Tokyo')])).toEqual([
      '2026-W48',
      '2026-W49',
    ]);
    clock = Date.UTC(2026, 10, 25, 12);
    const tokyo = await register('Tokyo', 'Asia/Tokyo');
    const ny = await register('NewYork', 'America/New_York');
    const idle = [];
    for (let i = 0; i < 8; i++) idle.push(await register(`Idle${i}`, 'UTC'));
    // Everyone earns a little in week 48; Tokyo earns the most, New York the least.
    const wed = Date.UTC(2026, 10, 25, 10);
    await send(tokyo.accessToken, [event('lesson-completed', wed, { courseId: 'c' }), event('module-completed', wed, { courseId: 'c' })]);
    for (const [i, learner] of idle.entries())
      await send(learner.accessToken, [event('check-passed', wed + i * 1000), event('quiz-passed', wed + 500 + i * 1000, { facts: { score: 100 } })]);
    await send(ny.accessToken, [event('hint-revealed', wed), event('quiz-passed', wed + 5000, { facts: { score: 80 } })]);
    clock = sunday;
    const signIn = async (learner: { refreshToken: string }) => {
      const tokens = (await request('POST', '/v1/auth/refresh', { body: { refreshToken: learner.refreshToken } })).json;
      Object.assign(learner, tokens);
    };
    await signIn(tokyo);
    await signIn(ny);
    // Tokyo's week 48 has ended: their first event of week 49 settles it (promotion).
    await send(tokyo.accessToken, [event('check-passed', sunday - 60_000, { timezone: 'Asia/Tokyo' })]);
    const tokyoLeague = await request('GET', '/v1/league', { token: tokyo.accessToken });
    expect(tokyoLeague.json).toMatchObject({ week: '2026-W49', tier: 1, tierName: 'Silver' });
    // New York is still in week 48: same league, not settled; their view shows week 48.
    const nyLeague = await request('GET', '/v1/league', { token: ny.accessToken });
    expect(nyLeague.json.week).toBe('2026-W48');
    expect(nyLeague.json.tier).toBe(0);
    expect(nyLeague.json.members.length).toBeGreaterThanOrEqual(10);
    expect(nyLeague.json.members.at(-1).learnerId).toBe(ny.learnerId);
    // New York's week ends a day later: last of ten, but Bronze is the lowest tier, so they stay.
    clock = Date.UTC(2026, 10, 30, 14);
    await signIn(ny);
    const nyNext = await request('GET', '/v1/league', { token: ny.accessToken });
    expect(nyNext.json).toMatchObject({ week: '2026-W49', tier: 0 });
    clock = start;
  });

  it('issues a signed Open Badges 3.0 credential when the ingested events prove eligibility, verifies and revokes it', async () => {
    const learner = await register('Grad');
    const lessons = [
      { id: 'intro', type: 'concept', title: 'Intro' },
      { id: 'quiz', type: 'quiz', title: 'Quiz' },
      { id: 'boss', type: 'challenge', title: 'Boss' },
    ];
    // The server certifies only courses an admin registered, against the registered outline.
    await request('PUT', '/v1/admin/courses/cert-course', {
      token: admin,
      body: { id: 'cert-course', version: '1.0.0', title: 'Cert Course', modules: [{ id: 'm', title: 'M', lessons }] },
    });
    const request1 = { courseId: 'cert-course', tier: 'bronze' };
    const early = await request('POST', '/v1/certificates', { token: learner.accessToken, body: request1 });
    expect(early.status).toBe(422);
    expect(early.json.error.code).toBe('not_eligible');
    expect(early.json.error.details.missing).toHaveLength(3);
    let at = start - 5 * 3600_000;
    await send(
      learner.accessToken,
      lessons
        .map((l) => event('lesson-completed', (at += 120_000), { courseId: 'cert-course', lessonId: l.id }))
        .concat([event('quiz-passed', (at += 60_000), { courseId: 'cert-course', lessonId: 'quiz', facts: { score: 70 } })]),
    );
    const silver = await request('POST', '/v1/certificates', { token: learner.accessToken, body: { ...request1, tier: 'silver' } });
    expect(silver.json.error).toMatchObject({ code: 'exam_required', details: { missing: ['Pass the Silver exam with at least 80%.'] } });
    const issued = await request('POST', '/v1/certificates', { token: learner.accessToken, body: request1 });
    expect(issued.status).toBe(201);
    expect(issued.json.verifyUrl).toBe(`http://issuer.test/verify/${issued.json.id}`);
    // Asking again returns the same certificate.
    expect((await request('POST', '/v1/certificates', { token: learner.accessToken, body: request1 })).json.id).toBe(issued.json.id);
    // Its XP (the app's table) counts once, and only for a certificate the server issued.
    const earned = await send(learner.accessToken, [
      event('certificate-earned', start - 60_000, { courseId: 'cert-course', facts: { tier: 'bronze' } }),
      event('certificate-earned', start - 30_000, { courseId: 'cert-course', facts: { tier: 'bronze' } }),
      event('certificate-earned', start - 30_000, { courseId: 'cert-course', facts: { tier: 'gold', exceptional: true } }),
    ]);
    expect(earned.json.results.map((r: any) => r.code ?? r.xp)).toEqual([500, 'not_certified', 'not_certified']);

    const jwks = (await request('GET', '/.well-known/jwks.json')).json;
    const check = await verifyCredentialJwt(issued.json.jwt, jwks.keys[0]);
    expect(check.valid).toBe(true);
    expect(check.credential).toMatchObject({
      type: ['VerifiableCredential', 'AchievementCredential'],
      credentialSubject: { name: 'Grad', achievement: { type: ['Achievement'] } },
      evidence: [{ narrative: expect.stringContaining('Completed 3 of 3 lessons.') }],
    });
    const tampered = issued.json.jwt.replace(/\.([^.]+)\./, (_: string, p: string) => `.${p.slice(0, -4)}AAAA.`);
    expect((await verifyCredentialJwt(tampered, jwks.keys[0])).valid).toBe(false);

    const page = await request('GET', `/verify/${issued.json.id}`);
    expect(page.status).toBe(200);
    expect(page.json).toContain('Grad');
    expect(page.json).toContain('Valid.');
    expect((await request('GET', '/verify/00000000-0000-0000-0000-000000000000')).status).toBe(404);

    expect((await request('POST', `/v1/admin/certificates/${issued.json.id}/revoke`, { token: 'wrong', body: {} })).status).toBe(401);
    const revoked = await request('POST', `/v1/admin/certificates/${issued.json.id}/revoke`, { token: admin, body: { reason: 'Academic misconduct' } });
    expect(revoked.json).toEqual({ revoked: true });
    const revokedPage = await request('GET', `/verify/${issued.json.id}`);
    expect(revokedPage.json).toContain('Revoked');
    expect(revokedPage.json).toContain('Academic misconduct');
  });
}

describeWhen(true, 'PGlite', 'hosted API on PGlite', () => suite('pglite'));
describeWhen(Boolean(testDatabaseUrl), 'a PostgreSQL in DRONA_TEST_DATABASE_URL', 'hosted API on PostgreSQL', () => suite('postgresql'));
