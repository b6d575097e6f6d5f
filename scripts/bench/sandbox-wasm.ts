// The WebAssembly driver's part of bench:sandbox: cold start (the first run of a fresh driver:
// the worker loads Pyodide or QuickJS first), warm Run and warm Check (a loaded spare waiting),
// and Runs back to back (each waits for the next worker to load). For Python, also the app's cold
// start with and without the snapshot file an earlier start saved (snapshot-file.ts), and a fresh
// install's, from the snapshot the build shipped (scripts/python-snapshot.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SandboxLanguage, SandboxFile, SandboxLimitsInput } from '../../preload/contract/sandbox';
import { checkPlan, runPlan } from '../../main/sandbox/commands';
import type { ExecOutcome, ExecSpec } from '../../main/sandbox/driver';
import { checkExtraMs, defaultLimits, resolveLimits } from '../../main/sandbox/limits';
import { sandboxRoot, shippedSnapshotDir } from '../../main/sandbox/runner-images';
import { harnessFiles } from '../../main/sandbox/harness-files';
import { WasmDriver } from '../../main/sandbox/wasm/wasm-driver';
import { workerEntry } from '../../main/sandbox/wasm/worker-entry';

/** An exercise's files, tests and limits, as a Check sends them (sandbox.ts reads the one the UI clicks). */
export interface ClickedExercise {
  readonly files: readonly SandboxFile[];
  readonly tests: readonly SandboxFile[];
  readonly limits?: SandboxLimitsInput;
}

type Measure = (label: string, count: number, fn: () => Promise<unknown>, between?: () => Promise<void>) => Promise<{ p50: number; p95: number }>;

const harnessDir = path.join(sandboxRoot(), 'harness', 'wasm');
// The app runs the built worker (dist/main); from source, tsx would compile the worker's modules in each new worker.
const builtBundle = path.join(sandboxRoot(), '..', 'dist', 'main', 'sandbox-wasm-worker.js');
const builtWorker = fs.existsSync(builtBundle) ? { workerEntry: workerEntry(pathToFileURL(builtBundle).href) } : {};
process.stdout.write(`  (wasm workers from ${'workerEntry' in builtWorker ? builtBundle : 'source, through tsx: build first to time what the app runs'})\n`);

/** Where each sample's time went, per phase (load-phases.ts), printed under its timing line. */
const phases: (string | undefined)[] = [];
function printPhases(label: string): void {
  for (const line of phases.splice(0)) process.stdout.write(`    ${label} phases: ${line ?? 'none recorded'}\n`);
}

