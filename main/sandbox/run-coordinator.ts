// Run and Check as windows ask for them: one run per runId, stoppable by that id; output
// coalesced into a few events per second for the calling session only; every run that ran
// code kept in the run history; and a Check whose tests all pass reaches the lesson's
// progress here in main, so no window can claim a pass (or how it passed).
import type { CallInput } from '../../preload/contract';
import { DronaError, messageOf } from '../../preload/contract/errors';
import type { CheckResult, ImageBuildProgress, RunResult, SandboxFile, SandboxLanguage, SandboxLimitsInput } from '../../preload/contract/sandbox';
import type { EventBus } from '../ipc/event-bus';
import { withTestConcepts, type TestConcepts } from './check-results';
import type { OutputStream } from './output-collector';
import type { RunHistory } from './run-history';
import type { SandboxService } from './sandbox-service';
import { StdinFeed } from './stdin-feed';

/** What a check needs from the course service (courses.getExercise). */
export interface ExerciseForCheck {
  readonly language: SandboxLanguage;
  readonly files: readonly (SandboxFile & { role: 'editable' | 'readOnly' | 'hidden' })[];
  readonly tests: readonly SandboxFile[];
  /** The course's support files (courses/FORMAT.md), staged beside the tests. */
  readonly support?: readonly SandboxFile[];
  readonly limits?: SandboxLimitsInput;
  /** The concepts each test assesses; without it, tests carry none. */
  readonly concepts?: TestConcepts;
}

/** The learner's editable files, with the exercise's own read-only and hidden files (which the learner cannot change). Pure. */
export function filesForCheck(learner: readonly SandboxFile[], exercise: ExerciseForCheck): SandboxFile[] {
  const fixed = exercise.files.filter((file) => file.role !== 'editable');
  const fixedPaths = new Set(fixed.map((file) => file.path));
  return [...learner.filter((file) => !fixedPaths.has(file.path)), ...fixed.map(({ path, content }) => ({ path, content }))];
}

/** A Check of a lesson in which every test passed, as the run history recorded it. */
export interface PassedCheck {
  readonly courseId: string;
  readonly lessonId: string;
  /** The run history's id of this Check. */
  readonly checkId: number;
}

export interface RunCoordinatorDeps {
  readonly sandbox: Pick<SandboxService, 'run' | 'check' | 'status' | 'buildImage'>;
  readonly history: Pick<RunHistory, 'record'>;
  readonly exercise: (courseId: string, lessonId: string) => ExerciseForCheck | null | undefined | Promise<ExerciseForCheck | null | undefined>;
  /** The lesson's completion and progress; its failure fails the Check call, so the learner hears of it. */
  readonly checkPassed: (check: PassedCheck) => Promise<unknown>;
  /** Every recorded Check, inside the run history's transaction (the learner model's evidence). */
  readonly checkRecorded?: (check: PassedCheck & { readonly result: CheckResult }) => void;
  readonly events: Pick<EventBus, 'emit'>;
  /** Where each Check's time went in main (exercise, sandbox wait and run, history, progress), one line per Check. */
  readonly log?: (message: string) => void;
}

const FLUSH_MS = 40;

/** Each call returns the whole ms since the call before it (the first: since laps()). */
function laps(): () => number {
  let last = performance.now();
  return () => {
    const now = performance.now();
    const ms = Math.round(now - last);
    last = now;
    return ms;
  };
}

export class RunCoordinator {
  private readonly running = new Map<string, AbortController>();
  /** The standard input of each Run going (a Check reads none). */
  private readonly inputs = new Map<string, StdinFeed>();

  constructor(private readonly deps: RunCoordinatorDeps) {}

  async run(input: CallInput<'sandbox.run'>, sessionId: string): Promise<RunResult> {
    const stdin = new StdinFeed();
    const { waitMs, ...result } = await this.going(input.runId, sessionId, (options) => {
      this.inputs.set(input.runId, stdin);
      return this.deps.sandbox
        .run(
          { language: input.language, files: input.files, entry: input.entry, ...(input.courseId ? { courseId: input.courseId } : {}) },
          { ...options, stdin },
        )
        .finally(() => this.inputs.delete(input.runId));
    });
    this.deps.history.record({ kind: 'run', language: input.language, courseId: input.courseId, lessonId: input.lessonId, waitMs }, result);
    return result;
  }

