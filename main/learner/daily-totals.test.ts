// The per-day totals of migration 0008 always equal a rescan of the history they sum, whatever
// the events, their order and their replays; the backfill of an older store too.
import type { Database } from 'better-sqlite3';
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { QUALIFYING_KINDS } from '../../common/rules/xp-rules';
import { openStore, type Store } from '../store/open-store';
import { ProgressService } from '../progress/progress-service';
import { dailyInteractions, dailyTotals, utcDay } from './daily-totals';
import { migrationsUpTo } from './testing/migrations';

const DAY = 86_400_000;
const LESSON_KINDS = new Set(['lesson-completed', 'challenge-completed', 'quiz-passed']);
const KINDS = [...QUALIFYING_KINDS, 'module-completed', 'course-completed', 'placement-taken'];
const START = Date.UTC(2026, 0, 1);

const dirs: string[] = [];
const stores: Store[] = [];
afterAll(() => {
  for (const store of stores) store.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});
function tempStore(migrations?: string): Store {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-daily-totals-'));
  dirs.push(dir);
  const store = openStore(path.join(dir, 'drona.db'), migrations);
  stores.push(store);
  return store;
}

/** What the history says, summed in JavaScript from every row of the tables the totals come from. */
function rescan(db: Database) {
  const totals = new Map<string, { date: string; xp: number; xpEntries: number; qualifying: number; lessons: number; modules: number }>();
  const total = (date: string) => totals.get(date) ?? totals.set(date, { date, xp: 0, xpEntries: 0, qualifying: 0, lessons: 0, modules: 0 }).get(date)!;
  for (const row of db.prepare('SELECT local_date AS date, amount FROM xp_ledger').all() as { date: string; amount: number }[]) {
    total(row.date).xp += row.amount;
    total(row.date).xpEntries++;
  }
  const events = db.prepare('SELECT local_date AS date, kind, occurred_at AS at FROM activity_events').all() as { date: string; kind: string; at: number }[];
  for (const event of events) {
    const day = total(event.date);
    day.qualifying += QUALIFYING_KINDS.has(event.kind) ? 1 : 0;
    day.lessons += LESSON_KINDS.has(event.kind) ? 1 : 0;
    day.modules += event.kind === 'module-completed' ? 1 : 0;
  }
  const interactions = new Map<number, { day: number; interactions: number; reviews: number; recalled: number; slots: Set<number> }>();
  const touch = (at: number, review?: boolean) => {
    const day = utcDay(at);
    const row = interactions.get(day) ?? interactions.set(day, { day, interactions: 0, reviews: 0, recalled: 0, slots: new Set() }).get(day)!;
    row.interactions++;
    row.slots.add(Math.floor((at - day * DAY) / 1_800_000));
    if (review !== undefined) {
      row.reviews++;
      row.recalled += review ? 1 : 0;
    }
  };
  for (const event of events) touch(event.at);
  for (const at of db.prepare('SELECT created_at FROM attempts').pluck().all() as number[]) touch(at);
  for (const at of db.prepare('SELECT revealed_at FROM hint_reveals').pluck().all() as number[]) touch(at);
  for (const row of db.prepare('SELECT reviewed_at AS at, correct FROM review_log').all() as { at: number; correct: number }[])
    touch(row.at, row.correct === 1);
  return {
    totals: [...totals.values()].sort((a, b) => a.date.localeCompare(b.date)),
    interactions: [...interactions.values()]
      .sort((a, b) => a.day - b.day)
      .map(({ slots, ...row }) => ({ ...row, slots: [...slots].reduce((sum, slot) => sum + 2 ** slot, 0) })),
  };
}
const stored = (db: Database) => ({ totals: dailyTotals(db, '0000-01-01'), interactions: dailyInteractions(db, 0) });

/** One write of the history, as the app's services make them (duplicates ignored by their keys). */
const instant = fc.integer({ min: START, max: START + 20 * DAY });
const write = fc.oneof(
  fc.record({
    table: fc.constant('event' as const),
    key: fc.integer({ min: 0, max: 30 }),
    kind: fc.constantFrom(...KINDS),
    at: instant,
    tzShift: fc.constantFrom(-1, 0, 1),
  }),
  fc.record({ table: fc.constant('xp' as const), key: fc.integer({ min: 0, max: 30 }), amount: fc.integer({ min: -15, max: 100 }), at: instant }),
  fc.record({ table: fc.constant('attempt' as const), at: instant }),
  fc.record({ table: fc.constant('hint' as const), lesson: fc.integer({ min: 0, max: 3 }), index: fc.integer({ min: 0, max: 2 }), at: instant }),
  fc.record({ table: fc.constant('review' as const), correct: fc.boolean(), at: instant }),
);
type Write = typeof write extends fc.Arbitrary<infer T> ? T : never;

