// bench:progress — with a ledger of 100,000 rows: the time to record one learning event
// (activity row, XP row, lesson progress, all achievements evaluated, outbox row, one
// transaction) and to evaluate every achievement; Next up and all six learning metrics on that
// history (read from the per-day totals of migration 0008), each with p50/p95 and CPU time, after a write and with the store unchanged; the first snapshot after start with 10k, 100k and 1M-row ledgers (from the saved
// running totals, and the one-off full recomputation); and the time to render the Progress view
// in Chromium (serve mode) against the Settings view.
// Baselines, measured in the same run on the same file: one bare INSERT in its own transaction;
// for Next up, the metrics and start-up, one indexed SELECT of the profile row.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { emptyTally, newlyEarned, tallyEvent } from '../../main/progress/achievements';
import { buildDashboard } from '../../main/progress/dashboard';
import { builtinAchievements, ProgressService } from '../../main/progress/progress-service';
import { learningMetrics } from '../../main/learner/metrics-service';
import { openStore } from '../../main/store/open-store';
import { PathService } from '../../main/path/path-service';
import { PracticeService } from '../../main/practice/practice-service';
import { lastSeedDay, seedLearner, seedLedger } from './progress-seed';
import { startupAt } from './progress-startup';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const LEDGER_ROWS = Number(process.env.BENCH_LEDGER ?? 100_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 2_000);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const STARTUP_ROWS = (process.env.BENCH_STARTUP_ROWS ?? '10000,100000,1000000').split(',').map(Number);

const stats = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { mean: samples.reduce((s, x) => s + x, 0) / samples.length, p50: at(0.5), p95: at(0.95) };
};
const ms = (n: number) => `${n.toFixed(3)} ms`;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-bench-progress-'));
const file = path.join(dataDir, 'drona.db');
const store = openStore(file);
console.log(`seeding ${LEDGER_ROWS.toLocaleString()} ledger rows and activity events…`);
seedLedger(store, LEDGER_ROWS);

// Baseline: one bare INSERT per transaction on the same connection and file.
store.sqlite.exec('CREATE TABLE bench_baseline (id INTEGER PRIMARY KEY, key TEXT UNIQUE, at INTEGER)');
const bare = store.sqlite.prepare('INSERT INTO bench_baseline (key, at) VALUES (?, ?)');
const bareTx = store.sqlite.transaction((i: number) => bare.run(`k${i}`, i));
const baseline: number[] = [];
for (let i = 0; i < EVENTS; i++) {
  const t = performance.now();
  bareTx.immediate(i);
  baseline.push(performance.now() - t);
}

const lastSeed = lastSeedDay(LEDGER_ROWS);
const progress = new ProgressService(store, { now: () => lastSeed + 86_400_000 });
let t = performance.now();
progress.snapshot();
const coldSnapshot = performance.now() - t;

const record: number[] = [];
for (let i = 0; i < EVENTS; i++) {
  const occurredAt = lastSeed + 86_400_000 + i * 1000;
  t = performance.now();
  await progress.record({
    kind: 'lesson-completed',
    idempotencyKey: `bench:${i}`,
    courseId: 'bench',
    lessonId: `l${i}`,
    occurredAt,
    timezone: 'UTC',
    firstAttempt: true,
    elapsedSeconds: 60,
  });
  record.push(performance.now() - t);
}
const duplicate: number[] = [];
for (let i = 0; i < 500; i++) {
  t = performance.now();
  await progress.record({ kind: 'lesson-completed', idempotencyKey: `bench:${i}`, occurredAt: 0, timezone: 'UTC' });
  duplicate.push(performance.now() - t);
}

