// npm run bench:sandbox — Run and Check through the warm pool, for Python and JavaScript,
// against a cold `docker run` and a bare local process measured in the same run; and the
// WebAssembly driver (cold start, warm Run, warm Check) beside them.
// Goals: warm Run p50 within 1.3x of the bare local process (the two timed in turns, so both meet
// the same load) and at least 10x faster than cold;
// WebAssembly cold start < 1.5 s and warm Run <= 3x bare. BENCH_DRIVERS=wasm skips Docker.
// Then ten Checks clicked in the UI per driver (sandbox-ui.ts; BENCH_UI=0 skips, needs a build).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { SandboxLanguage, SandboxLimitsInput } from '../../preload/contract/sandbox';
import { runnerImage } from '../../main/sandbox/runner-images';
import { SandboxService } from '../../main/sandbox/sandbox-service';
import { benchCheckClicks } from './sandbox-ui';
import { benchWasm, type ClickedExercise } from './sandbox-wasm';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 5);
const drivers = (process.env.BENCH_DRIVERS ?? 'docker,wasm').split(',');

const hello: Record<SandboxLanguage, { file: string; code: string; bare: string[] }> = {
  python: { file: 'main.py', code: 'print("hello, world")\n', bare: [] },
  javascript: { file: 'main.js', code: 'console.log("hello, world");\n', bare: [] },
};

const suite: Record<SandboxLanguage, { files: { path: string; content: string }[]; tests: { path: string; content: string }[] }> = {
  python: {
    files: [{ path: 'main.py', content: 'def add(a, b):\n    return a + b\n' }],
    tests: [
      {
        path: 'test_main.py',
        content:
          'from main import add\n\n' +
          [1, 2, 3, 4, 5].map((n) => `def test_add_${n}():\n    assert add(${n}, ${n}) == ${2 * n}, "add(${n}, ${n}) should be ${2 * n}"\n`).join('\n'),
      },
    ],
  },
  javascript: {
    files: [{ path: 'main.js', content: 'export const add = (a, b) => a + b;\n' }],
    tests: [
      {
        path: 'main.test.js',
        content:
          "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { add } from './main.js';\n" +
          [1, 2, 3, 4, 5].map((n) => `test('add ${n}', () => { assert.equal(add(${n}, ${n}), ${2 * n}); });\n`).join(''),
      },
    ],
  },
};

// The exercise the UI clicks Check on (check-clicks.pw-bench.ts): the greeting, as its starter
// leaves it (its three tests fail), with its own limits. Checked here the same way as the warm
// Check (the WebAssembly driver's spare; Docker's SandboxService), it is the clicks' fair baseline.
const greeting = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'courses', 'python-basics', 'exercises', 'greeting');
const clicked: ClickedExercise = {
  files: [{ path: 'main.py', content: fs.readFileSync(path.join(greeting, 'starter', 'main.py'), 'utf8') }],
  tests: [{ path: 'test_greeting.py', content: fs.readFileSync(path.join(greeting, 'tests', 'test_greeting.py'), 'utf8') }],
  limits: (parseYaml(fs.readFileSync(path.join(greeting, 'exercise.yaml'), 'utf8')) as { limits?: SandboxLimitsInput }).limits,
};

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
const fmt = (ms: number) => `${ms.toFixed(1).padStart(7)} ms`;

async function time(fn: () => Promise<unknown> | unknown): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/** Times `fn` `count` times; `between` runs untimed after each sample (the pool's cleanup, off the Run's critical path). */
async function measure(label: string, count: number, fn: () => Promise<unknown> | unknown, between?: () => Promise<void>) {
  const samples: number[] = [];
  for (let i = 0; i < count; i += 1) {
    samples.push(await time(fn));
    await between?.();
  }
  const p50 = quantile(samples, 0.5);
  const p95 = quantile(samples, 0.95);
  process.stdout.write(`  ${label.padEnd(34)} p50 ${fmt(p50)}   p95 ${fmt(p95)}   (n=${count})\n`);
  return { p50, p95 };
}

/**
 * Times `a` and `b` one after the other, `count` times each, so that both meet the same load (a
 * busy machine's load drifts by more than the gap measured); `between` runs untimed after each `b`.
 */