function apply(db: Database, writes: readonly Write[]) {
  const statements = {
    event: db.prepare(
      "INSERT INTO activity_events (idempotency_key, kind, occurred_at, timezone, local_date) VALUES (?, ?, ?, 'UTC', ?) ON CONFLICT DO NOTHING",
    ),
    // The ledger is append-only and written once per event key by the progress service.
    xp: db.prepare(
      "INSERT INTO xp_ledger (idempotency_key, activity, base_xp, amount, occurred_at, timezone, local_date) SELECT @key, 'check-passed', @amount, @amount, @at, 'UTC', @date WHERE NOT EXISTS (SELECT 1 FROM xp_ledger WHERE idempotency_key = @key)",
    ),
    attempt: db.prepare("INSERT INTO attempts (course_id, lesson_id, kind, passed, created_at) VALUES ('c', 'l', 'check', 0, ?)"),
    hint: db.prepare("INSERT INTO hint_reveals (course_id, lesson_id, hint_index, revealed_at) VALUES ('c', ?, ?, ?) ON CONFLICT DO NOTHING"),
    review: db.prepare("INSERT INTO review_log (card_id, correct, rating, response_ms, reviewed_at) VALUES (1, ?, 'good', 3000, ?)"),
  };
  // A local date that differs from the UTC one, as for a learner east or west of Greenwich.
  const dateOf = (at: number, shift = 0) => new Date(at + shift * 10 * 3600_000).toISOString().slice(0, 10);
  for (const w of writes) {
    if (w.table === 'event') statements.event.run(`e${w.key}`, w.kind, w.at, dateOf(w.at, w.tzShift));
    else if (w.table === 'xp') statements.xp.run({ key: `x${w.key}`, amount: w.amount, at: w.at, date: dateOf(w.at) });
    else if (w.table === 'attempt') statements.attempt.run(w.at);
    else if (w.table === 'hint') statements.hint.run(`l${w.lesson}`, w.index, w.at);
    else statements.review.run(w.correct ? 1 : 0, w.at);
  }
}

describe('daily totals', () => {
  it('equal a rescan of the history for any writes, in any order, replays included', () => {
    const store = tempStore();
    const db = store.sqlite;
    fc.assert(
      fc.property(fc.array(write, { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 20 }), (writes, replays) => {
        db.exec('BEGIN');
        try {
          // Replays: the same writes again (the same keys), anywhere in the sequence.
          const again = writes.length === 0 ? [] : replays.map((i) => writes[i % writes.length]!);
          apply(db, [...writes, ...again]);
          expect(stored(db)).toEqual(rescan(db));
        } finally {
          db.exec('ROLLBACK');
        }
      }),
      { numRuns: 150 },
    );
  });

  it('are backfilled from the history an older version left, and kept from then on', () => {
    fc.assert(
      fc.property(fc.array(write, { maxLength: 40 }), fc.array(write, { maxLength: 20 }), (before, after) => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-daily-backfill-'));
        dirs.push(dir);
        const file = path.join(dir, 'drona.db');
        const old = openStore(file, migrationsUpTo('0007_exams'));
        apply(old.sqlite, before);
        old.close();
        const store = openStore(file);
        try {
          expect(stored(store.sqlite)).toEqual(rescan(store.sqlite));
          apply(store.sqlite, [...after, ...before]);
          expect(stored(store.sqlite)).toEqual(rescan(store.sqlite));
        } finally {
          store.close();
        }
      }),
      { numRuns: 12 },
    );
  });

  it('follow what the progress service records, once per event key', async () => {
    const store = tempStore();
    const now = START + 3 * DAY + 9 * 3600_000;
    const progress = new ProgressService(store, { now: () => now });
    const event = { kind: 'check-passed' as const, courseId: 'c', lessonId: 'l', occurredAt: now, timezone: 'Asia/Kolkata' };
    await progress.record({ ...event, idempotencyKey: 'one' });
    await progress.record({ ...event, idempotencyKey: 'one' });
    await progress.record({ ...event, idempotencyKey: 'two', kind: 'module-completed' });
    expect(stored(store.sqlite)).toEqual(rescan(store.sqlite));
    expect(dailyTotals(store.sqlite, '2026-01-04')).toMatchObject([{ date: '2026-01-04', qualifying: 1, modules: 1 }]);
    expect(dailyInteractions(store.sqlite, utcDay(now))).toMatchObject([{ interactions: 2, slots: 2 ** 18 }]);
  });
});
