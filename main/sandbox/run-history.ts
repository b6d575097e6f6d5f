// The sandbox's run history: every Run and Check that ran code, with its driver, timings and
// (trimmed) result, in code_executions. This is the table's only reader and writer: the lesson
// derives "first attempt" from it and the tutor reads the last run from it, through here.
import { and, count, desc, eq, lt, type SQL } from 'drizzle-orm';
import { checkResultSchema, type CheckResult, type RunResult, type SandboxLanguage } from '../../preload/contract/sandbox';
import type { Store } from '../store/open-store';
import { codeExecutions } from '../store/schema';

/** Output kept per stream: enough for the tutor's context and a look back, not a log archive. */
const KEPT_OUTPUT_CHARS = 4000;

export type ExecutionKind = 'run' | 'check';

export interface ExecutionEntry {
  readonly kind: ExecutionKind;
  readonly language: SandboxLanguage;
  readonly courseId?: string | undefined;
  readonly lessonId?: string | undefined;
  /** Milliseconds spent waiting for a runner before the code started. */
  readonly waitMs: number;
}

export interface PastExecution {
  readonly id: number;
  readonly kind: string;
  readonly outcome: string;
  readonly driver: string;
  readonly exitCode: number | null;
  readonly durationMs: number;
  readonly waitMs: number;
  readonly courseId: string | null;
  readonly lessonId: string | null;
  readonly result: unknown;
  readonly createdAt: number;
}

export interface ExecutionFilter {
  readonly courseId?: string;
  readonly lessonId?: string;
  readonly kind?: ExecutionKind;
}

const trimmed = (run: RunResult): RunResult => ({ ...run, stdout: run.stdout.slice(0, KEPT_OUTPUT_CHARS), stderr: run.stderr.slice(0, KEPT_OUTPUT_CHARS) });

export class RunHistory {
  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Keeps a Run (a RunResult) or a Check (a CheckResult); null when nothing ran (a refusal), else
   * the entry's id. `alongside` runs in the same transaction with that id (the learner model's
   * evidence), so the entry and what it taught land together or not at all.
   */
  record(entry: ExecutionEntry, result: RunResult | CheckResult, alongside?: (id: number) => void): number | null {
    const run = 'run' in result ? result.run : result;
    if (run.driver === 'none') return null;
    const stored = 'run' in result ? { ...result, run: trimmed(result.run) } : trimmed(result);
    return this.store.transaction((db) => {
      const { id } = db
        .insert(codeExecutions)
        .values({
          courseId: entry.courseId ?? null,
          lessonId: entry.lessonId ?? null,
          kind: entry.kind,
          language: entry.language,
          driver: run.driver,
          outcome: 'run' in result ? result.status : result.outcome,
          exitCode: run.exitCode,
          durationMs: Math.round(run.durationMs),
          waitMs: Math.round(entry.waitMs),
          result: stored,
          createdAt: this.now(),
        })
        .returning({ id: codeExecutions.id })
        .get();
      alongside?.(id);
      return id;
    });
  }

  /** The newest entries first, optionally of one lesson or one kind. */
  recent(filter: ExecutionFilter = {}, limit = 50): PastExecution[] {
    return this.store.db
      .select()
      .from(codeExecutions)
      .where(and(...conditions(filter)))
      .orderBy(desc(codeExecutions.id))
      .limit(limit)
      .all();
  }

  /** The lesson's newest Check as it was recorded; null when none was, or its row no longer reads as one. */
  lastCheck(courseId: string, lessonId: string): CheckResult | null {
    const last = this.recent({ courseId, lessonId, kind: 'check' }, 1)[0];
    if (!last) return null;
    const parsed = checkResultSchema.safeParse(last.result);
    return parsed.success ? parsed.data : null;
  }

  /** How many Checks of a lesson were recorded before entry `id` (0: `id` was the first attempt). */
  checksBefore(courseId: string, lessonId: string, id: number): number {
    const row = this.store.db
      .select({ n: count() })
      .from(codeExecutions)
      .where(and(...conditions({ courseId, lessonId, kind: 'check' }), lt(codeExecutions.id, id)))
      .get();
    return row?.n ?? 0;
  }
}

function conditions(filter: ExecutionFilter): SQL[] {
  return [
    ...(filter.courseId === undefined ? [] : [eq(codeExecutions.courseId, filter.courseId)]),
    ...(filter.lessonId === undefined ? [] : [eq(codeExecutions.lessonId, filter.lessonId)]),
    ...(filter.kind === undefined ? [] : [eq(codeExecutions.kind, filter.kind)]),
  ];
}
