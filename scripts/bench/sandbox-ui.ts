// bench:sandbox's Check as a learner feels it: tests/e2e/check-clicks.pw-bench.ts clicks Check ten
// times, 3 s apart, on the greeting exercise with each driver (needs `node scripts/build.mjs`);
// printed beside the warm Check of that same exercise (sandbox.ts). Goals: p50 within 1.5x it, no growth, and
// the first click after the app starts within 1.2x the later ones (the runtime warmed at start-up).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Parts } from '../../tests/e2e/check-clicks.pw-bench';

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/** The ms of one of run-coordinator.ts's lines: in all, and waiting for a runtime. */
function mainSplit(line: string): { total: number; wait: number } | undefined {
  const match = /exercise (\d+) ms, sandbox (\d+) ms \(waited (\d+) ms for a runtime, ran (\d+) ms\), history (\d+) ms, progress (\d+) ms/.exec(line);
  if (!match) return undefined;
  const [exercise, sandbox, wait, , history, progress] = match.slice(1).map(Number) as number[];
  return { total: exercise! + sandbox! + history! + progress!, wait: wait! };
}

/**
 * Lines for the bench's summary: per driver, the ten clicks' p50 against `warmCheck[driver]`, and
 * their growth. The goal's baseline is the warm Check of the clicked exercise itself (its files,
 * tests and limits: a failing Check, three tests); the bench's own suite (five passing tests) is
 * shown beside it.
 */
export function benchCheckClicks(warmCheck: Record<string, { suite: number; clicked?: number } | undefined>, fmt: (ms: number) => string): string[] {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'drona-bench-ui-')), 'checks.jsonl');
  const ran = spawnSync('npx', ['playwright', 'test', '--config', 'playwright.bench.config.ts'], {
    env: { ...process.env, DRONA_BENCH_CHECKS: out, DRONA_BUILT: '1' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (!fs.existsSync(out))
    return [`UI Checks: the Playwright run recorded nothing (exit ${ran.status}):\n${ran.stdout.slice(-2000)}${ran.stderr.slice(-1000)}`];
  const lines: string[] = [];
  for (const line of fs.readFileSync(out, 'utf8').trim().split('\n')) {
    const { driver, samples, parts, main } = JSON.parse(line) as { driver: string; samples: number[]; parts: Parts[]; main?: string[] };
    process.stdout.write(`\nUI Checks (${driver}), click to results shown, ms: ${samples.join(', ')}\n`);
    // Main's account of each click (run-coordinator.ts), beside the page's: what the call took
    // beyond main's own work is the way there and back (serve's WebSocket or Electron's IPC).
    const inMain = (main ?? []).map(mainSplit);
    const splits = parts.map((p, i) => {
      const m = inMain[i];
      return { ...p, main: m?.total ?? NaN, transport: m ? p.call - m.total : NaN, wait: m?.wait ?? NaN, outside: m ? m.total - m.wait - p.run : NaN };
    });
    const part = (key: keyof (typeof splits)[number]) => median(splits.map((p) => p[key]));
    process.stdout.write(
      `  where it went (p50): click to call sent (saving files) ${part('save')} ms, of which workspace.write ${part('write')} ms; there and back (call minus main's work) ${part('transport')} ms; ` +
        `main's work ${part('main')} ms (waiting for a runtime ${part('wait')} ms, the run as the driver timed it ${part('run')} ms, ` +
        `the rest of main ${part('outside')} ms); answer to drawn ${part('draw')} ms (in the DOM ${part('commit')} ms, then the next frame)\n` +
        `  per click, save (write)/there-and-back/main (wait+run+rest)/draw (in the DOM) ms: ` +
        `${splits.map((p) => `${p.save} (${p.write})/${p.transport}/${p.main} (${p.wait}+${p.run}+${p.outside})/${p.draw} (${p.commit})`).join(', ')}\n` +
        `  in main, per click:\n${(main ?? []).map((entry) => `    ${entry}\n`).join('')}`,
    );
    // The first click also starts the sandbox; growth compares the later clicks' halves.
    const later = samples.slice(1);
    const growth = median(later.slice(Math.ceil(later.length / 2))) / median(later.slice(0, Math.floor(later.length / 2)));
    const p50 = median(samples);
    const base = warmCheck[driver];
    lines.push(
      `${`UI ${driver}`.padEnd(10)} ten Checks 3 s apart p50 ${fmt(p50)}` +
        (base?.clicked ? ` = ${(p50 / base.clicked).toFixed(2)}x the warm Check of the same exercise (${fmt(base.clicked)}) [goal <= 1.5x]` : '') +
        (base ? `, ${(p50 / base.suite).toFixed(2)}x the suite's warm Check (${fmt(base.suite)})` : '') +
        `; later half / earlier half ${growth.toFixed(2)}x [goal: no growth, ~1x] (load avg ${os.loadavg()[0]!.toFixed(1)})`,
      // The app warms its runtime once start-up is done, so the first click should not wait for it.
      `${`UI ${driver}`.padEnd(10)} first Check after app start ${fmt(samples[0]!)} = ${(samples[0]! / median(later)).toFixed(2)}x ` +
        `the later clicks' p50 (${fmt(median(later))}) [goal <= 1.2x]`,
    );
  }
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
  return lines;
}
