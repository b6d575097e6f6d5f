// Ingestion writes groups in several transactions at once (server/group-commit.ts). Their learners
// are locked in id order, and the per-score counts every learner shares are locked by one
// statement per group in (board, score, stripe) order: two groups whose rounds would take count
// rows in opposite orders wait for each other rather than deadlock.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWhen } from '../common/testing/capabilities';
import { defaultPlausibility } from '../common/rules/plausibility';
import type { EventInput } from '../common/sync-api/schemas';
import { openDatabase, sql, type Database } from './db/database';
import { ingestGroup, type IngestRequest } from './ingest';
import { createTestDatabase, testDatabaseUrl } from './testing/api-harness';

type Q = Parameters<Parameters<Database['transaction']>[0]>[0];

const now = Date.UTC(2026, 11, 2, 12);
let key = 0;
/** A request of `count` events of the learner, each in its own ten minutes of today. */
const request = (learnerId: string, count: number): IngestRequest => ({
  learnerId,
  now,
  events: Array.from({ length: count }, (): EventInput => {
    key++;
    return {
      idempotencyKey: `k${key}`,
      kind: 'lesson-completed',
      courseId: `c-${learnerId}`,
      lessonId: `l${key}`,
      occurredAt: now - key * 600_000,
      activeSeconds: 60,
      facts: { score: 90 },
    } as EventInput;
  }),
});

/** A promise and the function that resolves it. */
function signal() {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describeWhen(Boolean(testDatabaseUrl), 'a PostgreSQL in DRONA_TEST_DATABASE_URL', 'ingestion groups written at once on PostgreSQL', () => {
  let own: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Database;
  beforeAll(async () => {
    own = await createTestDatabase();
    db = await openDatabase({ databaseUrl: own.url, dataDir: null, poolSize: 4 });
  });
  afterAll(async () => {
    await db?.close();
    await own?.drop();
  });

  it('does not deadlock two groups whose rounds share count rows in opposite orders', async () => {
    // Group one = [a1, a1] and group two = [a2, a3, a3] (one stripe), the learners' 'all' scores
    // set so that group one takes T and T+p in its first round and T+p+q in its second, while group
    // two takes T+p+q in its first round and T in its second (p, q, ... the requests' XP, as a
    // rolled back run of the groups finds them).
    const one = [request('a1', 1), request('a1', 1)];
    const two = [request('a2', 3), request('a3', 5), request('a3', 1)];
    const add = async (start: Record<string, number>) => {
      for (const [id, xp] of Object.entries(start)) {
        await db.query(sql`insert into learners (id, display_name, timezone, opted_in, created_at, total_xp, streak, last_active_date)
          values (${id}, ${id}, 'UTC', true, ${now}, ${xp}, 1, '2026-12-02')`);
        await db.query(sql`insert into scores (board, learner_id, score, visible) values ('all', ${id}, ${xp}, true)`);
      }
    };
    await add({ a1: 0, a2: 0, a3: 0 });
    const rollback = new Error('rollback');
    let xp: number[] = [];
    await db
      .transaction(async (q) => {
        const answers = [...(await ingestGroup(q, one, defaultPlausibility)), ...(await ingestGroup(q, two, defaultPlausibility))];
        xp = answers.map((results) => results.reduce((sum, result) => sum + result.xp, 0));
        throw rollback;
      })
      .catch((error: unknown) => {
        if (error !== rollback) throw error;
      });
    const [p, q, r, s, u] = xp as [number, number, number, number, number];
    expect(Math.min(p, q, r, s, u)).toBeGreaterThan(0);
    await db.query(sql`delete from scores`);
    await db.query(sql`delete from learners`);
    const t = 10_000;
    await add({ a1: t, a2: t + p + q, a3: t - s - u });
    // Each group's second round starts once the other's first has written (or after a while, if
    // it waits on the first's locks).
    const firstWritten = [signal(), signal()];
    const run = (me: number, requests: IngestRequest[]) =>
      db.transaction(async (q) => {
        let writes = 0;
        const paced: Q = async <T>(query: Parameters<Q>[0]) => {
          const rows = await q<T>(query);
          const text = query.queryChunks.map((chunk) => (chunk as { value?: string[] }).value?.join('') ?? '').join('');
          if (text.includes('insert into events') && ++writes === 1) {
            firstWritten[me]!.resolve();
            await Promise.race([firstWritten[1 - me]!.promise, new Promise((resolve) => setTimeout(resolve, 2000))]);
          }
          return rows;
        };
        return ingestGroup(paced, requests, defaultPlausibility);
      });
    const answers = await Promise.all([run(0, one), run(1, two)]);
    expect(answers.flat(2).map((answer) => answer.status)).toEqual(Array(11).fill('accepted'));
    // Each learner's old score less one and new one plus one: a1 T to T+p+q, a2 T+p+q to
    // T+p+q+r, a3 T-s-u to T.
    const counts = await db.query<{ score: number; n: number }>(
      sql`select score, sum(n)::int as n from score_counts where board = 'all' and n <> 0 group by score order by score`,
    );
    expect(counts).toEqual([
      { score: t - s - u, n: -1 },
      { score: t + p + q + r, n: 1 },
    ]);
  }, 30_000);
});
