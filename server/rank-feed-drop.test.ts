// A rank index whose listening connection drops (its backend terminated on a real PostgreSQL)
// answers nothing until it listens and has loaded again, so the route reads the database
// meanwhile; then it holds every change committed while it was down, and follows changes again.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWhen } from '../common/testing/capabilities';
import { deleteAccount } from './account-data';
import { openDatabase, sql, type Database } from './db/database';
import { rankAround } from './leaderboards';
import { RankFeed } from './rank-feed';
import { restripe } from './score-stripes';
import { createTestDatabase, testDatabaseUrl } from './testing/api-harness';

describeWhen(Boolean(testDatabaseUrl), 'a PostgreSQL in DRONA_TEST_DATABASE_URL', 'a rank index whose listening connection drops', () => {
  let own: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Database;
  let feed: RankFeed;
  const logs: Record<string, unknown>[] = [];

  beforeAll(async () => {
    own = await createTestDatabase();
    db = await openDatabase({ databaseUrl: own.url, dataDir: null, poolSize: 2 });
    for (const id of ['a', 'b', 'c'])
      await db.query(sql`insert into learners (id, display_name, timezone, opted_in, created_at) values (${id}, ${`Name ${id}`}, 'UTC', true, 0)`);
    await db.query(sql`insert into scores (board, learner_id, score, visible) values ('all', 'a', 5, true), ('all', 'b', 3, true), ('all', 'c', 1, true)`);
    // Reconnects after 3 s: time to change the database while the index is down.
    feed = new RankFeed(db, (entry) => logs.push(entry), 3_000);
    await feed.start();
    await feed.whenReady();
  }, 60_000);
  afterAll(async () => {
    await feed?.close();
    await db?.close();
    await own?.drop();
  });

  /** The route's answer: the index's, or the database's when the index has none. */
  const answer = async (learner: string) => feed.around('all', learner) ?? (await rankAround(db, 'all', learner));

  async function until(done: () => boolean, ms = 10_000): Promise<void> {
    for (const started = Date.now(); !done() && Date.now() - started < ms;) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(done()).toBe(true);
  }

  it('answers from the database while down, then reloads with the changes made meanwhile', async () => {
    await restripe((statement) => db.query(statement));
    expect(feed.around('all', 'c')!.me).toMatchObject({ rank: 3, score: 1 });
    const [killed] = await db.query<{ n: number }>(sql`select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
      where datname = current_database() and query like 'listen %' and pid <> pg_backend_pid()`);
    expect(killed!.n).toBe(1);
    // At once, not only when it reconnects.
    const dropped = Date.now();
    await until(() => !feed.ready, 1_000);
    expect(logs).toContainEqual(expect.objectContaining({ level: 'error', msg: expect.stringContaining('dropped') }));

    // Changes the index cannot hear: c overtakes everyone, b leaves, a deleted learner's rows go.
    await db.query(sql`update scores set score = 9 where board = 'all' and learner_id = 'c'`);
    await db.query(sql`delete from scores where board = 'all' and learner_id = 'b'`);
    await db.query(sql`insert into scores (board, learner_id, score, visible) values ('course:x', 'a', 2, true)`);
    await restripe((statement) => db.query(statement));
    expect(Date.now() - dropped).toBeLessThan(3_000);
    expect(feed.ready).toBe(false);
    expect(feed.around('all', 'c')).toBeUndefined();
    const meanwhile = await answer('c');
    expect(meanwhile.me).toMatchObject({ rank: 1, score: 9 });
    expect(meanwhile.below.map((row) => row.learnerId)).toEqual(['a']);

    await until(() => feed.ready);
    expect(feed.around('all', 'c')).toEqual(await rankAround(db, 'all', 'c'));
    expect(feed.around('course:x', 'a')).toEqual(await rankAround(db, 'course:x', 'a'));

    // And it listens again: a change after the reload reaches it.
    await db.query(sql`update scores set score = 10 where board = 'all' and learner_id = 'a'`);
    await until(() => feed.around('all', 'a')?.me?.rank === 1);
    await restripe((statement) => db.query(statement));
    expect(feed.around('all', 'a')).toEqual(await rankAround(db, 'all', 'a'));
  }, 60_000);

  it('follows a timezone and forgets a deleted learner (migration 0019 on PostgreSQL)', async () => {
    await until(() => feed.around('all', 'c')?.me !== null && feed.ready);
    const held = feed.stats!.learners;
    await db.query(sql`update learners set timezone = 'Asia/Tokyo' where id = 'c'`);
    await until(() => feed.timezone('c') === 'Asia/Tokyo');
    await deleteAccount(db, 'c');
    await until(() => feed.stats!.learners === held - 1 && feed.around('all', 'c')?.me === null);
    await restripe((statement) => db.query(statement));
    expect(feed.around('all', 'a')).toEqual(await rankAround(db, 'all', 'a'));
  }, 30_000);
});

describeWhen(Boolean(testDatabaseUrl), 'a PostgreSQL in DRONA_TEST_DATABASE_URL', 'a rank index on a database of another collation', () => {
  it('leaves rank-around-me to the database, once, instead of loading again and again', async () => {
    // en-US sorts "a" before "B"; C, as the index, the other way round.
    const name = `drona_test_icu_${Date.now().toString(36)}`;
    const admin = async (statement: string) => {
      const other = await openDatabase({ databaseUrl: testDatabaseUrl!, dataDir: null, poolSize: 1 });
      try {
        await other.query(sql.raw(statement));
      } finally {
        await other.close();
      }
    };
    await admin(`create database ${name} template template0 locale_provider icu icu_locale 'en-US' locale 'C.UTF-8'`);
    const url = new URL(testDatabaseUrl!);
    url.pathname = `/${name}`;
    const icu = await openDatabase({ databaseUrl: url.toString(), dataDir: null, poolSize: 2 });
    const logs: Record<string, unknown>[] = [];
    const feed = new RankFeed(icu, (entry) => logs.push(entry), 100);
    try {
      for (const id of ['a', 'B'])
        await icu.query(sql`insert into learners (id, display_name, timezone, opted_in, created_at) values (${id}, ${id}, 'UTC', true, 0)`);
      await icu.query(sql`insert into scores (board, learner_id, score, visible) values ('all', 'a', 1, true), ('all', 'B', 1, true)`);
      await feed.start();
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(feed.ready).toBe(false);
      expect(feed.around('all', 'a')).toBeUndefined();
      expect(logs.filter((entry) => entry.level === 'error')).toEqual([expect.objectContaining({ msg: expect.stringContaining('rank index off') })]);
      await restripe((statement) => icu.query(statement));
      expect((await rankAround(icu, 'all', 'a')).me).toMatchObject({ rank: 2 });
    } finally {
      await feed.close();
      await icu.close();
      await admin(`drop database if exists ${name} with (force)`);
    }
  }, 60_000);
});
