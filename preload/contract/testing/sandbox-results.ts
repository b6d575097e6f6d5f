// Sandbox results as tests on either side of the contract build them: a finished run with
// nothing printed, and a Check result around it. Tests override only what they are about.
import type { CheckResult, RunResult } from '../sandbox';

export const runResultOf = (overrides: Partial<RunResult> = {}): RunResult => ({
  outcome: 'finished',
  exitCode: 0,
  durationMs: 5,
  stdout: '',
  stderr: '',
  truncated: false,
  diagnostics: [],
  driver: 'process',
  message: '',
  ...overrides,
});

export const checkResultOf = (overrides: Partial<CheckResult> = {}): CheckResult => ({
  status: 'pass',
  tests: [],
  durationMs: 5,
  driver: 'process',
  run: runResultOf(),
  ...overrides,
});