// Evaluating every achievement alone (the part of record that grows with definitions).
const tally = emptyTally();
tallyEvent(tally, { kind: 'lesson-completed' });
const evaluation: number[] = [];
for (let i = 0; i < EVENTS; i++) {
  t = performance.now();
  newlyEarned(builtinAchievements(), new Set(), tally, { kind: 'lesson-completed', localHour: 12, hintsUsed: 0 });
  evaluation.push(performance.now() - t);
}
const dashboardRuns: number[] = [];
for (let i = 0; i < 5; i++) {
  t = performance.now();
  await buildDashboard(store, progress, lastSeed + 86_400_000 * 2);
  dashboardRuns.push(performance.now() - t);
}
// Recommendation + all six metrics, as the Progress view and Next up ask for them.
const metricsNow = lastSeed + 86_400_000 * 2;
seedLearner(store, metricsNow);
// The app's own readers, wired as main/app/services.ts wires them.
const practice = new PracticeService(store, { now: () => metricsNow, timezone: () => 'UTC' });
const paths = new PathService(store, {
  now: () => metricsNow,
  timezone: () => 'UTC',
  goal: () => 'Automate my reports',
  lastCourseId: () => 'bench-course',
  dueReviews: () => practice.dueCount(),
});
// Next up and the metrics each timed alone (wall and CPU), interleaved with the baseline so
// that a loaded machine weighs on all three alike: one indexed SELECT of the profile row. Each
// run first writes one row (as a learning event would), so Next up and the metrics read the store
// afresh ("after a write"), then asks again with the store unchanged, as the Progress view, the
// HUD and the Mentor do between two events ("unchanged": what they read is kept).
const profileRow = store.sqlite.prepare('SELECT timezone FROM profile WHERE id = 1');
const timings = () => ({ nextUp: [] as number[], metrics: [] as number[], both: [] as number[], cpu: { nextUp: 0, metrics: 0 } });
const learner = { fresh: timings(), kept: timings(), baseline: [] as number[] };
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};
const timeLearner = (into: ReturnType<typeof timings>) => {
  let c = process.cpuUsage();
  t = performance.now();
  paths.nextUp();
  const nextUpMs = performance.now() - t;
  into.cpu.nextUp += cpuMs(c);
  c = process.cpuUsage();
  t = performance.now();
  learningMetrics(store, metricsNow, 'UTC');
  const metricsMs = performance.now() - t;
  into.cpu.metrics += cpuMs(c);
  into.nextUp.push(nextUpMs);
  into.metrics.push(metricsMs);
  into.both.push(nextUpMs + metricsMs);
};
const LEARNER_RUNS = 300;
for (let i = 0; i < LEARNER_RUNS; i++) {
  t = performance.now();
  profileRow.get();
  learner.baseline.push(performance.now() - t);
  bare.run(`learner${i}`, i);
  timeLearner(learner.fresh);
  timeLearner(learner.kept);
}
const ledger = (store.sqlite.prepare('SELECT count(*) AS n FROM xp_ledger').get() as { n: number }).n;
store.close();