export async function benchWasm(
  language: SandboxLanguage,
  hello: { file: string; code: string },
  suite: ClickedExercise,
  measure: Measure,
  runs: number,
  coldRuns: number,
  clicked?: ClickedExercise,
) {
  const runSpec = (): ExecSpec => {
    const plan = runPlan(language, [{ path: hello.file, content: hello.code }], hello.file, defaultLimits, harnessFiles(language));
    return { language, files: plan.files, argv: plan.argv, env: plan.env, limits: defaultLimits };
  };
  const checkSpec = (exercise: ClickedExercise = suite): ExecSpec => {
    const base = resolveLimits(exercise.limits);
    const limits = { ...base, timeoutMs: base.timeoutMs + checkExtraMs };
    const plan = checkPlan(language, exercise.files, exercise.tests, harnessFiles(language), limits);
    return { language, files: plan.files, argv: plan.argv, env: plan.env, limits };
  };
  const expectExit = (end: { kind: string; exitCode?: number | null }) => {
    if (end.kind !== 'exited' || end.exitCode !== 0) throw new Error(`wasm run ended ${JSON.stringify(end)}`);
  };
  // A driver made as SandboxService makes every one (the CLI's too): from the snapshot the build
  // shipped when there is one. `BENCH_SHIPPED_SNAPSHOT=0` times Python's full boot instead.
  const shipped = process.env.BENCH_SHIPPED_SNAPSHOT === '0' ? {} : { shippedSnapshotDir: shippedSnapshotDir() };
  const cold = await measure('wasm cold start (first Run, one-shot driver)', coldRuns, async () => {
    const driver = new WasmDriver({ harnessDir, ...shipped, ...builtWorker });
    try {
      expectExit((await driver.execute(runSpec())).end);
      phases.push(driver.lastRunPhases(language));
    } finally {
      await driver.close();
    }
  });
  printPhases('wasm cold start');
  const appCold = language === 'python' ? await benchAppColdStart(measure, runSpec, expectExit, coldRuns) : undefined;
  const driver = new WasmDriver({ harnessDir, spare: true, ...builtWorker });
  driver.prewarm([language]);
  const spare = () => driver.spareReady(language);
  try {
    await spare();
    const warmRun = await measure('wasm warm Run (hello)', runs, async () => expectExit((await driver.execute(runSpec())).end), spare);
    const warmCheck = await measure(
      'wasm warm Check (5 tests)',
      Math.ceil(runs / 2),
      async () => {
        const outcome = await driver.execute(checkSpec());
        if (!outcome.results?.includes('"status": "pass"') && !outcome.results?.includes('"status":"pass"'))
          throw new Error(`wasm check: ${outcome.results ?? outcome.stderr}`);
      },
      spare,
    );
    // The exercise the UI clicks Check on, as its starter leaves it (its tests fail), the same way.
    const clickedCheck = clicked
      ? await measure(
          'wasm warm Check (clicked exercise)',
          Math.ceil(runs / 2),
          async () => {
            const outcome = await driver.execute(checkSpec(clicked));
            if (!outcome.results) throw new Error(`wasm check of the clicked exercise: ${outcome.stderr}`);
          },
          spare,
        )
      : undefined;
    // No wait for the spare between runs: each Run waits for the worker started after the last
    // one (for Python, from the first worker's snapshot): what quick clicks in a row meet.
    const backToBack = await measure('wasm back-to-back Run (hello)', Math.ceil(runs / 2), async () => expectExit((await driver.execute(runSpec())).end));
    return { cold, warmRun, warmCheck, clickedCheck, backToBack, appCold };
  } finally {
    await driver.close();
  }
}

/** The app's first Run after it starts (a new driver with a data directory): with no snapshot file (it makes and saves one), then with it. */
async function benchAppColdStart(measure: Measure, runSpec: () => ExecSpec, expectExit: (end: ExecOutcome['end']) => void, count: number) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-bench-snapshot-'));
  let driver: WasmDriver | null = null;
  let sample = 0;
  const firstRun = (dir: () => string, shipped?: string) => async () => {
    driver = new WasmDriver({ harnessDir, spare: true, snapshotDir: dir(), ...(shipped ? { shippedSnapshotDir: shipped } : {}), ...builtWorker });
    expectExit((await driver.execute(runSpec())).end);
    phases.push(driver.lastRunPhases('python'));
  };
  // Closing (which waits for the file to be saved) is not part of the Run.
  const close = async () => {
    await driver?.close();
  };
  try {
    const withoutFile = await measure(
      'wasm app cold start, no file',
      count,
      firstRun(() => path.join(root, `fresh-${(sample += 1)}`)),
      close,
    );
    printPhases('no file');
    const withFile = await measure(
      'wasm app cold start, from file',
      count,
      firstRun(() => path.join(root, 'fresh-1')),
      close,
    );
    printPhases('from file');
    // A fresh install: nothing in the data directory, the snapshot the build shipped (scripts/python-snapshot.ts).
    const shipped = shippedSnapshotDir();
    if (!fs.existsSync(shipped)) return { withoutFile, withFile };
    const fromShipped = await measure(
      'wasm app cold start, fresh install',
      count,
      firstRun(() => path.join(root, `install-${(sample += 1)}`), shipped),
      close,
    );
    printPhases('fresh install');
    return { withoutFile, withFile, fromShipped };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
