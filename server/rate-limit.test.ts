// Rate limits live in the database: the bucket arithmetic on PGlite, and two API instances on
// loopback against one PostgreSQL that refuse together once a client's burst is spent.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { describeWhen } from '../common/testing/capabilities';
import { openDatabase, type Database } from './db/database';
import { RateLimiter } from './rate-limit';
import { startServer, type RunningServer } from './start';
import { createTestDatabase, testDatabaseUrl } from './testing/api-harness';

describe('database token buckets (PGlite)', () => {
  it('grants a burst, refuses with the wait, refills over time, and keeps namespaces apart', async () => {
    const db = await openDatabase({ dataDir: null });
    let now = 1_000_000;
    const limiter = new RateLimiter(db, 'a', { burst: 3, perSecond: 0.5 }, () => now);
    const other = new RateLimiter(db, 'b', { burst: 1, perSecond: 0.5 }, () => now);
    const takes = [];
    for (let i = 0; i < 4; i++) takes.push(await limiter.take('k'));
    expect(takes).toEqual([{ ok: true }, { ok: true }, { ok: true }, { ok: false, retryAfterSeconds: 2 }]);
    expect(await other.take('k')).toEqual({ ok: true });
    expect(await limiter.take('someone-else')).toEqual({ ok: true });
    now += 1000; // half a token: still refused, and the refusal took nothing
    expect(await limiter.take('k')).toEqual({ ok: false, retryAfterSeconds: 1 });
    now += 1000;
    expect(await limiter.take('k')).toEqual({ ok: true });
    expect(await limiter.take('k')).toMatchObject({ ok: false });
    now += 60_000; // refills to the burst, never past it
    for (let i = 0; i < 3; i++) expect(await limiter.take('k')).toEqual({ ok: true });
    expect(await limiter.take('k')).toMatchObject({ ok: false });
    await db.close();
  }, 120_000);
});

/** `db` counting the statements run through it. */
function counting(db: Database): { db: Database; statements: () => number } {
  let statements = 0;
  return {
    db: {
      ...db,
      query: (query, name) => {
        statements++;
        return db.query(query, name);
      },
    },
    statements: () => statements,
  };
}

describe('grouped takes (PGlite)', () => {
  it('answer exactly as the same takes one by one, for any takes over a few keys and any clocks', async () => {
    const db = await openDatabase({ dataDir: null });
    let run = 0;
    const take = fc.record({ key: fc.constantFrom('a', 'b', 'c'), step: fc.integer({ min: -500, max: 3_000 }) });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(take, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom(0.5, 1, 3.3),
        async (batches, burst, perSecond) => {
          run++;
          let now = 1_000_000;
          const limit = { burst, perSecond };
          const oneByOne = new RateLimiter(db, `one-${run}`, limit, () => now);
          const grouped = counting(db);
          const together = new RateLimiter(grouped.db, `together-${run}`, limit, () => now);
          const expected = [];
          const actual = [];
          let takes = 0;
          for (const batch of batches) {
            const start = now;
            for (const { key, step } of batch) {
              now += step;
              expected.push(await oneByOne.take(key));
            }
            now = start;
            // The batch's takes all at once, each at its own clock: all but the first wait for the first's statement and share one.
            const pending = batch.map(({ key, step }) => {
              now += step;
              return together.take(key);
            });
            actual.push(...(await Promise.all(pending)));
            takes += batch.length;
          }
          expect(actual).toEqual(expected);
          expect(grouped.statements()).toBeLessThanOrEqual(takes);
          expect(grouped.statements()).toBe(batches.reduce((sum, batch) => sum + Math.min(batch.length, 2), 0));
        },
      ),
      { numRuns: 60 },
    );
    await db.close();
  }, 300_000);
});

describe("takes in a transaction (ingestion's group commit)", () => {
  it('takes a repeated key once per request in turn, answers in order, and commits or rolls back with the transaction', async () => {
    const db = await openDatabase({ dataDir: null });
    const now = 1_000_000;
    const limiter = new RateLimiter(db, 'a', { burst: 3, perSecond: 0.5 }, () => now);
    // A burst of five concurrent requests of one client shares a group: only three pass.
    const taken = await db.transaction((q) => limiter.takeEach(q, ['k', 'other', 'k', 'k', 'k', 'k']));
    expect(taken).toEqual([{ ok: true }, { ok: true }, { ok: true }, { ok: true }, { ok: false, retryAfterSeconds: 2 }, { ok: false, retryAfterSeconds: 2 }]);
    expect(await limiter.take('k')).toEqual({ ok: false, retryAfterSeconds: 2 });
    expect(await limiter.take('other')).toEqual({ ok: true });
    // A group that fails keeps none of its takes (its requests run again, each alone).
    await expect(
      db.transaction(async (q) => {
        await limiter.takeEach(q, ['fresh', 'fresh', 'fresh']);
        throw new Error('group failed');
      }),
    ).rejects.toThrow('group failed');
    expect(await db.transaction((q) => limiter.takeEach(q, ['fresh', 'fresh', 'fresh', 'fresh']))).toEqual([
      { ok: true },
      { ok: true },
      { ok: true },
      { ok: false, retryAfterSeconds: 2 },
    ]);
    await db.close();
  }, 120_000);
});

describeWhen(Boolean(testDatabaseUrl), 'a PostgreSQL in DRONA_TEST_DATABASE_URL', 'two instances, one PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  const servers: RunningServer[] = [];
  afterAll(async () => {
    for (const server of servers) await server.close();
    await database?.drop();
  });

  it('a client that spent its burst on one instance is refused by the other', async () => {
    database ??= await createTestDatabase();
    const { url } = database;
    // Both start at once: one migrates, the other waits on the migration lock.
    servers.push(...(await Promise.all([0, 1].map(() => startServer({ databaseUrl: url, port: 0, poolSize: 2, rateLimit: { burst: 4, perSecond: 0.001 } })))));
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      // A refresh with no token: 400 while the client's bucket holds a token, 429 after.
      const res = await fetch(`${servers[i % 2]!.url}/v1/auth/refresh`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 429, 429, 429, 429]);
  }, 120_000);

  it('grants exactly the burst to many concurrent takes of one key across two instances, in shared statements', async () => {
    database ??= await createTestDatabase();
    const { url } = database;
    const burst = 50;
    const takes = 400;
    const instances = await Promise.all([0, 1].map(() => openDatabase({ databaseUrl: url, poolSize: 4 })));
    try {
      const counted = instances.map(counting);
      const limiters = counted.map(({ db }) => new RateLimiter(db, 'race', { burst, perSecond: 0.001 }, Date.now));
      const taken = await Promise.all(Array.from({ length: takes }, (_, i) => limiters[i % 2]!.take('k')));
      expect(taken.filter((t) => t.ok)).toHaveLength(burst);
      expect(taken.filter((t) => !t.ok).every((t) => !t.ok && t.retryAfterSeconds > 900)).toBe(true);
      // Grouped: far fewer statements than takes.
      const statements = counted.reduce((sum, { statements }) => sum + statements(), 0);
      expect(statements).toBeLessThan(takes / 10);
      expect(await limiters[1]!.take('k')).toMatchObject({ ok: false });
    } finally {
      await Promise.all(instances.map((db) => db.close()));
    }
  }, 120_000);
});
