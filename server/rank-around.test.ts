// Rank-around-me in one statement gives what a direct sort of the board gives, on any board:
// ties, hidden learners, counts split over stripes (id ranges) wherever they start, learners with
// no score, the top and the end.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { describeWhen } from '../common/testing/capabilities';
import { sql } from './db/database';
import { rankAround } from './leaderboards';
import { RateLimiter } from './rate-limit';
import { testDatabaseUrl, useTestApi, type Engine } from './testing/api-harness';

const ids = Array.from({ length: 24 }, (_, i) => `l${String(i + 1).padStart(2, '0')}`);
const board = fc.uniqueArray(fc.record({ learner: fc.constantFrom(...ids), score: fc.integer({ min: 0, max: 4 }), visible: fc.boolean() }), {
  selector: (r) => r.learner,
  maxLength: 24,
});
/** Where stripes 1, 2, … start: some learners' own ids, ids between them, before or after all. */
const stripeStarts = fc.uniqueArray(fc.constantFrom(...ids, 'l05a', 'l1', 'l2', 'l99', 'a', 'm'), { maxLength: 6 }).map((starts) => [...starts].sort());

const limiter = (db: Parameters<typeof rankAround>[0]) => new RateLimiter(db, 'rank-test', { burst: 1e9, perSecond: 1 }, () => 0);

function suite(engine: Engine) {
  const t = useTestApi(engine, {}, 120_000);

  it('gives the rank and the rows around as a direct sort of the board does', async () => {
    await fc.assert(
      fc.asyncProperty(
        board,
        stripeStarts,
        fc.constantFrom(...ids),
        fc.integer({ min: 1, max: 6 }),
        fc.boolean(),
        async (rows, starts, asker, span, taking) => {
          const db = t.db;
          for (const table of ['score_counts', 'scores', 'learners', 'rate_limits', 'score_stripes']) await db.query(sql.raw(`delete from ${table}`));
          for (const [i, first] of ['', ...starts].entries()) await db.query(sql`insert into score_stripes (stripe, first_id) values (${i}, ${first})`);
          const stripe = (id: string) => ['', ...starts].filter((first) => first <= id).length - 1;
          for (const id of ids)
            await db.query(sql`insert into learners (id, display_name, timezone, opted_in, created_at) values (${id}, ${`Name ${id}`}, 'UTC', true, 0)`);
          for (const r of rows) {
            await db.query(sql`insert into scores (board, learner_id, score, visible) values ('all', ${r.learner}, ${r.score}, ${r.visible})`);
            if (r.visible)
              await db.query(sql`insert into score_counts (board, score, stripe, n) values ('all', ${r.score}, ${stripe(r.learner)}, 1)
              on conflict (board, score, stripe) do update set n = score_counts.n + 1`);
          }
          const sorted = rows.filter((r) => r.visible).sort((a, b) => b.score - a.score || (a.learner < b.learner ? 1 : -1));
          const shown = (r: (typeof rows)[number], i: number) => ({ rank: i + 1, learnerId: r.learner, displayName: `Name ${r.learner}`, score: r.score });
          const at = sorted.findIndex((r) => r.learner === asker);
          // The same answer with a rate-limit take in the statement, which is taken once.
          const answers: boolean[] = [];
          const take = { statement: limiter(db).taking(asker).statement, answer: async (granted: boolean) => void answers.push(granted) };
          const got = await rankAround(db, 'all', asker, span, taking ? take : undefined);
          expect(answers).toEqual(taking ? [true] : []);
          if (at < 0) {
            expect(got).toEqual({ board: 'all', me: null, above: [], below: sorted.slice(0, span * 2).map(shown) });
            return;
          }
          expect(got).toEqual({
            board: 'all',
            me: shown(sorted[at]!, at),
            above: sorted.map(shown).slice(Math.max(0, at - span), at),
            below: sorted.map(shown).slice(at + 1, at + 1 + span),
          });
        },
      ),
      { numRuns: engine === 'pglite' ? 60 : 30 },
    );
  }, 180_000);

  it('refuses a rank read with its take when the bucket is empty, as the take alone does', async () => {
    const db = t.db;
    await db.query(sql`delete from rate_limits`);
    const spent = new RateLimiter(db, 'rank-refusal', { burst: 1, perSecond: 0.5 }, () => 5_000);
    const answers: unknown[] = [];
    for (let i = 0; i < 2; i++) {
      const taking = spent.taking('asker');
      await rankAround(db, 'all', ids[0]!, 5, { statement: taking.statement, answer: async (granted) => void answers.push(await taking.answer(granted)) });
    }
    expect(answers).toEqual([{ ok: true }, { ok: false, retryAfterSeconds: 2 }]);
    expect(await spent.take('asker')).toEqual({ ok: false, retryAfterSeconds: 2 });
  });
}

describeWhen(true, 'PGlite', 'rank around me on PGlite', () => suite('pglite'));
describeWhen(Boolean(testDatabaseUrl), 'a PostgreSQL in DRONA_TEST_DATABASE_URL', 'rank around me on PostgreSQL', () => suite('postgresql'));
