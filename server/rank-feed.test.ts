// The rank index follows the database on PGlite too: a change committed after the load (a score,
// a display name, a row removed) reaches the index through the notifications, and the index
// answers as the SQL path does.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { deleteAccount } from './account-data';
import { openDatabase, sql, type Database } from './db/database';
import { rankAround } from './leaderboards';
import { RankFeed } from './rank-feed';
import { restripe } from './score-stripes';

let db: Database;
let feed: RankFeed;
const logs: Record<string, unknown>[] = [];

beforeAll(async () => {
  db = await openDatabase({ dataDir: null });
  for (const id of ['a', 'b', 'c'])
    await db.query(sql`insert into learners (id, display_name, timezone, opted_in, created_at) values (${id}, ${`Name ${id}`}, 'UTC', true, 0)`);
  await db.query(sql`insert into scores (board, learner_id, score, visible) values ('all', 'a', 5, true), ('all', 'b', 3, true)`);
  feed = new RankFeed(db, (entry) => logs.push(entry));
  await feed.start();
  await feed.whenReady();
}, 60_000);
afterAll(async () => {
  await feed.close();
  await db.close();
});

/** Polls the index until it answers as the database does for `learner`, for at most 5 s. */
async function agrees(board: string, learner: string): Promise<void> {
  // The SQL path counts ranks in score_counts, which these writes leave to be counted here.
  await restripe((statement) => db.query(statement));
  const expected = await rankAround(db, board, learner);
  for (const started = Date.now(); Date.now() - started < 5_000; await new Promise((resolve) => setTimeout(resolve, 10)))
    if (JSON.stringify(feed.around(board, learner)) === JSON.stringify(expected)) return;
  expect(feed.around(board, learner)).toEqual(expected);
}

it('applies scores, names, removals and new boards committed after the load', async () => {
  await agrees('all', 'b');
  await db.transaction(async (q) => {
    await q(sql`insert into scores (board, learner_id, score, visible) values ('all', 'c', 9, true), ('course:x', 'c', 1, true)`);
    await q(sql`update scores set score = 10 where board = 'all' and learner_id = 'b'`);
  });
  await agrees('all', 'b');
  expect(feed.around('all', 'b')!.me).toEqual({ rank: 1, learnerId: 'b', displayName: 'Name b', score: 10 });
  await agrees('course:x', 'c');
  await db.query(sql`update learners set display_name = 'Renamed' where id = 'a'`);
  await db.query(sql`delete from scores where learner_id = 'c'`);
  await agrees('all', 'a');
  expect(feed.around('all', 'a')!.me!.displayName).toBe('Renamed');
  await agrees('course:x', 'c');
});

it('sends a statement of learners with long non-ASCII names in notifications NOTIFY accepts', async () => {
  // NOTIFY refuses payloads of 8,000 bytes or more; 80 Devanagari characters take 240 bytes.
  const ids = Array.from({ length: 60 }, (_, i) => `w${String(i).padStart(2, '0')}`);
  const name = 'दि'.repeat(40);
  for (const id of ids) await db.query(sql`insert into learners (id, display_name, timezone, opted_in, created_at) values (${id}, ${name}, 'UTC', true, 0)`);
  await db.query(sql`insert into scores (board, learner_id, score, visible) select 'all', id, 1, true from learners where id like 'w%'`);
  await db.query(sql`update scores set score = score + 1 where board = 'all' and learner_id like 'w%'`);
  await agrees('all', 'w00');
  expect(feed.around('all', 'w00')!.me).toMatchObject({ displayName: name, score: 2 });
});

