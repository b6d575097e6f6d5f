/* eslint-disable @typescript-eslint/no-explicit-any -- the test reads JSON response bodies field by field. */
// Two API instances on loopback against one PostgreSQL behave as one: the same batch sent to both
// at once counts once (each event accepted by one instance, a duplicate at the other), both answer
// the same XP, rank and restore feed, and a learner's request budget is one bucket across them.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWhen } from '../common/testing/capabilities';
import { startServer, type RunningServer } from './start';
import { createTestDatabase, testDatabaseUrl } from './testing/api-harness';

const burst = 12;

/** `count` lesson completions ten minutes apart from `start`, keyed `<prefix>-<i>`. */
const lessonsCompleted = (prefix: string, count: number, start: number) =>
  Array.from({ length: count }, (_, i) => ({
    idempotencyKey: `${prefix}-${i}`,
    kind: 'lesson-completed',
    courseId: 'py',
    lessonId: `l${i}`,
    occurredAt: start + i * 600_000,
    activeSeconds: 120,
    timezone: 'UTC',
    facts: {},
  }));

describeWhen(Boolean(testDatabaseUrl), 'a PostgreSQL in DRONA_TEST_DATABASE_URL', 'two API instances, one PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  const servers: RunningServer[] = [];
  const call = async (instance: number, method: string, route: string, token?: string, body?: unknown) => {
    const res = await fetch(`${servers[instance]!.url}${route}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, json: (await res.json()) as any };
  };
  const signUp = async (displayName: string) => (await call(0, 'POST', '/v1/learners', undefined, { displayName, timezone: 'UTC' })).json.accessToken as string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { url } = database;
    servers.push(...(await Promise.all([0, 1].map(() => startServer({ databaseUrl: url, port: 0, poolSize: 3, rateLimit: { burst, perSecond: 0.001 } })))));
  }, 120_000);
  afterAll(async () => {
    for (const server of servers) await server.close();
    await database?.drop();
  });

  it('counts a batch sent to both instances at once exactly once, and both agree on it', async () => {
    const token = await signUp('Twin');
    const events = lessonsCompleted('twin', 6, Date.now() - 4 * 3600_000);
    const [a, b] = await Promise.all([0, 1].map((i) => call(i, 'POST', '/v1/events', token, { events })));
    expect([a!.status, b!.status]).toEqual([200, 200]);
    for (const [i, event] of events.entries()) {
      const both = [a!.json.results[i], b!.json.results[i]];
      expect(both.map((r: any) => r.idempotencyKey)).toEqual([event.idempotencyKey, event.idempotencyKey]);
      expect(both.map((r: any) => r.status).sort(), `${event.idempotencyKey}: ${JSON.stringify(both)}`).toEqual(['accepted', 'duplicate']);
    }
    const granted = [...a!.json.results, ...b!.json.results].reduce((sum: number, r: any) => sum + r.xp, 0);
    expect(granted).toBeGreaterThan(0);

    const [meA, meB] = await Promise.all([0, 1].map((i) => call(i, 'GET', '/v1/me', token)));
    expect(meA!.json.totalXp).toBe(granted);
    expect(meB!.json.totalXp).toBe(granted);
    const [rankA, rankB] = await Promise.all([0, 1].map((i) => call(i, 'GET', '/v1/leaderboards/all/around-me', token)));
    expect(rankA!.json).toEqual(rankB!.json);
    const feed = await call(1, 'GET', '/v1/events?limit=100', token);
    expect(feed.json.events.map((e: any) => e.idempotencyKey)).toEqual(events.map((e) => e.idempotencyKey));
    // A resend through either instance changes nothing.
    const resent = await call(1, 'POST', '/v1/events', token, { events });
    expect(resent.json.results.map((r: any) => r.status)).toEqual(events.map(() => 'duplicate'));
    expect((await call(0, 'GET', '/v1/me', token)).json.totalXp).toBe(granted);
  }, 60_000);

  it('spends one learner’s request budget across both instances', async () => {
    const token = await signUp('Budget');
    const statuses: number[] = [];
    for (let i = 0; i < burst + 4; i++) statuses.push((await call(i % 2, 'GET', '/v1/me', token)).status);
    expect(statuses).toEqual([...Array<number>(burst).fill(200), 429, 429, 429, 429]);
  }, 60_000);

  it('spends the budget on rank-around-me as on any route, and refuses it with the same answer', async () => {
    const token = await signUp('Ranker');
    // Rank-around-me takes its token in its own statement; a bad board and the week board before reading anything.
    const routes = ['/v1/leaderboards/all/around-me', '/v1/me', '/v1/leaderboards/nope/around-me', '/v1/leaderboards/week/around-me'];
    const answers = [];
    for (let i = 0; i < burst + 8; i++) answers.push(await call(i % 2, 'GET', routes[i % routes.length]!, token));
    expect(answers.map((a) => a.status)).toEqual([...[0, 1, 2].flatMap(() => [200, 200, 400, 200]), ...Array<number>(8).fill(429)]);
    // The wait shrinks as the clock runs (a token per 1,000 s): the same answer, up to the second.
    for (const { json } of answers.slice(burst)) {
      const wait = json.error.details.retryAfterSeconds;
      expect(wait).toBeGreaterThan(900);
      expect(json).toEqual({
        error: { code: 'rate_limited', message: `Too many requests; wait ${wait} s and try again.`, details: { retryAfterSeconds: wait } },
      });
    }
  }, 60_000);

  it("shows a write through one instance in the other instance's rank index, without asking the database", async () => {
    await Promise.all(servers.map((server) => server.rankFeed!.whenReady()));
    const token = await signUp('Indexed');
    const me = (await call(0, 'GET', '/v1/me', token)).json.learnerId as string;
    const index = servers[1]!.rankFeed!;
    /** Polls instance 1's index until `seen` holds (notifications arrive after commit), for at most 5 s. */
    const until = async (seen: (answer: ReturnType<typeof index.around>) => boolean) => {
      for (const started = Date.now(); Date.now() - started < 5_000; await new Promise((resolve) => setTimeout(resolve, 20)))
        if (seen(index.around('all', me))) return index.around('all', me);
      throw new Error(`instance 1's index never showed the change: ${JSON.stringify(index.around('all', me))}`);
    };
    const events = lessonsCompleted('indexed', 2, Date.now() - 2 * 3600_000);
    expect((await call(0, 'POST', '/v1/events', token, { events })).status).toBe(200);
    const xp = (await call(0, 'GET', '/v1/me', token)).json.totalXp as number;
    expect(xp).toBeGreaterThan(0);
    const ranked = await until((answer) => answer?.me?.score === xp);
    expect(ranked!.me).toMatchObject({ learnerId: me, displayName: 'Indexed', score: xp });
    // Renamed and then hidden through instance 0: instance 1's index follows, and its route answers as the database.
    expect((await call(0, 'PATCH', '/v1/me', token, { displayName: 'Renamed' })).status).toBe(200);
    await until((answer) => answer?.me?.displayName === 'Renamed');
    expect((await call(0, 'PATCH', '/v1/me', token, { optedIn: false })).status).toBe(200);
    await until((answer) => answer !== undefined && answer.me === null);
    const { rankAround } = await import('./leaderboards');
    const viaRoute = await call(1, 'GET', '/v1/leaderboards/all/around-me', token);
    expect(viaRoute.json).toEqual(await rankAround(servers[0]!.db, 'all', me));
  }, 60_000);
});
