// Group commit: requests queued behind a running transaction share the next one; a failing
// request fails alone; nothing is answered before its transaction commits; deadlocks run again.
import { expect, it } from 'vitest';
import { describeWhen } from '../common/testing/capabilities';
import { sql, type Database } from './db/database';
import { GroupCommit, type GroupWriter } from './group-commit';
import { cheapPasswords, useTestApi, testDatabaseUrl, type Engine } from './testing/api-harness';

const start = Date.UTC(2026, 11, 2, 12);

type Work = (q: Parameters<Parameters<Database['transaction']>[0]>[0]) => Promise<string>;
/** Each item a piece of work of its own, run one after another. */
const inOrder: GroupWriter<Work, string> = async (q, works) => {
  const out = [];
  for (const work of works) out.push(await work(q));
  return out;
};

function suite(engine: Engine) {
  const t = useTestApi(engine, { now: () => start, passwordCost: cheapPasswords });
  let table = 0;

  /** A table of the test's own, and a database handle that counts and can break transactions. */
  async function setup(breakCommit = () => false) {
    const name = sql.raw(`group_commit_${++table}`);
    await t.db.query(sql`create table ${name} (k text primary key)`);
    const transactions: number[] = [];
    const db: Database = {
      ...t.db,
      transaction: (fn) =>
        t.db.transaction(async (q) => {
          const result = await fn(q);
          transactions.push(1);
          if (breakCommit()) throw new Error('connection lost before the commit');
          return result;
        }),
    };
    const insert =
      (k: string): Work =>
      async (q) => {
        await q(sql`insert into ${name} (k) values (${k})`);
        const [row] = await q<{ n: number }>(sql`select count(*)::int as n from ${name}`);
        return `${k}:${row!.n}`;
      };
    const stored = async () => (await t.db.query<{ k: string }>(sql`select k from ${name} order by k`)).map((r) => r.k);
    return { db, transactions, insert, stored };
  }

  it('writes the requests queued behind a running transaction in one transaction, in order', async () => {
    const { db, transactions, insert, stored } = await setup();
    const group = new GroupCommit(db, inOrder, { concurrency: 1 });
    const answers = await Promise.all(['a', 'b', 'c', 'd'].map((k) => group.run(insert(k))));
    // a alone (nothing was waiting), then b, c and d together, each seeing the ones before it.
    expect(answers).toEqual(['a:1', 'b:2', 'c:3', 'd:4']);
    expect(transactions).toHaveLength(2);
    expect(await stored()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('fails only the request that fails in a shared transaction; the others are written once', async () => {
    const { db, insert, stored } = await setup();
    const group = new GroupCommit(db, inOrder, { concurrency: 1 });
    const bad = async () => {
      throw new Error('bad request');
    };
    const runs = [group.run(insert('a')), group.run(insert('b')), group.run(bad), group.run(insert('c'))];
    const settled = await Promise.allSettled(runs);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((settled[2] as PromiseRejectedResult).reason).toEqual(new Error('bad request'));
    expect(await stored()).toEqual(['a', 'b', 'c']);
  });

  it('answers no request of a group whose commit fails, and keeps none of it', async () => {
    const { db, insert, stored } = await setup(() => true);
    const group = new GroupCommit(db, inOrder, { concurrency: 1 });
    const answered: string[] = [];
    const runs = ['a', 'b', 'c'].map((k) => group.run(insert(k)).then((v) => answered.push(v)));
    const settled = await Promise.allSettled(runs);
    expect(settled.every((s) => s.status === 'rejected')).toBe(true);
    expect(answered).toEqual([]);
    expect(await stored()).toEqual([]);
  });

  it('runs a request again when PostgreSQL aborts it as a deadlock, and only then', async () => {
    const { insert, stored } = await setup();
    let calls = 0;
    const failing = (error: unknown, times: number): Database => ({
      ...t.db,
      transaction: (fn) => (++calls <= times ? Promise.reject(error) : t.db.transaction(fn)),
    });
    const deadlock = Object.assign(new Error('query failed'), { cause: Object.assign(new Error('deadlock detected'), { code: '40P01' }) });
    expect(await new GroupCommit(failing(deadlock, 2), inOrder).run(insert('a'))).toBe('a:1');
    expect(calls).toBe(3);
    calls = 0;
    await expect(new GroupCommit(failing(deadlock, 3), inOrder).run(insert('b'))).rejects.toBe(deadlock);
    calls = 0;
    await expect(new GroupCommit(failing(new Error('other'), 1), inOrder).run(insert('c'))).rejects.toThrow('other');
    expect(calls).toBe(1);
    expect(await stored()).toEqual(['a']);
  });

  it('ingests concurrent requests of several learners as it would one by one', async () => {
    const learners = [];
    for (let i = 0; i < 4; i++) learners.push((await t.request('POST', '/v1/learners', { body: { displayName: `G${i}`, timezone: 'UTC' } })).json);
    const post = (token: string, key: string, minutes: number) =>
      t.request('POST', '/v1/events', {
        token,
        body: { events: [{ idempotencyKey: key, kind: 'check-passed', occurredAt: start - minutes * 60_000, timezone: 'UTC', facts: {} }] },
      });
    // The same key twice at once from one learner: accepted once, whichever transaction it lands in.
    const responses = await Promise.all([
      ...learners.map((l, i) => post(l.accessToken, `g${i}`, 10 + i)),
      post(learners[0].accessToken, 'g0', 10),
      post(learners[1].accessToken, 'g1b', 30),
    ]);
    const statuses = responses.map((r) => r.json.results[0].status);
    expect([statuses[0], statuses[4]].sort()).toEqual(['accepted', 'duplicate']);
    expect(statuses.slice(1, 4)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(statuses[5]).toBe('accepted');
    const me = await Promise.all(learners.map(async (l) => (await t.request('GET', '/v1/me', { token: l.accessToken })).json.totalXp));
    const xp = (i: number) => responses[i]!.json.results[0].xp as number;
    expect(me).toEqual([xp(0) + xp(4), xp(1) + xp(5), xp(2), xp(3)]);
  });
}

describeWhen(true, 'PGlite', 'group commit on PGlite', () => suite('pglite'));
describeWhen(Boolean(testDatabaseUrl), 'a PostgreSQL in DRONA_TEST_DATABASE_URL', 'group commit on PostgreSQL', () => suite('postgresql'));
