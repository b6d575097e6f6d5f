// Ingestion writes a batch's scores on every board in one statement; whatever the batches, the
// per-score counts that ranks are summed from must equal the visible scores, board by board; a
// batch PostgreSQL aborts as a deadlock (batches share those count rows) is run again.
import { expect, it } from 'vitest';
import { describeWhen } from '../common/testing/capabilities';
import { sql, type Database } from './db/database';
import { ingestEvents } from './ingest';
import { defaultPlausibility } from '../common/rules/plausibility';
import { cheapPasswords, useTestApi, testDatabaseUrl, type Engine } from './testing/api-harness';

const start = Date.UTC(2026, 11, 2, 12);

function suite(engine: Engine) {
  const t = useTestApi(engine, { now: () => start, passwordCost: cheapPasswords });

  it('keeps score_counts equal to the visible scores after mixed batches over days, weeks and courses', async () => {
    const learners = [];
    for (let i = 0; i < 5; i++)
      learners.push((await t.request('POST', '/v1/learners', { body: { displayName: `L${i}`, timezone: 'UTC', optedIn: i !== 3 } })).json);
    let key = 0;
    for (let round = 0; round < 4; round++) {
      for (const [n, who] of learners.entries()) {
        const events = Array.from({ length: 3 + ((n + round) % 4) }, (_, i) => {
          key++;
          return {
            idempotencyKey: `k${key}`,
            kind: i % 3 === 2 ? 'check-passed' : 'lesson-completed',
            courseId: `c${(key * 7) % 3}`,
            lessonId: `l${key}`,
            // Spread over the four days before now (a closed week and the open one), each in its own hour.
            occurredAt: start - 4 * 86_400_000 + key * 3_700_000,
            activeSeconds: i === 1 && round === 2 ? 5 : 600,
            facts: { score: 80 },
          };
        });
        expect((await t.request('POST', '/v1/events', { token: who.accessToken, body: { events } })).status).toBe(200);
      }
    }
    const wrong = await t.db.query(sql`select coalesce(c.board, s.board) as board, coalesce(c.score, s.score) as score, c.n, s.n as actual
      from (select board, score, sum(n)::int as n from score_counts group by board, score) c full join (select board, score, count(*)::int as n from scores where visible group by board, score) s
        on s.board = c.board and s.score = c.score
      where coalesce(c.n, 0) <> coalesce(s.n, 0)`);
    expect(wrong).toEqual([]);
    const boards = await t.db.query<{ board: string }>(sql`select distinct board from scores`);
    expect(boards.map((b) => b.board).sort()).toEqual(expect.arrayContaining(['all', 'streak', 'course:c0', 'course:c1', 'course:c2']));
    expect(boards.filter((b) => b.board.startsWith('week:'))).toHaveLength(1);
    const me = (await t.request('GET', '/v1/me', { token: learners[0].accessToken })).json;
    const [all] = await t.db.query<{ score: number }>(sql`select score from scores where board = 'all' and learner_id = ${learners[0].learnerId}`);
    expect(all!.score).toBe(me.totalXp);
  });

  it('runs a batch again when PostgreSQL aborts it as a deadlock, and only then', async () => {
    const who = (await t.request('POST', '/v1/learners', { body: { displayName: 'Retry', timezone: 'UTC' } })).json;
    let calls = 0;
    const failing = (error: unknown, times: number): Database => ({
      ...t.db,
      transaction: (fn) => (++calls <= times ? Promise.reject(error) : t.db.transaction(fn)),
    });
    const deadlock = Object.assign(new Error('query failed'), { cause: Object.assign(new Error('deadlock detected'), { code: '40P01' }) });
    const event = { idempotencyKey: 'retry-1', kind: 'check-passed' as const, occurredAt: start - 60_000, timezone: 'UTC', facts: {} };
    expect(await ingestEvents(failing(deadlock, 2), who.learnerId, [event], start, defaultPlausibility)).toEqual([
      expect.objectContaining({ status: 'accepted' }),
    ]);
    expect(calls).toBe(3);
    calls = 0;
    await expect(ingestEvents(failing(deadlock, 3), who.learnerId, [event], start, defaultPlausibility)).rejects.toBe(deadlock);
    calls = 0;
    await expect(ingestEvents(failing(new Error('other'), 1), who.learnerId, [event], start, defaultPlausibility)).rejects.toThrow('other');
    expect(calls).toBe(1);
  });
}

describeWhen(true, 'PGlite', 'score counts on PGlite', () => suite('pglite'));
describeWhen(Boolean(testDatabaseUrl), 'a PostgreSQL in DRONA_TEST_DATABASE_URL', 'score counts on PostgreSQL', () => suite('postgresql'));
