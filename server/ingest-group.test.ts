// A group of requests is written with a statement per step for all of them (server/ingest.ts):
// whatever the requests (learners repeated, keys repeated, refusals, days and weeks), the answers
// and everything stored must be what ingesting them one by one gives.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, sql, type Database } from './db/database';
import { ingestGroup, type IngestRequest } from './ingest';
import { defaultPlausibility } from '../common/rules/plausibility';
import type { EventInput } from '../common/sync-api/schemas';

const now = Date.UTC(2026, 11, 2, 12);
const learners = ['p1', 'p2', 'p3', 'p4'];
let db: Database;

beforeAll(async () => {
  db = await openDatabase({ dataDir: null });
  // p3 is off the boards; p4 in another timezone.
  await db.query(sql`insert into learners (id, display_name, timezone, opted_in, created_at) values
    ('p1', 'P1', 'UTC', true, ${now}), ('p2', 'P2', 'UTC', true, ${now}), ('p3', 'P3', 'UTC', false, ${now}), ('p4', 'P4', 'America/New_York', true, ${now})`);
});
afterAll(() => db.close());

const event: fc.Arbitrary<EventInput> = fc.record({
  idempotencyKey: fc.constantFrom('k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7'),
  kind: fc.constantFrom('lesson-completed', 'check-passed', 'quiz-passed', 'hint-revealed', 'challenge-completed', 'module-completed'),
  courseId: fc.constantFrom('c0', 'c1', null),
  lessonId: fc.constantFrom('l0', 'l1', 'l2', null),
  // Over the last 10 days (two weeks at least), now and then in the future or too old.
  occurredAt: fc.oneof(
    fc.integer({ min: 0, max: 10 * 24 * 6 }).map((tenMinutes) => now - tenMinutes * 600_000),
    fc.constantFrom(now + 3_600_000, now - 40 * 86_400_000),
  ),
  activeSeconds: fc.option(fc.integer({ min: 0, max: 4000 }), { nil: undefined }),
  facts: fc.constant({ score: 90 }),
}) as fc.Arbitrary<EventInput>;

const request: fc.Arbitrary<IngestRequest> = fc.record({
  learnerId: fc.constantFrom(...learners, 'nobody'),
  events: fc.array(event, { minLength: 1, maxLength: 6 }),
  now: fc.constant(now),
});

/** Everything ingestion writes, in an order that does not depend on how the requests were grouped. */
async function snapshot(q: Parameters<Parameters<Database['transaction']>[0]>[0]) {
  return {
    // Each learner's events in the order of their ids (the restore feed's order).
    log: await q(sql`select learner_id, idempotency_key, kind, xp, code from (
        select id, learner_id, idempotency_key, kind, xp, null as code from events union all
        select id, learner_id, idempotency_key, kind, null, code from refused_events) e order by learner_id, id`),
    events: await q(
      sql`select learner_id, idempotency_key, local_date, week, xp, active_seconds, facts, received_at from events order by learner_id, idempotency_key`,
    ),
    learners: await q(sql`select id, league_tier, tier_settled_week, total_xp, streak, streak_freezes, last_active_date from learners order by id`),
    daily: await q(sql`select * from daily_xp order by learner_id, local_date`),
    progress: await q(sql`select * from course_progress order by learner_id, course_id`),
    scores: await q(sql`select * from scores order by board, learner_id`),
    counts: await q(sql`select * from score_counts order by board, score, stripe`),
    members: await q(sql`select week, learner_id, tier, xp from league_members order by week, learner_id`),
    leagues: await q(sql`select week, tier, sum(size)::int as size from leagues group by week, tier order by week, tier`),
  };
}

/** Runs `ingest` in a transaction, takes what it stored, and rolls it back. */
async function trial(ingest: (q: Parameters<Parameters<Database['transaction']>[0]>[0]) => Promise<unknown>) {
  const rollback = new Error('rollback');
  let seen: unknown;
  await db
    .transaction(async (q) => {
      seen = { answers: await ingest(q), stored: await snapshot(q) };
      throw rollback;
    })
    .catch((error: unknown) => {
      if (error !== rollback) throw error;
    });
  return seen;
}

it('answers and stores a group as it would its requests one by one', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(request, { minLength: 1, maxLength: 8 }), fc.array(request, { maxLength: 3 }), async (requests, before) => {
      const prepare = async (q: Parameters<Parameters<Database['transaction']>[0]>[0]) => {
        for (const r of before) await ingestGroup(q, [r], defaultPlausibility);
      };
      const alone = await trial(async (q) => {
        await prepare(q);
        const answers = [];
        for (const r of requests) answers.push(...(await ingestGroup(q, [r], defaultPlausibility)));
        return answers;
      });
      const grouped = await trial(async (q) => {
        await prepare(q);
        return ingestGroup(q, requests, defaultPlausibility);
      });
      expect(grouped).toEqual(alone);
    }),
    { numRuns: 40 },
  );
}, 120_000);
