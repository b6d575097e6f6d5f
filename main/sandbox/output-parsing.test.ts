// Run output is untrusted (the learner's program, or a course's tests, print what they like):
// parsing it must take time linear in its size. Each hostile shape is parsed at n and 4n
// characters; linear code takes about 4x as long, the quadratic regexes this replaced took
// 16x (80,000 "/" on stderr blocked main for 17 s).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RunResult, SandboxLanguage } from '../../preload/contract/sandbox';
import { checkResultFrom } from './check-results';
import { defaultLimits } from './limits';
import { classifyRun, diagnosticsFrom, stackFrameLocation } from './run-outcome';

const hostile: Record<string, (n: number) => string> = {
  slashes: (n) => '/'.repeat(n),
  'stack frame of slashes': (n) => `    at ${'/'.repeat(n)}`,
  'stack frame of slashes in parentheses': (n) => `    at f (${'/'.repeat(n)}:1:`,
  'file url of slashes': (n) => `file://${'/'.repeat(n)}:1`,
  'File " lines': (n) => '  File "'.repeat(n / 8),
  'one long File " line': (n) => `  File "${'/'.repeat(n)}", line x`,
  colons: (n) => ':'.repeat(n),
  'digits and colons': (n) => '1:'.repeat(n / 2),
  'repeated tracebacks': (n) => 'Traceback (most recent call last):\n  File "/work/main.py", line 1, in <module>\n    f()\n    ^\n'.repeat(n / 80),
  'Error words': (n) => 'Error'.repeat(n / 5),
  spaces: (n) => `${' '.repeat(n)}x`,
};

function parse(language: SandboxLanguage, stderr: string): void {
  classifyRun(language, { kind: 'exited', exitCode: 1 }, stderr, defaultLimits);
  diagnosticsFrom(language, stderr, '/work');
  const run: RunResult = {
    outcome: 'failed',
    exitCode: 1,
    durationMs: 1,
    stdout: stderr,
    stderr,
    truncated: false,
    diagnostics: [],
    driver: 'docker',
    message: '',
  };
  checkResultFrom(undefined, run);
}

/** The fastest of a few tries, so one GC pause or JIT warm-up does not decide. */
function fastest(work: () => void, tries = 3): number {
  let best = Infinity;
  for (let i = 0; i < tries; i += 1) {
    const started = performance.now();
    work();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

describe('parsing run output (attack: hostile stderr)', () => {
  for (const [shape, make] of Object.entries(hostile)) {
    for (const language of ['python', 'javascript'] as const) {
      it(`${shape} (${language}) parses in linear time`, () => {
        const n = 20_000;
        // Linear: ~4x; quadratic: ~16x in every round. Load on a shared machine only adds time to one
        // side or the other, so the best of a few rounds decides. The floor keeps sub-millisecond
        // timings (noise) from deciding.
        let ratio = Infinity;
        for (let round = 0; round < 4 && ratio >= 8; round += 1) {
          const small = fastest(() => parse(language, make(n)));
          const large = fastest(() => parse(language, make(4 * n)));
          ratio = Math.min(ratio, large / Math.max(small, 2));
        }
        expect(ratio).toBeLessThan(8);
      });
    }
  }

  it('80,000 "/" on stderr, then the whole 1 MiB output cap of it, parse in well under a second', () => {
    for (const size of [80_000, defaultLimits.outputBytes]) {
      for (const language of ['python', 'javascript'] as const) {
        expect(fastest(() => parse(language, '/'.repeat(size)), 1)).toBeLessThan(500);
        expect(fastest(() => parse(language, `    at f (${'/'.repeat(size)}:1:2)`), 1)).toBeLessThan(500);
      }
    }
  });
});

describe('stackFrameLocation', () => {
  // The regex it replaces (quadratic on "/" runs), as the reference on short inputs.
  const reference = /\(?((?:file:\/\/)?\/[^\s():]+):(\d+):(\d+)\)?\s*$/;
  const frameChars = fc.constantFrom('/', ':', '1', '2', '(', ')', ' ', '\u00a0', 'f', 'i', 'l', 'e', 'a', '.', 'j', 's');
  const frameText = fc.oneof(
    fc.string({ unit: frameChars, maxLength: 30 }),
    fc
      .tuple(
        fc.constantFrom('', 'f (', 'file://', 'new X (', 'xfile://'),
        fc.string({ unit: frameChars, maxLength: 12 }),
        fc.nat(99),
        fc.nat(99),
        fc.constantFrom('', ')'),
      )
      .map(([head, path, line, column, tail]) => `${head}/${path}:${line}:${column}${tail}`),
  );

  it('finds what the old regex found, on any short frame', () => {
    fc.assert(
      fc.property(frameText, (raw) => {
        const text = raw.trim();
        const match = reference.exec(text);
        expect(stackFrameLocation(text)).toEqual(match ? { path: match[1], line: Number(match[2]), column: Number(match[3]) } : null);
      }),
      { numRuns: 5000 },
    );
  });

  it('reads the frames Node prints', () => {
    expect(stackFrameLocation('at add (file:///work/main.js:3:9)')).toEqual({ path: 'file:///work/main.js', line: 3, column: 9 });
    expect(stackFrameLocation('at /work/main.js:12:1')).toEqual({ path: '/work/main.js', line: 12, column: 1 });
    expect(stackFrameLocation('at async Promise.all (index 0)')).toBeNull();
  });
});
