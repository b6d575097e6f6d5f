// Fills a rank index from the database: every learner's display name and timezone and every board, read in
// one snapshot (a repeatable-read transaction), the visible rows in board order page by page
// along scores_order, so a million rows never sit in one result.
import { sql, type Database } from './db/database';
import { RankIndex } from './rank-index';

/** The database orders text other than the index does: the index can never answer as it does. */
export class CollationError extends Error {}

/** Rows per statement while loading. */
const page = 50_000;

/** Loads every board, or those `keep` accepts. */
export async function loadRankIndex(db: Database, keep: (board: string) => boolean = () => true): Promise<RankIndex> {
  const index = new RankIndex();
  await db.transaction(async (q) => {
    if (db.engine === 'postgresql') {
      await q(sql`set transaction isolation level repeatable read, read only`);
      // Boards order ties by learner id in the database's collation; the index compares code points.
      const [db_] = await q<{ provider: string; collate: string }>(
        sql`select datlocprovider::text as provider, datcollate as collate from pg_database where datname = current_database()`,
      );
      if (db_?.provider !== 'c' || !/^(C|POSIX|C\.UTF-?8)$/i.test(db_.collate))
        throw new CollationError(`the database's collation (${db_?.provider ?? '?'} ${db_?.collate ?? '?'}) does not order ids by code point as C does`);
    }
    for (let after = ''; ;) {
      const rows = await q<{ id: string; display_name: string; timezone: string }>(
        sql`select id, display_name, timezone from learners where id > ${after} order by id limit ${page}`,
      );
      for (const row of rows) index.learner(row.id, row.display_name, row.timezone);
      if (rows.length < page) break;
      after = rows.at(-1)!.id;
    }
    // The boards present: a walk along scores_order's first column, one index probe per board.
    const boards = await q<{ board: string }>(sql`with recursive b as (
        (select board from scores order by board limit 1)
        union all select (select board from scores where board > b.board order by board limit 1) from b where b.board is not null)
      select board from b where board is not null`);
    for (const { board } of boards) {
      if (!keep(board)) continue;
      const built = index.build();
      const hidden = await q<{ learner_id: string; score: number }>(sql`select learner_id, score from scores where board = ${board} and not visible`);
      for (const row of hidden) built.loadHidden(index.learner(row.learner_id), row.score);
      let last: { score: number; learner_id: string } | undefined;
      for (;;) {
        const after = last ? sql` and (score, learner_id) < (${last.score}::int, ${last.learner_id}::text)` : sql``;
        const rows = await q<{ learner_id: string; score: number }>(sql`select learner_id, score from scores
          where board = ${board} and visible${after} order by score desc, learner_id desc limit ${page}`);
        for (const row of rows) built.loadVisible(index.learner(row.learner_id), row.score);
        if (rows.length < page) break;
        last = rows.at(-1);
      }
      index.install(board, built);
    }
  });
  return index;
}
