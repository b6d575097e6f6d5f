// The in-memory rank index answers exactly what the SQL path (rankAround) answers: on boards
// loaded from the database with ties, hidden learners and several boards, and after any sequence
// of score changes, hiding and showing, rows removed, learners renamed and learners deleted (and
// back, under a number the index reuses).
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { describeWhen } from '../common/testing/capabilities';
import { sql } from './db/database';
import { rankAround } from './leaderboards';
import { loadRankIndex } from './rank-load';
import { restripe } from './score-stripes';
import { testDatabaseUrl, useTestApi, type Engine } from './testing/api-harness';

const ids = Array.from({ length: 10 }, (_, i) => `l${String(i + 1).padStart(2, '0')}`);
const boards = ['all', 'course:c1', 'week:2026-W50'];
const row = fc.record({ board: fc.constantFrom(...boards), learner: fc.constantFrom(...ids), score: fc.integer({ min: -1, max: 3 }), visible: fc.boolean() });
const change = fc.oneof(
  row.map((r) => ({ kind: 'set' as const, ...r })),
  fc.record({ kind: fc.constant('remove' as const), board: fc.constantFrom(...boards), learner: fc.constantFrom(...ids) }),
  fc.record({ kind: fc.constant('rename' as const), learner: fc.constantFrom(...ids), name: fc.constantFrom('Ann', 'Bo', 'Cy') }),
  fc.record({ kind: fc.constant('delete' as const), learner: fc.constantFrom(...ids) }),
);

function suite(engine: Engine) {
  const t = useTestApi(engine, {}, 120_000);

  it('answers rank-around-me as the SQL path does, loaded and after any changes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(row, { selector: (r) => `${r.board}\n${r.learner}`, maxLength: 20 }),
        fc.array(fc.array(change, { minLength: 1, maxLength: 4 }), { maxLength: 4 }),
        fc.integer({ min: 1, max: 5 }),
        async (initial, steps, span) => {
          const db = t.db;
          for (const table of ['score_counts', 'scores', 'learners']) await db.query(sql.raw(`delete from ${table}`));
          for (const id of ids)
            await db.query(sql`insert into learners (id, display_name, timezone, opted_in, created_at) values (${id}, ${`Name ${id}`}, 'UTC', true, 0)`);
          for (const r of initial)
            await db.query(sql`insert into scores (board, learner_id, score, visible) values (${r.board}, ${r.learner}, ${r.score}, ${r.visible})`);
          await restripe((statement) => db.query(statement));
          const index = await loadRankIndex(db);
          const compare = async () => {
            for (const board of boards)
              for (const id of ids) {
                const expected = await rankAround(db, board, id, span);
                // A board with no row at all is not held: the route asks the database.
                const got = index.around(board, id, span) ?? (await rankAround(db, board, id, span));
                expect(got).toEqual(expected);
              }
          };
          await compare();
          for (const step of steps) {
            for (const c of step) {
              if (c.kind === 'delete') {
                // As deleteAccount: the learner goes (notified first), then their rows (each notified).
                await db.query(sql`delete from learners where id = ${c.learner}`);
                await db.query(sql`delete from scores where learner_id = ${c.learner}`);
                index.forget(c.learner);
                for (const board of boards) index.apply({ board, learnerId: c.learner, score: null, visible: false });
              } else if (c.kind === 'rename') {
                await db.query(sql`update learners set display_name = ${c.name} where id = ${c.learner}`);
                index.rename(c.learner, c.name);
              } else if (c.kind === 'remove') {
                await db.query(sql`delete from scores where board = ${c.board} and learner_id = ${c.learner}`);
                index.addBoard(c.board);
                index.apply({ board: c.board, learnerId: c.learner, score: null, visible: false });
              } else {
                await db.query(sql`insert into learners (id, display_name, timezone, opted_in, created_at)
                  values (${c.learner}, ${`Name ${c.learner}`}, 'UTC', true, 0) on conflict (id) do nothing`);
                await db.query(sql`insert into scores (board, learner_id, score, visible) values (${c.board}, ${c.learner}, ${c.score}, ${c.visible})
                  on conflict (board, learner_id) do update set score = excluded.score, visible = excluded.visible`);
                const [{ name }] = (await db.query<{ name: string }>(sql`select display_name as name from learners where id = ${c.learner}`)) as [
                  { name: string },
                ];
                index.addBoard(c.board);
                index.apply({ board: c.board, learnerId: c.learner, score: c.score, visible: c.visible }, name);
              }
            }
            await restripe((statement) => db.query(statement));
            await compare();
          }
        },
      ),
      { numRuns: engine === 'pglite' ? 25 : 15 },
    );
  }, 300_000);

  it('keeps order over thousands of rows and block splits', async () => {
    const { RankIndex } = await import('./rank-index');
    const index = new RankIndex();
    index.addBoard('all');
    const model = new Map<string, number>();
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 20_000; i++) {
      const id = `u${String(next() % 3000).padStart(5, '0')}`;
      const score = next() % 50;
      if (next() % 5 === 0) {
        model.delete(id);
        index.apply({ board: 'all', learnerId: id, score: null, visible: false }, id);
      } else {
        model.set(id, score);
        index.apply({ board: 'all', learnerId: id, score, visible: true }, id);
      }
    }
    const sorted = [...model].sort(([a, x], [b, y]) => y - x || (a < b ? 1 : -1));
    for (let i = 0; i < sorted.length; i += 97) {
      const got = index.around('all', sorted[i]![0], 5)!;
      expect(got.me).toEqual({ rank: i + 1, learnerId: sorted[i]![0], displayName: sorted[i]![0], score: sorted[i]![1] });
      expect(got.above.map((r) => r.learnerId)).toEqual(sorted.slice(Math.max(0, i - 5), i).map(([id]) => id));
      expect(got.below.map((r) => r.learnerId)).toEqual(sorted.slice(i + 1, i + 6).map(([id]) => id));
    }
  });
}

describeWhen(true, 'PGlite', 'rank index on PGlite', () => suite('pglite'));
describeWhen(Boolean(testDatabaseUrl), 'a PostgreSQL in DRONA_TEST_DATABASE_URL', 'rank index on PostgreSQL', () => suite('postgresql'));