const b = stats(baseline);
const r = stats(record);
console.log(
  `\nload average ${os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')} on ${os.cpus().length} CPUs (wall times grow with it; CPU times less so)`,
);
console.log(`ledger rows: ${ledger.toLocaleString()}, built-in achievements: ${builtinAchievements().length}, events timed: ${EVENTS}`);
console.log(`baseline  bare INSERT transaction     mean ${ms(b.mean)}  p50 ${ms(b.p50)}  p95 ${ms(b.p95)}`);
console.log(
  `record    one event, all achievements mean ${ms(r.mean)}  p50 ${ms(r.p50)}  p95 ${ms(r.p95)}  (${(r.mean / b.mean).toFixed(1)}× baseline; goal < 2 ms: ${r.p95 < 2 ? 'met' : 'NOT met'} at p95)`,
);
const d = stats(duplicate);
console.log(`duplicate same key again              mean ${ms(d.mean)}  p50 ${ms(d.p50)}  (${(d.mean / b.mean).toFixed(1)}× baseline)`);
const e = stats(evaluation);
console.log(`evaluate  all ${builtinAchievements().length} achievements          mean ${ms(e.mean)}  p95 ${ms(e.p95)}`);
console.log(`dashboard progress.dashboard query     p50 ${ms(stats(dashboardRuns).p50)}`);
console.log(`start     first snapshot, no saved totals yet (${LEDGER_ROWS.toLocaleString()} rows) ${ms(coldSnapshot)}`);
const lb = stats(learner.baseline);
console.log(`learner   baseline: profile row SELECT     p50 ${ms(lb.p50)}  p95 ${ms(lb.p95)}  (${LEARNER_RUNS} runs, interleaved)`);
for (const [when, x] of [
  ['after a write', learner.fresh],
  ['unchanged    ', learner.kept],
] as const) {
  for (const [name, label] of [
    ['nextUp', 'Next up (recommendation)'],
    ['metrics', 'six learning metrics    '],
  ] as const) {
    const s = stats(x[name]);
    console.log(
      `learner   ${when} ${label} p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  CPU mean ${ms(x.cpu[name] / LEARNER_RUNS)}  (p95 ${(s.p95 / lb.p95).toFixed(0)}× baseline p95)`,
    );
  }
  const both = stats(x.both);
  console.log(
    `learner   ${when} Next up + 6 metrics     p50 ${ms(both.p50)}  p95 ${ms(both.p95)}  (goal < 20 ms: ${both.p95 < 20 ? 'met' : 'NOT met'} at p95)`,
  );
}
for (const rows of STARTUP_ROWS) {
  const s = startupAt(rows);
  console.log(
    `start     ${rows.toLocaleString().padStart(9)} rows: first snapshot ${ms(s.first)} (${(s.first / s.baseline).toFixed(0)}× profile SELECT ${ms(s.baseline)}; goal < 50 ms: ${s.first < 50 ? 'met' : 'NOT met'}), after 100 new events ${ms(s.afterNew)}, one-off full recomputation ${ms(s.full)}; opening the store before it ${ms(s.open)}; migration 0008 backfill ${ms(s.backfill)}`,
  );
}

// Rendering the Progress view: serve mode on this data, Chromium, click → charts drawn.
if (!fs.existsSync(chromiumPath)) {
  console.log(`render    skipped: no Chromium at ${chromiumPath} (set CHROMIUM_PATH)`);
} else {
  const child = spawn(process.execPath, [path.join(root, 'bin', 'drona.mjs'), 'serve', '--no-open', '--data-dir', dataDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /running at (\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
  const browser = await chromium.launch({ executablePath: chromiumPath });
  const renders: number[] = [];
  const firsts: number[] = [];
  const baselines: number[] = [];
  try {
    // Run 0 is a warm-up, not counted: the served app's first look at a file seeded by this
    // script recomputes the running totals once (a build's rules hash differs from tsx's).
    for (let run = 0; run < 6; run++) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await page.goto(url);
      await page.getByRole('navigation', { name: 'Activities' }).waitFor();
      // Baseline: switching to the Settings view (a plain form) the same way.
      let begin = Date.now();
      await page.getByRole('navigation', { name: 'Activities' }).getByRole('button', { name: 'Settings' }).click();
      await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
      const settingsMs = Date.now() - begin;
      begin = Date.now();
      await page.getByRole('navigation', { name: 'Activities' }).getByRole('button', { name: 'Progress' }).click();
      // First drawn: the view's heading and its sections' headings, each section loading on its own.
      await page.getByRole('heading', { name: 'Progress', level: 1 }).waitFor();
      const firstMs = Date.now() - begin;
      await page.locator('.recharts-surface').first().waitFor();
      await page.locator('.metric-grid').waitFor();
      await page.getByRole('img', { name: /Activity calendar/ }).waitFor();
      if (run > 0) {
        renders.push(Date.now() - begin);
        firsts.push(firstMs);
        baselines.push(settingsMs);
      }
      await page.close();
    }
  } finally {
    await browser.close();
    await new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM')));
  }
  const rr = stats(renders);
  const bb = stats(baselines);
  const ff = stats(firsts);
  console.log(
    `render    Progress view (click → charts) p50 ${rr.p50} ms  mean ${rr.mean.toFixed(0)} ms  vs Settings view p50 ${bb.p50} ms (${(rr.p50 / Math.max(1, bb.p50)).toFixed(1)}×; goal < 2×); first drawn p50 ${ff.p50} ms (${(ff.p50 / Math.max(1, bb.p50)).toFixed(1)}×)`,
  );
}
fs.rmSync(dataDir, { recursive: true, force: true });
