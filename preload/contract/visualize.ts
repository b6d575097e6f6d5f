// The visualiser's contract: a Python program (or one test of an exercise) run once in the
// WebAssembly runtime with a tracer, which records each step (the line, the call frames with
// their variables, the objects on the heap, the output so far), up to a cap.
import { z } from 'zod';
import { call } from './define';
import { workspaceFileListSchema, workspacePathSchema } from './workspace-limits';

/** The most steps one trace records (as Python Tutor does); past it the trace says it stopped. */
export const traceStepLimit = 1000;

/** A variable's value: a plain value written out, or a reference to an object on the heap. */
export const traceValueSchema = z.union([z.object({ ref: z.string() }), z.object({ type: z.string(), repr: z.string() })]);
export type TraceValue = z.infer<typeof traceValueSchema>;

export const heapObjectSchema = z.object({
  id: z.string(),
  kind: z.enum(['list', 'tuple', 'set', 'dict', 'object']),
  /** The Python type's name ("list", "Point"). */
  type: z.string(),
  /** Lists, tuples and sets. */
  items: z.array(traceValueSchema).optional(),
  /** Dicts (key, value) and objects (attribute name as a str key, value). */
  entries: z.array(z.object({ key: traceValueSchema, value: traceValueSchema })).optional(),
  /** Items or entries left out of a large object. */
  more: z.number().int().min(0).optional(),
});
export type HeapObject = z.infer<typeof heapObjectSchema>;

export const traceFrameSchema = z.object({
  /** "<module>" for the program's globals, else the function's name. */
  name: z.string(),
  line: z.number().int().min(0),
  variables: z.array(z.object({ name: z.string(), value: traceValueSchema })),
});
export type TraceFrame = z.infer<typeof traceFrameSchema>;

export const traceStepSchema = z.object({
  /** line: about to run `line`; return: the innermost function returns `returned`; exception: `exception` was raised. */
  event: z.enum(['line', 'return', 'exception']),
  file: z.string(),
  line: z.number().int().min(0),
  /** Outermost first. */
  frames: z.array(traceFrameSchema),
  heap: z.array(heapObjectSchema),
  /** How many characters of the trace's output had been printed by this step. */
  stdout: z.number().int().min(0),
  returned: traceValueSchema.optional(),
  exception: z.string().optional(),
});
export type TraceStep = z.infer<typeof traceStepSchema>;

export const traceSchema = z.object({
  steps: z.array(traceStepSchema),
  /** Everything the program printed (stdout and stderr, in order). */
  stdout: z.string(),
  /** The step cap was reached: the trace is the program's first `traceStepLimit` steps. */
  truncated: z.boolean(),
  /** The uncaught error (or the failed assertion) that ended the program, as Python printed it. */
  error: z.string().optional(),
  /** One sentence for the learner: what was recorded, and why it stopped. */
  message: z.string(),
});
export type Trace = z.infer<typeof traceSchema>;

const id = z.string().min(1).max(100);

export const visualizeCalls = {
  /**
   * Records a trace of `entry` run with `files`; with `test`, of that test of the lesson's
   * exercise (its hidden tests are added in main, and only the learner's files are traced).
   */
  'visualize.trace': call(
    z
      .object({
        language: z.literal('python'),
        files: workspaceFileListSchema,
        entry: workspacePathSchema,
        courseId: id.optional(),
        lessonId: id.optional(),
        test: z.string().min(1).max(500).optional(),
      })
      .refine((input) => !input.test || (input.courseId && input.lessonId), { message: 'a test to visualize needs its courseId and lessonId' }),
    traceSchema,
  ),
};