it('reloads on a notification that is not one the triggers send, and never answers a wrong rank', async () => {
  await agrees('all', 'a');
  const before = feed.around('all', 'a')!.me!;
  // Not JSON; JSON of another shape; a row whose score is text; a score removed of no known learner and a board.
  for (const payload of ['not json', '{"rows":{}}', '{"rows":[["all","a","99",true,"Mallory"]]}', '{"t":1,"rows":[["all","a",99.5,true,null]]}'])
    await db.query(sql`select pg_notify('drona_rank', ${payload})`);
  for (let i = 0; i < 50; i++) {
    // Whenever the index answers, it answers what the database holds (a, unchanged).
    const answer = feed.around('all', 'a');
    if (answer) expect(answer.me).toEqual(before);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await db.query(sql`update scores set score = 4 where board = 'all' and learner_id = 'a'`);
  await agrees('all', 'a');
  expect(feed.around('all', 'a')!.me).toMatchObject({ score: 4 });
  expect(logs).toContainEqual(expect.objectContaining({ level: 'error', msg: expect.stringContaining('not one the triggers send'), payload: 'not json' }));
});

it('forgets a deleted learner: off every board, and their name out of memory', async () => {
  await db.query(sql`insert into learners (id, display_name, timezone, opted_in, created_at) values ('gone', 'Soon gone', 'UTC', true, 0)`);
  await db.query(sql`insert into scores (board, learner_id, score, visible) values ('all', 'gone', 7, true), ('course:x', 'gone', 7, true)`);
  await agrees('all', 'gone');
  const held = feed.stats!.learners;
  await deleteAccount(db, 'gone');
  await agrees('all', 'a');
  await agrees('course:x', 'c');
  for (const started = Date.now(); feed.stats!.learners !== held - 1 && Date.now() - started < 5_000;) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(feed.stats!.learners).toBe(held - 1);
  expect(feed.around('all', 'gone')!.me).toBeNull();
  expect(JSON.stringify(feed.around('all', 'a'))).not.toContain('Soon gone');
});

it('holds only the week boards a route can ask for, dropping weeks as they pass', async () => {
  // Monday 7 December 2026 at noon UTC is in week 50 everywhere; week 49 ended at most 36 hours before.
  let now = Date.UTC(2026, 11, 7, 12);
  await db.query(sql`insert into scores (board, learner_id, score, visible) values ('week:2026-W40', 'a', 1, true), ('week:2026-W50', 'a', 2, true)`);
  await restripe((statement) => db.query(statement));
  const weeks = new RankFeed(
    db,
    () => {},
    1000,
    () => now,
  );
  try {
    await weeks.start();
    await weeks.whenReady();
    expect(weeks.around('week:2026-W40', 'a')).toBeUndefined();
    expect(weeks.around('week:2026-W50', 'a')!.me).toMatchObject({ score: 2 });
    const boards = weeks.stats!.boards;
    // A late change to a past week's board does not bring it back.
    await db.query(sql`update scores set score = 3 where board = 'week:2026-W40'`);
    await db.query(sql`update scores set score = 4 where board = 'week:2026-W50'`);
    for (const started = Date.now(); weeks.around('week:2026-W50', 'a')!.me!.score !== 4 && Date.now() - started < 5_000;)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(weeks.around('week:2026-W40', 'a')).toBeUndefined();
    expect(weeks.stats!.boards).toBe(boards);
    // Eight days on, week 50 is past in every timezone: it goes at the next answer.
    now += 8 * 86_400_000;
    expect(weeks.around('week:2026-W50', 'a')).toBeUndefined();
    expect(weeks.stats!.boards).toBe(boards - 1);
    expect(weeks.stats!.indexBytes).toBeGreaterThan(0);
  } finally {
    await weeks.close();
  }
});

it("holds every learner's timezone: loaded, added, changed, and gone with the learner", async () => {
  expect(feed.timezone('a')).toBe('UTC');
  await db.query(sql`insert into learners (id, display_name, timezone, opted_in, created_at) values ('tz', 'Zoned', 'Asia/Kolkata', true, 0)`);
  const until = async (done: () => boolean) => {
    for (const started = Date.now(); !done() && Date.now() - started < 5_000;) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(done()).toBe(true);
  };
  await until(() => feed.timezone('tz') === 'Asia/Kolkata');
  await db.query(sql`update learners set timezone = 'America/Denver' where id = 'tz'`);
  await until(() => feed.timezone('tz') === 'America/Denver');
  // Other updates of the learner (as ingestion makes) change nothing.
  await db.query(sql`update learners set total_xp = total_xp + 5 where id = 'tz'`);
  await deleteAccount(db, 'tz');
  await until(() => feed.timezone('tz') === undefined);
  expect(feed.timezone('nobody')).toBeUndefined();
});
