// The learner's last run or check, read from code_executions (written by the sandbox), in
// the shape the context builder wants. Tolerant: a result it cannot read gives only the outcome.
import type { ContextRun } from './context-builder';

interface StoredTest {
  name?: unknown;
  status?: unknown;
  message?: unknown;
}

export function contextRunOf(row: { kind: string; outcome: string; result: unknown }): ContextRun {
  const result = (row.result ?? {}) as Record<string, unknown>;
  const run = ((result.run as Record<string, unknown> | undefined) ?? result) as Record<string, unknown>;
  const diagnostics = (Array.isArray(run.diagnostics) ? (run.diagnostics as { file?: unknown; line?: unknown; message?: unknown }[]) : [])
    .map((d) => `${String(d.file ?? '?')}:${String(d.line ?? '?')}: ${String(d.message ?? '')}`)
    .join('\n');
  const output = [run.stdout, run.stderr, result.message, diagnostics].filter((part): part is string => typeof part === 'string' && part.length > 0).join('\n');
  const tests = Array.isArray(result.tests)
    ? (result.tests as StoredTest[]).map((t) => ({
        name: String(t.name ?? 'test'),
        status: String(t.status ?? 'error'),
        ...(typeof t.message === 'string' ? { message: t.message } : {}),
      }))
    : [];
  return { kind: row.kind === 'check' ? 'check' : 'run', outcome: String(result.status ?? row.outcome), output, tests };
}

/** The learner's runs and checks, as the tutor reads them (today from code_executions; the sandbox's run history may serve them). */
export interface TutorRunHistory {
  /** The newest run or check of the lesson. */
  lastRun(courseId: string, lessonId: string): ContextRun | null;
}