  async check(input: CallInput<'sandbox.check'>, sessionId: string): Promise<CheckResult> {
    const { courseId, lessonId } = input;
    const lap = laps();
    const exercise = await this.deps.exercise(courseId, lessonId);
    if (!exercise) throw new DronaError('not_found', `Lesson "${lessonId}" of course "${courseId}" has no exercise to check.`);
    const exerciseMs = lap();
    const { waitMs, result } = await this.graded(input, exercise, sessionId);
    const sandboxMs = lap();
    const checkId = this.deps.history.record({ kind: 'check', language: exercise.language, courseId, lessonId, waitMs }, result, (id) =>
      this.deps.checkRecorded?.({ courseId, lessonId, checkId: id, result }),
    );
    const recordMs = lap();
    // 'pass' is the grader's verdict: at least one test, and every test passed (check-results.ts).
    if (checkId !== null && result.status === 'pass') await this.deps.checkPassed({ courseId, lessonId, checkId });
    this.deps.log?.(
      `check ${courseId}/${lessonId} (${result.driver}): exercise ${exerciseMs} ms, sandbox ${sandboxMs} ms ` +
        `(waited ${waitMs} ms for a runtime, ran ${result.durationMs} ms), history ${recordMs} ms, progress ${lap()} ms`,
    );
    return result;
  }

  /**
   * Checks files against an exercise that belongs to no lesson (an exam's coding challenge): the
   * same sandbox, run registry and history, without a lesson's completion.
   */
  async checkExercise(
    input: { runId: string; courseId: string; files: readonly SandboxFile[] },
    exercise: ExerciseForCheck,
    sessionId: string,
  ): Promise<CheckResult> {
    const { waitMs, result } = await this.graded(input, exercise, sessionId);
    this.deps.history.record({ kind: 'check', language: exercise.language, courseId: input.courseId, lessonId: undefined, waitMs }, result);
    return result;
  }

  /** The learner's files checked against the exercise's tests in the sandbox, each test tagged with its concepts. */
  private async graded(input: { runId: string; courseId: string; files: readonly SandboxFile[] }, exercise: ExerciseForCheck, sessionId: string) {
    const { waitMs, ...graded } = await this.going(input.runId, sessionId, (options) =>
      this.deps.sandbox.check(
        {
          courseId: input.courseId,
          language: exercise.language,
          files: filesForCheck(input.files, exercise),
          tests: exercise.tests,
          ...(exercise.support?.length ? { support: exercise.support } : {}),
          ...(exercise.limits ? { limits: exercise.limits } : {}),
        },
        options,
      ),
    );
    return { waitMs, result: withTestConcepts(graded, exercise.concepts) };
  }

  /** Passes a line the learner typed to the Run `runId`; false when that run has ended or its input has. */
  input(runId: string, text: string, end: boolean): { delivered: boolean } {
    const feed = this.inputs.get(runId);
    if (!feed) return { delivered: false };
    const delivered = text === '' || feed.write(text);
    if (end) feed.end();
    return { delivered };
  }

  stop(runId: string): { stopped: boolean } {
    const controller = this.running.get(runId);
    controller?.abort();
    return { stopped: Boolean(controller) };
  }

  /** Starts building a runner image unless one is building; progress goes to every window. */
  async startImageBuild(language: SandboxLanguage): Promise<{ started: boolean }> {
    const status = await this.deps.sandbox.status();
    if (status.builds.some((build) => build.language === language && build.state === 'running')) return { started: false };
    void this.deps.sandbox
      .buildImage(language, (progress: ImageBuildProgress) => this.deps.events.emit('sandbox.buildProgress', progress))
      .catch((error: unknown) => this.deps.events.emit('app.log', { level: 'error', source: 'sandbox', message: `Image build failed: ${messageOf(error)}` }));
    return { started: true };
  }

  /** One run under `runId`, its output streamed to `sessionId`; the id is free again when it ends. */
  private async going<T>(
    runId: string,
    sessionId: string,
    start: (options: { onOutput: (stream: OutputStream, text: string) => void; signal: AbortSignal }) => Promise<T>,
  ): Promise<T> {
    if (this.running.has(runId)) throw new DronaError('conflict', 'A run with this id is already going; wait for it or stop it first.');
    const controller = new AbortController();
    this.running.set(runId, controller);
    const output = this.coalesced(runId, sessionId);
    try {
      return await start({ onOutput: output.add, signal: controller.signal });
    } finally {
      output.flush();
      this.running.delete(runId);
    }
  }

  /** Gathers a run's output into a few events per second per stream, for the calling session only. */
  private coalesced(runId: string, sessionId: string) {
    const pending: Record<OutputStream, string> = { stdout: '', stderr: '' };
    let timer: NodeJS.Timeout | null = null;
    const flush = () => {
      if (timer) clearTimeout(timer);
      timer = null;
      for (const stream of ['stdout', 'stderr'] as const) {
        if (!pending[stream]) continue;
        this.deps.events.emit('sandbox.output', { runId, stream, text: pending[stream] }, sessionId);
        pending[stream] = '';
      }
    };
    return {
      add: (stream: OutputStream, text: string) => {
        pending[stream] += text;
        timer ??= setTimeout(flush, FLUSH_MS);
      },
      flush,
    };
  }
}
