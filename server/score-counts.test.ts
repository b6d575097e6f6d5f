// Ingestion writes a batch's scores on every board in one statement; whatever the batches, the
// per-score counts that ranks are summed from must equal the visible scores, board by board, and
// each stripe's row its id range's learners.
import { expect, it } from 'vitest';
import { describeWhen } from '../common/testing/capabilities';
import { sql } from './db/database';
import { stripeOf } from './score-stripes';
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
    // Each row counts the learners of its stripe (id range): the ties ahead are summed from them.
    const wrongStripes = await t.db
      .query(sql`select coalesce(c.board, s.board) as board, coalesce(c.score, s.score) as score, coalesce(c.stripe, s.stripe) as stripe, c.n, s.n as actual
      from (select board, score, stripe, n from score_counts where n <> 0) c full join (select board, score, ${stripeOf(sql`learner_id`)} as stripe, count(*)::int as n
        from scores where visible group by 1, 2, 3) s on s.board = c.board and s.score = c.score and s.stripe = c.stripe
      where coalesce(c.n, 0) <> coalesce(s.n, 0)`);
    expect(wrongStripes).toEqual([]);
    const stripes = await t.db.query<{ stripe: number }>(sql`select distinct ${stripeOf(sql`learner_id`)} as stripe from scores`);
    expect(stripes.length).toBeGreaterThan(1);
    const boards = await t.db.query<{ board: string }>(sql`select distinct board from scores`);
    expect(boards.map((b) => b.board).sort()).toEqual(expect.arrayContaining(['all', 'streak', 'course:c0', 'course:c1', 'course:c2']));
    expect(boards.filter((b) => b.board.startsWith('week:'))).toHaveLength(1);
    const me = (await t.request('GET', '/v1/me', { token: learners[0].accessToken })).json;
    const [all] = await t.db.query<{ score: number }>(sql`select score from scores where board = 'all' and learner_id = ${learners[0].learnerId}`);
    expect(all!.score).toBe(me.totalXp);
  });
}

describeWhen(true, 'PGlite', 'score counts on PGlite', () => suite('pglite'));
describeWhen(Boolean(testDatabaseUrl), 'a PostgreSQL in DRONA_TEST_DATABASE_URL', 'score counts on PostgreSQL', () => suite('postgresql'));
