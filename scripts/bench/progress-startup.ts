// Start-up cost of the progress service at a given ledger size: the app's first snapshot after
// a restart (saved running totals checked, then read), the same after 100 events were recorded
// since the save, the one-off full recomputation (first start of this version), and migration
// 0008's backfill of the per-day totals (the upgrade of a store with that history).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ProgressService } from '../../main/progress/progress-service';
import { recomputeTotals } from '../../main/progress/running-totals';
import { defaultMigrationsFolder, openStore } from '../../main/store/open-store';
import { lastSeedDay, seedLedger } from './progress-seed';

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;

/** Migration 0008's backfill statements (the ones after its triggers), to time the upgrade of a store with history. */
const backfill = fs
  .readFileSync(path.join(defaultMigrationsFolder, '0008_daily_totals.sql'), 'utf8')
  .split('--> statement-breakpoint')
  .filter((statement) => /^\s*INSERT INTO/m.test(statement) && !statement.includes('CREATE TRIGGER'));

export function startupAt(rows: number): { open: number; first: number; afterNew: number; full: number; baseline: number; backfill: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-bench-startup-'));
  const file = path.join(dir, 'drona.db');
  let store = openStore(file);
  seedLedger(store, rows);
  const now = () => lastSeedDay(rows) + 86_400_000;
  let t = performance.now();
  recomputeTotals(store.sqlite);
  const full = performance.now() - t;
  // Upgrading to 0008: its totals rebuilt from this history in one transaction.
  t = performance.now();
  store.sqlite.transaction(() => {
    store.sqlite.exec('DELETE FROM daily_totals; DELETE FROM daily_interactions');
    for (const statement of backfill) store.sqlite.exec(statement);
  })();
  const backfilled = performance.now() - t;
  new ProgressService(store, { now }).snapshot(); // saves the running totals, as a first run of the app does
  store.close();

  // Restarts: a new connection and service each time, the first snapshot timed (median of 5).
  // Opening the store is timed too: after a clean close it skips the page-by-page quick_check.
  const open: number[] = [];
  const first: number[] = [];
  const baseline: number[] = [];
  for (let run = 0; run < 5; run++) {
    t = performance.now();
    store = openStore(file);
    open.push(performance.now() - t);
    t = performance.now();
    store.sqlite.prepare('SELECT timezone FROM profile WHERE id = 1').get();
    baseline.push(performance.now() - t);
    t = performance.now();
    new ProgressService(store, { now }).snapshot();
    first.push(performance.now() - t);
    store.close();
  }
  // 100 events recorded by another process since the save, then a restart.
  store = openStore(file);
  const insert = store.sqlite.prepare(
    "INSERT INTO activity_events (idempotency_key, kind, course_id, lesson_id, occurred_at, timezone, local_date, detail) VALUES (?, 'check-passed', 'c', 'l', ?, 'UTC', '2099-01-01', '{}')",
  );
  store.sqlite.transaction(() => {
    for (let i = 0; i < 100; i++) insert.run(`later:${i}`, now() + i);
  })();
  store.close();
  store = openStore(file);
  t = performance.now();
  new ProgressService(store, { now }).snapshot();
  const afterNew = performance.now() - t;
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return { open: median(open), first: median(first), afterNew, full, baseline: Math.max(0.001, median(baseline)), backfill: backfilled };
}
