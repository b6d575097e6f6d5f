// Reads the harness's Exercism v3 results JSON and decides the check's status, falling back
// to what the run itself says when the harness could not report (a syntax error at import,
// a time limit, a crash). Pure.
import { z } from 'zod';
import { testResultSchema, type CheckResult, type RunResult, type TestResult } from '../../preload/contract/sandbox';

const OUTPUT_LIMIT = 500;

const resultsFileSchema = z.object({
  version: z.number().optional(),
  status: z.enum(['pass', 'fail', 'error']),
  message: z.string().optional(),
  tests: z.array(testResultSchema.extend({ output: z.string().nullable().optional(), message: z.string().nullable().optional() })),
});

const cutOutput = (text: string) => (text.length <= OUTPUT_LIMIT ? text : `${text.slice(0, OUTPUT_LIMIT)}…`);

function tail(text: string, lines = 15): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

export function checkResultFrom(resultsJson: string | undefined, run: RunResult): Omit<CheckResult, 'durationMs' | 'driver'> {
  if (run.outcome !== 'finished' && run.outcome !== 'failed') {
    return { status: 'error', message: run.message, tests: [], run };
  }
  let parsed: z.infer<typeof resultsFileSchema> | null = null;
  if (resultsJson) {
    try {
      const result = resultsFileSchema.safeParse(JSON.parse(resultsJson));
      parsed = result.success ? result.data : null;
    } catch {
      parsed = null;
    }
  }
  if (!parsed || (parsed.tests.length === 0 && run.stderr.trim())) {
    const detail = tail(run.stderr) || tail(run.stdout) || 'The tests did not report any result.';
    return { status: 'error', message: `Your code could not be tested:\n${detail}`, tests: [], run };
  }
  const tests: TestResult[] = parsed.tests.map((test) => ({
    name: test.name,
    status: test.status,
    ...(test.message ? { message: test.message } : {}),
    ...(test.output ? { output: cutOutput(test.output) } : {}),
    ...(test.task_id !== undefined ? { task_id: test.task_id } : {}),
  }));
  const status = parsed.status === 'error' || tests.length === 0 ? 'error' : tests.every((test) => test.status === 'pass') ? 'pass' : 'fail';
  return { status, ...(parsed.message ? { message: parsed.message } : {}), tests, run };
}
