/* eslint-disable @typescript-eslint/no-explicit-any -- the tests read JSON response bodies field by field. */
// A scripted client trying to buy leaderboard XP from the real API (app.request(), PGlite and,
// with DRONA_TEST_DATABASE_URL, PostgreSQL): back-dated floods, completions sharing an instant,
// per-event timezones around the daily cap, a timezone hop, and a closed league week.
import { afterAll, beforeAll, expect, it } from 'vitest';
import pg from 'pg';
import { createApi } from './app';
import { openDatabase, sql, type Database } from './db/database';
import { loadKeys } from './keys';
import { describeWhen } from '../common/testing/capabilities';
import { defaultPlausibility } from '../common/rules/plausibility';

const testDatabaseUrl = process.env.DRONA_TEST_DATABASE_URL;
const hour = 3600_000;
const day = 24 * hour;
// Wednesday 2026-12-02 12:00 UTC (ISO week 49).
const wednesday = Date.UTC(2026, 11, 2, 12);

function suite(engine: 'pglite' | 'postgresql') {
  let db: Database;
  let api: ReturnType<typeof createApi>;
  let clock = wednesday;

  beforeAll(async () => {
    if (engine === 'postgresql') {
      const client = new pg.Client({ connectionString: testDatabaseUrl });
      await client.connect();
      await client.query('drop schema if exists public cascade; create schema public; drop schema if exists drizzle cascade;');
      await client.end();
    }
    db = await openDatabase({ databaseUrl: engine === 'postgresql' ? testDatabaseUrl : undefined, dataDir: null });
    api = createApi({
      db,
      keys: await loadKeys(db),
      issuer: { baseUrl: 'http://issuer.test', name: 'Test' },
      rateLimit: { burst: 10_000, perSecond: 1000 },
      now: () => clock,
    });
  });
  afterAll(async () => {
    await db?.close();
  });

  const request = async (method: string, path: string, token?: string, body?: unknown) => {
    const res = await api.request(path, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, json: (await res.json()) as any };
  };
  const register = async (name: string, timezone = 'UTC') => {
    const res = await request('POST', '/v1/learners', undefined, { displayName: name, timezone, optedIn: true });
    expect(res.status).toBe(201);
    return res.json as { learnerId: string; accessToken: string; refreshToken: string };
  };
  let n = 0;
  const completion = (kind: string, occurredAt: number, extra: Record<string, unknown> = {}) => ({
    idempotencyKey: `attack-${++n}`,
    kind,
    courseId: 'python-basics',
    lessonId: `lesson-${n}`,
    occurredAt,
    timezone: 'UTC',
    facts: {},
    ...extra,
  });
  const send = (token: string, events: unknown[]) => request('POST', '/v1/events', token, { events });
  const totalXp = async (token: string) => (await request('GET', '/v1/me', token)).json.totalXp as number;

  it('5,000 back-dated completions: refused in one request; in 25 requests without active time they earn nothing, with inflated claims a day holds 16 h', async () => {
    clock = wednesday;
    const learner = await register('Flood');
    // 200 a day over the last 25 days.
    const flood = Array.from({ length: 5000 }, (_, i) => completion('lesson-completed', wednesday - (1 + Math.floor(i / 200)) * day + (i % 200) * 60_000));
    const one = await send(learner.accessToken, flood);
    expect(one.status).toBeGreaterThanOrEqual(400);
    expect(one.status).toBeLessThan(500);
    expect(await totalXp(learner.accessToken)).toBe(0);

    const codes = new Map<string, number>();
    for (let i = 0; i < flood.length; i += 200) {
      const res = await send(learner.accessToken, flood.slice(i, i + 200));
      expect(res.status).toBe(200);
      for (const r of res.json.results) codes.set(r.code ?? r.status, (codes.get(r.code ?? r.status) ?? 0) + 1);
    }
    expect(Object.fromEntries(codes)).toEqual({ no_active_time: 5000 });
    expect(await totalXp(learner.accessToken)).toBe(0);

    // The flood again, claiming an hour each on the hour (200 hours a day): what overlaps is
    // refused, and of the 24 disjoint hours only 16 fit a day.
    const midnight = Date.UTC(2026, 11, 2);
    const claimed = flood.map((e, i) => ({
      ...e,
      idempotencyKey: `${e.idempotencyKey}-claimed`,
      occurredAt: midnight - (1 + Math.floor(i / 200)) * day + (1 + (i % 24)) * hour,
      activeSeconds: 3600,
    }));
    let accepted = 0;
    for (let i = 0; i < claimed.length; i += 200) {
      const res = await send(learner.accessToken, claimed.slice(i, i + 200));
      accepted += res.json.results.filter((r: any) => r.status === 'accepted').length;
    }
    expect(accepted).toBeLessThanOrEqual(25 * 16 + 16);
    expect(await totalXp(learner.accessToken)).toBeLessThanOrEqual((25 + 1) * 16 * 55); // 55: a lesson on a streak
    const [days] = await db.query<{ most: number }>(
      sql`select max(d.active_seconds)::int as most from daily_xp d join learners l on l.id = d.learner_id where l.display_name = 'Flood'`,
    );
    expect(days!.most).toBeLessThanOrEqual(defaultPlausibility.maxActiveSecondsPerDay);
  });

  it('ten completions with the same timestamp count once', async () => {
    clock = wednesday;
    const learner = await register('Stamp');
    const at = wednesday - 2 * hour;
    const same = Array.from({ length: 10 }, () => completion('challenge-completed', at, { activeSeconds: 600 }));
    const res = await send(learner.accessToken, same);
    expect(res.json.results.map((r: any) => r.code ?? r.status).sort()).toEqual(['accepted', ...Array<string>(9).fill('overlap')]);
    expect(await totalXp(learner.accessToken)).toBe(150);
    // Replayed, in another order: nothing more (the counted one is a duplicate, the rest still overlap it).
    const again = await send(learner.accessToken, [...same].reverse());
    expect(again.json.results.map((r: any) => r.code ?? r.status).sort()).toEqual(['duplicate', ...Array<string>(9).fill('overlap')]);
    expect(await totalXp(learner.accessToken)).toBe(150);
  });

  it('per-event timezones do not open more daily caps; the account timezone changes once a week', async () => {
    clock = wednesday;
    const learner = await register('Hopper');
    // 150 challenges of 60 s, back to back from 10:00 UTC, labelled UTC-12, UTC and UTC+14 in turn:
    // three local dates if the labels counted, so three caps of 6,000.
    const zones = ['Etc/GMT+12', 'UTC', 'Etc/GMT-14'];
    const start = Date.UTC(2026, 11, 1, 10);
    const events = Array.from({ length: 150 }, (_, i) =>
      completion('challenge-completed', start + (i + 1) * 60_000, { activeSeconds: 60, timezone: zones[i % 3] }),
    );
    const res = await send(learner.accessToken, events);
    expect(res.json.results.filter((r: any) => r.status === 'accepted')).toHaveLength(150);
    expect(await totalXp(learner.accessToken)).toBe(defaultPlausibility.dailyXpCap);
    const dates = await db.query<{ local_date: string }>(
      sql`select distinct e.local_date from events e join learners l on l.id = e.learner_id where l.display_name = 'Hopper'`,
    );
    expect(dates.map((d) => d.local_date)).toEqual(['2026-12-01']);

    // Moving the account to UTC+14 to reach the next date is refused until a week after sign-up.
    const hop = await request('PATCH', '/v1/me', learner.accessToken, { timezone: 'Etc/GMT-14' });
    expect(hop.status).toBe(429);
    expect(hop.json.error.code).toBe('timezone_locked');
    expect((await request('GET', '/v1/me', learner.accessToken)).json.timezone).toBe('UTC');
    // A week later a traveller may move it, once.
    clock = wednesday + 7 * day;
    const tokens = (await request('POST', '/v1/auth/refresh', undefined, { refreshToken: learner.refreshToken })).json;
    expect((await request('PATCH', '/v1/me', tokens.accessToken, { timezone: 'Asia/Tokyo' })).json.timezone).toBe('Asia/Tokyo');
    expect((await request('PATCH', '/v1/me', tokens.accessToken, { timezone: 'Etc/GMT-14' })).json.error.code).toBe('timezone_locked');
    clock = wednesday;
  });

  it('a back-dated completion for a closed league week counts all-time only', async () => {
    clock = wednesday; // week 49
    const learner = await register('Late');
    const lastWeek = wednesday - 7 * day; // week 48
    const res = await send(learner.accessToken, [completion('lesson-completed', lastWeek, { activeSeconds: 300 })]);
    expect(res.json.results[0]).toMatchObject({ status: 'accepted', code: 'week_closed', xp: 50 });
    expect(await totalXp(learner.accessToken)).toBe(50);
    const boards = await db.query<{ board: string }>(sql`select board from scores where learner_id = ${learner.learnerId} order by board`);
    expect(boards.map((b) => b.board)).toEqual(['all', 'course:python-basics', 'streak']);
    expect(await db.query(sql`select 1 from league_members where learner_id = ${learner.learnerId}`)).toHaveLength(0);
    // This week's completion enters this week's board and league.
    await send(learner.accessToken, [completion('lesson-completed', wednesday - hour, { activeSeconds: 300 })]);
    const league = await request('GET', '/v1/league', learner.accessToken);
    expect(league.json).toMatchObject({ week: '2026-W49' });
    expect(league.json.members.find((m: any) => m.learnerId === learner.learnerId).score).toBe(50);
    expect((await request('GET', '/v1/leaderboards/week/around-me', learner.accessToken)).json.me.score).toBe(50);
  });
}

describeWhen(true, 'PGlite', 'leaderboard attacks on PGlite', () => suite('pglite'));
describeWhen(Boolean(testDatabaseUrl), 'a PostgreSQL in DRONA_TEST_DATABASE_URL', 'leaderboard attacks on PostgreSQL', () => suite('postgresql'));
