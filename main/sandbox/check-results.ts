// Reads the harness's Exercism v3 results JSON and decides the check's status, falling back
// to what the run itself says when the harness could not report (a syntax error at import,
// a time limit, a crash). Pure.
import { z } from 'zod';
import { testResultSchema, type CheckResult, type RunResult, type TestResult } from '../../preload/contract/sandbox';

/** A test as the grader reports it; main adds the concepts it assesses (withTestConcepts). */
export type GradedTest = Omit<TestResult, 'concepts'>;
/** A Check as the sandbox grades it, before main tags its tests with concepts. */
export type GradedCheck = Omit<CheckResult, 'tests'> & { tests: GradedTest[] };
import { parsedTail } from './run-outcome';

const OUTPUT_LIMIT = 500;
/** The harness cuts messages to this; the learner's code can write the report too, so it is cut again here. */
const MESSAGE_LIMIT = 2000;
const NAME_LIMIT = 500;
/** Tests listed; the status still counts every test. */
const TESTS_LIMIT = 1000;

const resultsFileSchema = z.object({
  version: z.number().optional(),
  status: z.enum(['pass', 'fail', 'error']),
  message: z.string().optional(),
  tests: z.array(testResultSchema.omit({ concepts: true }).extend({ output: z.string().nullable().optional(), message: z.string().nullable().optional() })),
});

const cut = (text: string, limit: number) => (text.length <= limit ? text : `${text.slice(0, limit)}…`);

/** The last lines of what the run printed, at most TAIL_CHARS of them. */
const TAIL_CHARS = 2000;
function tail(text: string, lines = 15): string {
  const last = parsedTail(text).trimEnd().split('\n').slice(-lines).join('\n');
  return last.length <= TAIL_CHARS ? last : `…${last.slice(last.length - TAIL_CHARS)}`;
}

export function checkResultFrom(resultsJson: string | undefined, run: RunResult): Omit<GradedCheck, 'durationMs' | 'driver'> {
  if (run.outcome !== 'finished' && run.outcome !== 'failed') {
    return { status: 'error', message: run.message, tests: [], run };
  }
  let parsed: z.infer<typeof resultsFileSchema> | null = null;
  if (resultsJson) {
    try {
      const result = resultsFileSchema.safeParse(JSON.parse(resultsJson));
      parsed = result.success ? result.data : null;
    } catch {
      // Not JSON: reported below as code that could not be tested.
      parsed = null;
    }
  }
  if (!parsed || (parsed.tests.length === 0 && run.stderr.trim())) {
    const detail = tail(run.stderr) || tail(run.stdout) || 'The tests did not report any result.';
    return { status: 'error', message: `Your code could not be tested:\n${detail}`, tests: [], run };
  }
  const tests: GradedTest[] = parsed.tests.slice(0, TESTS_LIMIT).map((test) => ({
    name: cut(test.name, NAME_LIMIT),
    status: test.status,
    ...(test.message ? { message: cut(test.message, MESSAGE_LIMIT) } : {}),
    ...(test.output ? { output: cut(test.output, OUTPUT_LIMIT) } : {}),
    ...(test.task_id !== undefined ? { task_id: test.task_id } : {}),
  }));
  const status = parsed.status === 'error' || tests.length === 0 ? 'error' : parsed.tests.every((test) => test.status === 'pass') ? 'pass' : 'fail';
  return { status, ...(parsed.message ? { message: cut(parsed.message, MESSAGE_LIMIT) } : {}), tests, run };
}

/** What a test assesses: exercise.yaml `tests:` maps names as reported (a Python parametrized case by its function's name). */
export interface TestConcepts {
  readonly lesson: readonly string[];
  readonly tests: Readonly<Record<string, readonly string[]>>;
}

/** Each test with the concepts it assesses: its mapping, else the lesson's. Pure. */
export function withTestConcepts<T extends { tests: readonly GradedTest[] }>(
  check: T,
  concepts: TestConcepts | undefined,
): Omit<T, 'tests'> & { tests: TestResult[] } {
  const of = (name: string) => concepts?.tests[name] ?? concepts?.tests[name.replace(/\[[^\]]*\]$/, '')] ?? concepts?.lesson ?? [];
  return { ...check, tests: check.tests.map((test) => ({ ...test, concepts: [...of(test.name)] })) };
}
