// sandbox.* calls: Run and Check stream their output to the calling window only, can be
// stopped by runId, and are recorded in code_executions with their timings.
import { DronaError } from '../../preload/contract';
import type { CheckResult, RunResult, SandboxFile, SandboxLanguage, SandboxLimitsInput } from '../../preload/contract/sandbox';
import type { ServicesAccess } from '../app/services';
import type { CallContext, Handlers } from '../ipc/handlers';
import { codeExecutions } from '../store/schema';
import type { OutputStream } from './output-collector';

type SandboxCalls =
  | 'sandbox.run'
  | 'sandbox.check'
  | 'sandbox.stop'
  | 'sandbox.status'
  | 'sandbox.buildImage'
  | 'sandbox.allowCourse'
  | 'sandbox.disallowCourse'
  | 'sandbox.allowedCourses';

/** What a check needs from the course service (services.courses.getExercise). */
export interface ExerciseForCheck {
  readonly language: SandboxLanguage;
  readonly files: readonly (SandboxFile & { role: 'editable' | 'readOnly' | 'hidden' })[];
  readonly tests: readonly SandboxFile[];
  readonly limits?: SandboxLimitsInput;
}

/** The learner's editable files, with the exercise's own read-only and hidden files (which the learner cannot change). Pure. */
export function filesForCheck(learner: readonly SandboxFile[], exercise: ExerciseForCheck): SandboxFile[] {
  const fixed = exercise.files.filter((file) => file.role !== 'editable');
  const fixedPaths = new Set(fixed.map((file) => file.path));
  return [...learner.filter((file) => !fixedPaths.has(file.path)), ...fixed.map(({ path, content }) => ({ path, content }))];
}

const FLUSH_MS = 40;

/** Coalesces a run's output into a few events per second per stream, for the calling session only. */
function outputForwarder(ctx: CallContext, runId: string) {
  const pending: Record<OutputStream, string> = { stdout: '', stderr: '' };
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    timer = null;
    for (const stream of ['stdout', 'stderr'] as const) {
      if (!pending[stream]) continue;
      ctx.events.emit('sandbox.output', { runId, stream, text: pending[stream] }, ctx.sessionId);
      pending[stream] = '';
    }
  };
  return {
    onOutput: (stream: OutputStream, text: string) => {
      pending[stream] += text;
      timer ??= setTimeout(flush, FLUSH_MS);
    },
    done: () => {
      if (timer) clearTimeout(timer);
      flush();
    },
  };
}

export function sandboxHandlers(services: ServicesAccess, now: () => number = Date.now): Pick<Handlers, SandboxCalls> {
  const running = new Map<string, AbortController>();

  const begin = (runId: string) => {
    if (running.has(runId)) throw new DronaError('conflict', 'A run with this id is already going; wait for it or stop it first.');
    const controller = new AbortController();
    running.set(runId, controller);
    return controller;
  };

  const record = (
    kind: 'run' | 'check',
    language: SandboxLanguage,
    courseId: string | undefined,
    lessonId: string | undefined,
    outcome: string,
    run: RunResult,
    waitMs: number,
    result: unknown,
  ) => {
    // A refusal ran nothing.
    if (run.driver === 'none') return;
    services()
      .store.db.insert(codeExecutions)
      .values({
        courseId: courseId ?? null,
        lessonId: lessonId ?? null,
        kind,
        language,
        driver: run.driver,
        outcome,
        exitCode: run.exitCode,
        durationMs: Math.round(run.durationMs),
        waitMs: Math.round(waitMs),
        result,
        createdAt: now(),
      })
      .run();
  };

  return {
    'sandbox.run': async (input, ctx) => {
      const controller = begin(input.runId);
      const forward = outputForwarder(ctx, input.runId);
      try {
        const { waitMs, ...result } = await services().sandbox.run(
          { language: input.language, files: input.files, entry: input.entry, ...(input.courseId ? { courseId: input.courseId } : {}) },
          { onOutput: forward.onOutput, signal: controller.signal },
        );
        forward.done();
        record('run', input.language, input.courseId, input.lessonId, result.outcome, result, waitMs, {
          ...result,
          stdout: result.stdout.slice(0, 4000),
          stderr: result.stderr.slice(0, 4000),
        });
        return result;
      } finally {
        running.delete(input.runId);
      }
    },

    'sandbox.check': async (input, ctx) => {
      const exercise: ExerciseForCheck | null = await services().courses.getExercise(input.courseId, input.lessonId);
      if (!exercise) throw new DronaError('not_found', `Lesson "${input.lessonId}" of course "${input.courseId}" has no exercise to check.`);
      const controller = begin(input.runId);
      const forward = outputForwarder(ctx, input.runId);
      try {
        const { waitMs, ...result } = await services().sandbox.check(
          {
            courseId: input.courseId,
            language: exercise.language,
            files: filesForCheck(input.files, exercise),
            tests: exercise.tests,
            ...(exercise.limits ? { limits: exercise.limits } : {}),
          },
          { onOutput: forward.onOutput, signal: controller.signal },
        );
        forward.done();
        const stored: CheckResult = { ...result, run: { ...result.run, stdout: result.run.stdout.slice(0, 4000), stderr: result.run.stderr.slice(0, 4000) } };
        record('check', exercise.language, input.courseId, input.lessonId, result.status, result.run, waitMs, stored);
        return result;
      } finally {
        running.delete(input.runId);
      }
    },

    'sandbox.stop': ({ runId }) => {
      const controller = running.get(runId);
      controller?.abort();
      return { stopped: Boolean(controller) };
    },

    'sandbox.status': () => services().sandbox.refreshedStatus(),

    'sandbox.buildImage': async ({ language }, ctx) => {
      const sandbox = services().sandbox;
      const status = await sandbox.status();
      if (status.builds.some((build) => build.language === language && build.state === 'running')) return { started: false };
      void sandbox
        .buildImage(language, (progress) => ctx.events.emit('sandbox.buildProgress', progress))
        .catch((error: Error) => services().events.emit('app.log', { level: 'error', source: 'sandbox', message: `Image build failed: ${error.message}` }));
      return { started: true };
    },

    'sandbox.allowCourse': ({ courseId }) => {
      const consent = services().processConsents.grant(courseId);
      if (!consent) throw new DronaError('not_found', `There is no installed course "${courseId}" to allow.`);
      return consent;
    },

    'sandbox.disallowCourse': ({ courseId }) => {
      services().processConsents.revoke(courseId);
      return services().processConsents.list();
    },

    'sandbox.allowedCourses': () => services().processConsents.list(),
  };
}
