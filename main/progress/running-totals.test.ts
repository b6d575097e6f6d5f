import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { LearningEvent } from '../../preload/contract/progress';
import { openStore, type Store } from '../store/open-store';
import { ProgressService } from './progress-service';
import { loadTotals, recomputeTotals, SAVED_KEY, type RunningTotals } from './running-totals';

const stores: Store[] = [];
afterEach(() => {
  while (stores.length) stores.pop()!.close();
});
const open = () => {
  const store = openStore(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'drona-totals-')), 'drona.db'));
  stores.push(store);
  return store;
};
const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 5, 10);
const plain = (totals: RunningTotals) => ({
  totalXp: totals.totalXp,
  global: totals.tally.global,
  byCourse: Object.fromEntries([...totals.tally.byCourse].sort(([a], [b]) => a.localeCompare(b))),
  streak: totals.streak,
  activeDays: totals.activeDays,
});

const eventArb = fc.record({
  kind: fc.constantFrom<LearningEvent['kind']>('lesson-completed', 'quiz-passed', 'check-passed', 'hint-revealed', 'challenge-completed'),
  course: fc.constantFrom('a', 'b'),
  day: fc.integer({ min: 0, max: 40 }),
  minute: fc.integer({ min: 0, max: 1439 }),
  timezone: fc.constantFrom('UTC', 'Asia/Kolkata', 'America/New_York'),
  firstAttempt: fc.option(fc.boolean(), { nil: undefined }),
  score: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
  hintsUsed: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
});
const toEvent = (e: { kind: LearningEvent['kind']; course: string; day: number; minute: number; timezone: string } & Partial<LearningEvent>, i: number) => ({
  kind: e.kind,
  idempotencyKey: `k${i}-${e.kind}-${e.day}-${e.minute}`,
  courseId: e.course,
  lessonId: `l${i}`,
  occurredAt: START + e.day * DAY + e.minute * 60_000,
  timezone: e.timezone,
  ...(e.firstAttempt === undefined ? {} : { firstAttempt: e.firstAttempt }),
  ...(e.score === undefined ? {} : { score: e.score }),
  ...(e.hintsUsed === undefined ? {} : { hintsUsed: e.hintsUsed }),
});

describe('running totals', () => {
  it('equal a full recomputation for any ledger, across restarts and out-of-order events', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(eventArb, { maxLength: 12 }), { minLength: 1, maxLength: 4 }), async (sessions) => {
        const store = open();
        let i = 0;
        for (const session of sessions) {
          // Each session is a fresh start of the app over the same file.
          const progress = new ProgressService(store, { now: () => START + 50 * DAY });
          progress.snapshot();
          for (const e of session) await progress.record(toEvent(e, i++));
          const full = plain(recomputeTotals(store.sqlite));
          expect(plain(loadTotals(store.sqlite, 0))).toEqual(full);
          const { tally, streak } = progress.state();
          expect({ global: tally.global, streak }).toEqual({ global: recomputeTotalsWithDerived(store), streak: full.streak });
        }
        store.close();
        stores.pop();
      }),
      { numRuns: 40 },
    );
  });

  it('recompute in full when the save no longer matches the tables (data erased, rows replaced)', async () => {
    const store = open();
    const progress = new ProgressService(store, { now: () => START });
    await progress.record(toEvent({ kind: 'lesson-completed', course: 'a', day: 0, minute: 0, timezone: 'UTC' }, 0));
    loadTotals(store.sqlite, 0);
    store.sqlite.exec('DELETE FROM xp_ledger; DELETE FROM activity_events;');
    expect(plain(loadTotals(store.sqlite, 0))).toEqual(plain(recomputeTotals(store.sqlite)));
    expect(loadTotals(store.sqlite, 0).totalXp).toBe(0);
  });

  it('read a save of the older shape (every active date listed) as its count, then save the count', async () => {
    const store = open();
    const progress = new ProgressService(store, { now: () => START });
    for (const day of [0, 0, 1, 3]) await progress.record(toEvent({ kind: 'lesson-completed', course: 'a', day, minute: day, timezone: 'UTC' }, day));
    loadTotals(store.sqlite, 0);
    const read = () => JSON.parse(store.sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(SAVED_KEY) as string) as Record<string, unknown>;
    const { activeDays, ...older } = read();
    expect(activeDays).toBe(3);
    store.sqlite.prepare('UPDATE settings SET value = ? WHERE key = ?').run(JSON.stringify({ ...older, activeDates: ['d1', 'd2', 'd3'] }), SAVED_KEY);
    expect(loadTotals(store.sqlite, 0).activeDays).toBe(3);
    expect(read()).toMatchObject({ activeDays: 3 });
    expect(read()).not.toHaveProperty('activeDates');
  });

  it('recompute in full when the saved value is unreadable or from other rules', () => {
    const store = open();
    for (const value of ['not json', JSON.stringify({ rules: 'older', eventId: 0, xpId: 0 })]) {
      store.sqlite.prepare('INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES (?, ?, 0)').run(SAVED_KEY, value);
      expect(plain(loadTotals(store.sqlite, 0))).toEqual(plain(recomputeTotals(store.sqlite)));
    }
  });
});

/** The service's global stats are the event counts plus the figures it derives (XP, level, streak). */
function recomputeTotalsWithDerived(store: Store) {
  const progress = new ProgressService(store, { now: () => START + 50 * DAY });
  store.sqlite.prepare('DELETE FROM settings WHERE key = ?').run(SAVED_KEY);
  return progress.state().tally.global;
}
