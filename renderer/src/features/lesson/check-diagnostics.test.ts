import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../../preload/contract/sandbox';
import { checkDiagnostics } from './check-diagnostics';

const run = { outcome: 'failed' as const, exitCode: 1, durationMs: 5, stdout: '', stderr: '', truncated: false, diagnostics: [], driver: 'process' as const, message: '' };
const result = (stdout: string, status: CheckResult['status'] = 'fail'): CheckResult => ({
  status,
  tests: [{ name: 'test_greets_ada', status: 'fail', message: "NameError: name 'nam' is not defined" }],
  durationMs: 5,
  driver: 'process',
  run: { ...run, stdout },
});

describe('checkDiagnostics', () => {
  it('points at the learner line in a pytest report, once per line', () => {
    const stdout = 'test_greeting.py:5: in test_greets_ada\n    result = make_greeting("Ada")\nmain.py:2: in make_greeting\n    return "Hello, " + nam\nmain.py:2: in make_greeting\n';
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
