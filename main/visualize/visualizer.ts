// visualize.trace: records a trace of the learner's Python program, or of one test of the
// lesson's exercise (its hidden tests added here, in main; only the learner's files traced),
// in the WebAssembly runtime, and reads it back against the contract's shape.
import { z } from 'zod';
import type { CallInput } from '../../preload/contract';
import { DronaError } from '../../preload/contract/errors';
import type { SandboxFile } from '../../preload/contract/sandbox';
import { traceSchema, traceStepLimit, type Trace } from '../../preload/contract/visualize';
import { flattened } from '../sandbox/commands';
import { resolveLimits } from '../sandbox/limits';
import { filesForCheck, type ExerciseForCheck } from '../sandbox/run-coordinator';
import type { SandboxService } from '../sandbox/sandbox-service';

/** Tracing runs every line through Python code of its own: the program gets this much longer. */
const traceTimeoutSeconds = 15;

export interface VisualizerDeps {
  readonly sandbox: Pick<SandboxService, 'trace'>;
  readonly exercise: (courseId: string, lessonId: string) => ExerciseForCheck | null | undefined | Promise<ExerciseForCheck | null | undefined>;
}

const recorded = traceSchema.omit({ message: true, error: true }).extend({ error: z.string().nullable() });

/** The sentence the learner reads above the steps. Pure. */
export function traceMessage(trace: Pick<Trace, 'steps' | 'truncated' | 'error'>, test?: string): string {
  const what = test ? `the test "${test}"` : 'your program';
  const steps = `${trace.steps.length} step${trace.steps.length === 1 ? '' : 's'}`;
  if (trace.truncated)
    return `Recorded the first ${traceStepLimit.toLocaleString('en-US')} steps of ${what}, then stopped: a trace is capped at ${traceStepLimit.toLocaleString('en-US')} steps. Try smaller inputs or fewer loop rounds to see the end.`;
  if (trace.error && trace.steps.length === 0) return `Nothing of ${what} could be recorded: it stopped with an error before its first step.`;
  if (trace.error) return `Recorded ${steps} of ${what}; it ended with an error (the last step shows where).`;
  return `Recorded ${steps} of ${what}.`;
}

export class Visualizer {
  constructor(private readonly deps: VisualizerDeps) {}

  async trace(input: CallInput<'visualize.trace'>): Promise<Trace> {
    let files: readonly SandboxFile[] = input.files;
    let shown = input.files.map((file) => file.path);
    let testFiles: string[] = [];
    if (input.test && input.courseId && input.lessonId) {
      const exercise = await this.deps.exercise(input.courseId, input.lessonId);
      if (!exercise) throw new DronaError('not_found', `Lesson "${input.lessonId}" of course "${input.courseId}" has no tests to visualize.`);
      const tests = flattened(exercise.tests);
      const hidden = new Set(exercise.files.filter((file) => file.role === 'hidden').map((file) => file.path));
      const learner = filesForCheck(input.files, exercise);
      shown = learner.map((file) => file.path).filter((path) => !hidden.has(path));
      testFiles = tests.map((test) => test.path);
      const hiddenFiles = [...tests, ...flattened(exercise.support ?? [])];
      files = [...learner.filter((file) => !hiddenFiles.some((hiddenFile) => hiddenFile.path === file.path)), ...hiddenFiles];
    }
    const request = { entry: input.entry, shown: shown.filter((path) => path.endsWith('.py')), limit: traceStepLimit, test: input.test ?? null, testFiles };
    const { results, run } = await this.deps.sandbox.trace(files, JSON.stringify(request), resolveLimits({ timeoutSeconds: traceTimeoutSeconds }));
    if (results === undefined) {
      // Nothing came back: the run ended before the tracer could answer (a time limit, memory).
      return { steps: [], stdout: `${run.stdout}${run.stderr}`, truncated: false, message: `No trace was recorded: ${run.message}` };
    }
    const parsed = recorded.safeParse(JSON.parse(results));
    if (!parsed.success) throw new DronaError('internal', `The trace recorder answered in an unexpected shape: ${parsed.error.issues[0]?.message ?? ''}`);
    const { error, ...trace } = parsed.data;
    return { ...trace, ...(error ? { error } : {}), message: traceMessage({ ...trace, ...(error ? { error } : {}) }, input.test) };
  }
}