async function measureInterleaved(
  labels: [string, string],
  count: number,
  a: () => Promise<unknown> | unknown,
  b: () => Promise<unknown> | unknown,
  between?: () => Promise<void>,
) {
  const samples: [number[], number[]] = [[], []];
  for (let i = 0; i < count; i += 1) {
    samples[0].push(await time(a));
    samples[1].push(await time(b));
    await between?.();
  }
  return samples.map((values, index) => {
    const p50 = quantile(values, 0.5);
    const p95 = quantile(values, 0.95);
    process.stdout.write(`  ${labels[index]!.padEnd(34)} p50 ${fmt(p50)}   p95 ${fmt(p95)}   (n=${count}, interleaved)\n`);
    return { p50, p95 };
  }) as [{ p50: number; p95: number }, { p50: number; p95: number }];
}

function realBinary(command: string, printPath: string[]): string {
  const result = spawnSync(command, printPath, { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : command;
}

const bareCommand: Record<SandboxLanguage, string> = {
  // pyenv and similar shims are shell scripts; time the interpreter itself.
  python: realBinary('python3', ['-c', 'import sys; print(sys.executable)']),
  javascript: process.execPath,
};

/** `docker exec` into a started container of the runner image: what a Run costs with no sandbox work of ours. */
async function measureBareExec(image: string, argv: string[]) {
  const started = spawnSync('docker', ['run', '-d', '--rm', '--network', 'none', '--log-driver', 'none', '-i', image, 'sh', '-c', 'exec cat >/dev/null'], {
    encoding: 'utf8',
  });
  // `docker run -d -i` keeps stdin open, so cat waits until the container is removed.
  const id = started.stdout.trim();
  if (started.status !== 0) throw new Error(started.stderr);
  try {
    return await measure('bare docker exec (hello)', RUNS, () => {
      const result = spawnSync('docker', ['exec', id, ...argv], { encoding: 'utf8' });
      if (result.status !== 0) throw new Error(result.stderr);
    });
  } finally {
    spawnSync('docker', ['rm', '-f', id]);
  }
}

const sandbox = drivers.includes('docker') ? await SandboxService.create({ driver: 'docker', prewarm: true }) : null;
await sandbox?.settled();
const settle = async () => sandbox?.settled();
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-bench-'));
const summary: string[] = [];
// Python's warm Check per driver, of the bench's suite and of the clicked exercise: the UI clicks are measured against them.
const warmPythonCheck: Record<string, { suite: number; clicked?: number } | undefined> = {};
try {
  for (const language of ['python', 'javascript'] as const) {
    process.stdout.write(`\n${language}\n`);
    const { file, code } = hello[language];
    fs.writeFileSync(path.join(scratch, file), code);
    const bareArgs = [path.join(scratch, file)];
    const bare = await measure('bare local process (hello)', RUNS, () => {
      const result = spawnSync(bareCommand[language], bareArgs, { encoding: 'utf8' });
      if (result.status !== 0) throw new Error(result.stderr);
    });
    if (drivers.includes('wasm')) {
      const wasm = await benchWasm(
        language,
        hello[language],
        suite[language],
        measure,
        Number(process.env.BENCH_WASM_RUNS ?? 10),
        Math.min(COLD_RUNS, 3),
        language === 'python' ? clicked : undefined,
      );
      summary.push(
        `${language.padEnd(10)} wasm cold start p50 ${fmt(wasm.cold.p50)} [goal < 1500 ms]; warm Run p50 ${fmt(wasm.warmRun.p50)} = ` +
          `${(wasm.warmRun.p50 / bare.p50).toFixed(2)}x bare local [goal <= 3x]; warm Check p50 ${fmt(wasm.warmCheck.p50)}; ` +
          `back-to-back Run p50 ${fmt(wasm.backToBack.p50)} (load avg ${os.loadavg()[0]!.toFixed(1)})`,
      );
      if (wasm.appCold)
        summary.push(
          `${language.padEnd(10)} wasm app cold start from the snapshot file p50 ${fmt(wasm.appCold.withFile.p50)} = ` +
            `${(wasm.appCold.withFile.p50 / wasm.appCold.withoutFile.p50).toFixed(2)}x without it (${fmt(wasm.appCold.withoutFile.p50)}) [goal < 1500 ms]`,
          wasm.appCold.fromShipped
            ? `${language.padEnd(10)} wasm fresh install's first Run, from the shipped snapshot, p50 ${fmt(wasm.appCold.fromShipped.p50)} [goal < 1500 ms]`
            : `${language.padEnd(10)} no shipped snapshot (dist/python-snapshot): build first to time a fresh install's first Run`,
        );
      if (language === 'python') warmPythonCheck.wasm = { suite: wasm.warmCheck.p50, clicked: wasm.clickedCheck?.p50 };
    }
    if (!sandbox) continue;
    const image = runnerImage(language).ref;
    const coldArgv = language === 'python' ? ['python3', '-c', 'print("hello, world")'] : ['node', '-e', 'console.log("hello, world")'];
    const cold = await measure('cold docker run --rm (hello)', COLD_RUNS, () => {
      const result = spawnSync('docker', ['run', '--rm', '--network', 'none', '--log-driver', 'none', image, ...coldArgv], { encoding: 'utf8' });
      if (result.status !== 0) throw new Error(result.stderr);
    });
    const bareExec = await measureBareExec(image, coldArgv);
    const [bareBeside, warmRun] = await measureInterleaved(
      ['bare local process, beside', 'warm Run (hello)'],
      RUNS,
      () => {
        const result = spawnSync(bareCommand[language], bareArgs, { encoding: 'utf8' });
        if (result.status !== 0) throw new Error(result.stderr);
      },
      async () => {
        const result = await sandbox.run({ language, files: [{ path: file, content: code }], entry: file });
        if (result.outcome !== 'finished') throw new Error(result.message);
      },
      settle,
    );
    const warmCheck = await measure(
      'warm Check (5 tests)',
      Math.ceil(RUNS / 2),
      async () => {
        const result = await sandbox.check({ language, ...suite[language] });
        if (result.status !== 'pass') throw new Error(JSON.stringify(result).slice(0, 500));
      },
      settle,
    );
    const clickedCheck =
      language === 'python'
        ? await measure(
            'warm Check (clicked exercise)',
            Math.ceil(RUNS / 2),
            async () => {
              const result = await sandbox.check({ language, ...clicked });
              if (result.status === 'error') throw new Error(JSON.stringify(result).slice(0, 500));
            },
            settle,
          )
        : undefined;
    // No settling between: each Run starts while the last one's container is being cleaned (the spare's case).
    const backToBack = await measure('back-to-back Run (hello)', Math.ceil(RUNS / 2), async () => {
      const result = await sandbox.run({ language, files: [{ path: file, content: code }], entry: file });
      if (result.outcome !== 'finished') throw new Error(result.message);
    });
    await settle();
    if (language === 'python') warmPythonCheck.docker = { suite: warmCheck.p50, clicked: clickedCheck?.p50 };
    const vsBare = warmRun.p50 / bareBeside.p50;
    const vsCold = cold.p50 / warmRun.p50;
    summary.push(
      `${language.padEnd(10)} warm Run p50 ${fmt(warmRun.p50)} = ${vsBare.toFixed(2)}x bare local run beside it (${fmt(bareBeside.p50)}) [goal <= 1.3x], ` +
        `${vsCold.toFixed(1)}x faster than cold docker run (${fmt(cold.p50)}) [goal >= 10x]; Check p50 ${fmt(warmCheck.p50)}`,
      `${language.padEnd(10)} warm Run = ${(warmRun.p50 / bareExec.p50).toFixed(2)}x bare docker exec (${fmt(bareExec.p50)}); ` +
        `back-to-back Run p50 ${fmt(backToBack.p50)} = ${(backToBack.p50 / bareExec.p50).toFixed(2)}x bare docker exec [goal <= 1.3x] (load avg ${os.loadavg()[0]!.toFixed(1)})`,
    );
  }
} finally {
  await sandbox?.close();
  fs.rmSync(scratch, { recursive: true, force: true });
}
if (process.env.BENCH_UI !== '0') summary.push(...benchCheckClicks(warmPythonCheck, fmt));
process.stdout.write(`\nratios\n${summary.map((line) => `  ${line}`).join('\n')}\n`);
