import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../../preload/contract/sandbox';
import { checkDiagnostics, fileLineFrames } from './check-diagnostics';

const run = {
  outcome: 'failed' as const,
  exitCode: 1,
  durationMs: 5,
  stdout: '',
  stderr: '',
  truncated: false,
  diagnostics: [],
  driver: 'process' as const,
  message: '',
};
const result = (stdout: string, status: CheckResult['status'] = 'fail'): CheckResult => ({
  status,
  tests: [{ name: 'test_greets_ada', status: 'fail', message: "NameError: name 'nam' is not defined", concepts: [] }],
  durationMs: 5,
  driver: 'process',
  run: { ...run, stdout },
});

describe('checkDiagnostics', () => {
  it('points at the learner line in a pytest report, once per line', () => {
    const stdout =
      'test_greeting.py:5: in test_greets_ada\n    result = make_greeting("Ada")\nmain.py:2: in make_greeting\n    return "Hello, " + nam\nmain.py:2: in make_greeting\n';
    expect(checkDiagnostics(result(stdout), ['main.py'])).toEqual([{ file: 'main.py', line: 2, message: "NameError: name 'nam' is not defined" }]);
  });

  it('reads node:test frames with a column', () => {
    const stdout = '    at add (file:///tmp/run/main.js:3:9)\n    at TestContext (file:///tmp/run/main.test.js:5:3)';
    expect(checkDiagnostics(result(stdout), ['main.js'])).toEqual([{ file: 'main.js', line: 3, column: 9, message: "NameError: name 'nam' is not defined" }]);
  });

  it('gives nothing for a pass, and prefers the sandbox diagnostics when present', () => {
    expect(checkDiagnostics(result('main.py:2: in f', 'pass'), ['main.py'])).toEqual([]);
    const own = { ...result('main.py:2: in f'), run: { ...run, diagnostics: [{ file: 'main.py', line: 7, message: 'x' }] } };
    expect(checkDiagnostics(own, ['main.py'])).toEqual([{ file: 'main.py', line: 7, message: 'x' }]);
  });
});

describe('fileLineFrames', () => {
  // The regex it replaces (quadratic on "/" runs), as the reference on short inputs.
  const reference = /(?:^|[\s("/])([\w./-]+\.(?:py|js|mjs)):(\d+)(?::(\d+))?/gm;
  const chars = fc.constantFrom('/', '.', 'p', 'y', 'j', 's', 'm', ':', '1', '2', ' ', '(', '"', '\n', '\r', 'a', '-', '_', "'", '\u2028');

  it('finds what the old regex found, on any short text', () => {
    fc.assert(
      fc.property(fc.string({ unit: chars, maxLength: 40 }), (text) => {
        const expected = [...text.matchAll(reference)].map((m) => ({ file: m[1], line: Number(m[2]), ...(m[3] ? { column: Number(m[3]) } : {}) }));
        expect([...fileLineFrames(text)]).toEqual(expected);
      }),
      { numRuns: 20000 },
    );
  });

  it('reads hostile output in linear time (attack: 80,000 "/" and friends)', () => {
    const shapes = [
      (n: number) => '/'.repeat(n),
      (n: number) => `${'/'.repeat(n)}a.py:1`,
      (n: number) => ':1'.repeat(n / 2),
      (n: number) => ' a.py:1'.repeat(n / 7),
    ];
    const time = (text: string) => {
      let best = Infinity;
      for (let i = 0; i < 3; i += 1) {
        const started = performance.now();
        checkDiagnostics(result(text), ['main.py', 'a.py']);
        best = Math.min(best, performance.now() - started);
      }
      return best;
    };
    for (const make of shapes) {
      const small = time(make(20_000));
      const large = time(make(80_000));
      expect(large).toBeLessThan(8 * Math.max(small, 5));
      expect(large).toBeLessThan(500);
    }
  });

  it('marks at most 50 lines', () => {
    const stdout = Array.from({ length: 500 }, (_, i) => `main.py:${i + 1}: in f`).join('\n');
    expect(checkDiagnostics(result(stdout), ['main.py'])).toHaveLength(50);
  });
});
