// The sandbox contract: Run and Check learner code, stream its output, stop it, and report
// which driver runs it (Docker, isolated; a plain process, not isolated, only when the learner
// allowed it and confirmed the course; or none).
import { z } from 'zod';
import { call, event } from './define';
import { workspaceFileContentSchema, workspaceFileListSchema, workspacePathSchema } from './workspace-limits';

export const sandboxLanguages = ['python', 'javascript'] as const;
export type SandboxLanguage = (typeof sandboxLanguages)[number];

export const runOutcomes = ['finished', 'failed', 'timeout', 'memory', 'output-limit', 'sandbox-error', 'stopped'] as const;
export type RunOutcome = (typeof runOutcomes)[number];

export const sandboxFileSchema = z.object({ path: workspacePathSchema, content: workspaceFileContentSchema });
export type SandboxFile = z.infer<typeof sandboxFileSchema>;

export const sandboxLimitsSchema = z.object({
  timeoutSeconds: z.number().positive().max(60).optional(),
  memoryMb: z.number().int().min(32).max(2048).optional(),
});
export type SandboxLimitsInput = z.infer<typeof sandboxLimitsSchema>;

export const diagnosticSchema = z.object({
  file: z.string(),
  line: z.number().int().min(1),
  column: z.number().int().min(1).optional(),
  message: z.string(),
});
export type Diagnostic = z.infer<typeof diagnosticSchema>;

/** 'none': no driver may run the code (no isolated sandbox, and the process driver not allowed or not confirmed). */
export const sandboxDrivers = ['docker', 'wasm', 'process', 'none'] as const;
export type SandboxDriverName = (typeof sandboxDrivers)[number];

export const runResultSchema = z.object({
  outcome: z.enum(runOutcomes),
  exitCode: z.number().int().nullable(),
  durationMs: z.number(),
  stdout: z.string(),
  stderr: z.string(),
  truncated: z.boolean(),
  diagnostics: z.array(diagnosticSchema),
  driver: z.enum(sandboxDrivers),
  /** One sentence for the learner: what happened and, when it went wrong, what to do. */
  message: z.string(),
  /** Set when nothing ran because this course's code would run unisolated and the learner has not confirmed it (sandbox.allowCourse). */
  needsConsent: z.object({ courseId: z.string(), courseTitle: z.string(), version: z.string() }).optional(),
});
export type RunResult = z.infer<typeof runResultSchema>;

export const testStatuses = ['pass', 'fail', 'error'] as const;

/** One test as the Exercism v3 test-runner interface reports it. */
export const testResultSchema = z.object({
  name: z.string(),
  status: z.enum(testStatuses),
  message: z.string().optional(),
  output: z.string().optional(),
  task_id: z.number().int().optional(),
  /** Ids of the course concepts the test assesses: its exercise.yaml mapping, else the lesson's concepts. */
  concepts: z.array(z.string()),
});
export type TestResult = z.infer<typeof testResultSchema>;

export const checkResultSchema = z.object({
  status: z.enum(testStatuses),
  message: z.string().optional(),
  tests: z.array(testResultSchema),
  durationMs: z.number(),
  driver: z.enum(sandboxDrivers),
  run: runResultSchema,
});
export type CheckResult = z.infer<typeof checkResultSchema>;

export const imageStatusSchema = z.object({
  language: z.enum(sandboxLanguages),
  tag: z.string(),
  present: z.boolean(),
});

export const imageBuildSchema = z.object({
  language: z.enum(sandboxLanguages),
  state: z.enum(['running', 'done', 'failed']),
  /** 0–100. */
  percent: z.number(),
  step: z.string(),
  error: z.string().optional(),
});
export type ImageBuildProgress = z.infer<typeof imageBuildSchema>;

export const sandboxStatusSchema = z.object({
  driver: z.enum(sandboxDrivers),
  isolated: z.boolean(),
  /** Why this driver, in plain words (e.g. "Docker 20.10 answered" or "No Docker engine answered: ..."). */
  detail: z.string(),
  images: z.array(imageStatusSchema),
  warm: z.array(z.enum(sandboxLanguages)),
  builds: z.array(imageBuildSchema),
});
export type SandboxStatus = z.infer<typeof sandboxStatusSchema>;

/** The learner's confirmation that a course's code may run directly on this computer (the process driver). */
export const courseConsentSchema = z.object({ courseId: z.string(), courseTitle: z.string(), version: z.string(), grantedAt: z.number() });
export type CourseConsent = z.infer<typeof courseConsentSchema>;

const runId = z.string().min(1).max(100);
/** The learner's files: what a workspace may hold (workspace-limits.ts), no more. */
const files = workspaceFileListSchema;

export const sandboxCalls = {
  'sandbox.run': call(
    z.object({
      runId,
      language: z.enum(sandboxLanguages),
      files,
      entry: workspacePathSchema,
      courseId: z.string().max(100).optional(),
      lessonId: z.string().max(100).optional(),
    }),
    runResultSchema,
  ),
  'sandbox.check': call(z.object({ runId, courseId: z.string().min(1).max(100), lessonId: z.string().min(1).max(100), files }), checkResultSchema),
  /** The lesson's last recorded Check, so a reopened exercise shows where the learner left it; null when none. */
  'sandbox.lastCheck': call(z.object({ courseId: z.string().min(1).max(100), lessonId: z.string().min(1).max(100) }), checkResultSchema.nullable()),
  'sandbox.stop': call(z.object({ runId }), z.object({ stopped: z.boolean() })),
  /** A line the learner typed for a running program's standard input; `end` closes it (end of file). */
  'sandbox.input': call(z.object({ runId, text: z.string().max(64 * 1024), end: z.boolean().optional() }), z.object({ delivered: z.boolean() })),
  'sandbox.status': call(z.object({}), sandboxStatusSchema),
  /** Start building a missing runner image offline; progress arrives as `sandbox.buildProgress`. */
  'sandbox.buildImage': call(z.object({ language: z.enum(sandboxLanguages) }), z.object({ started: z.boolean() })),
  /** The learner confirmed, after reading the risk, that this course's code may run unisolated (for the version installed now). */
  'sandbox.allowCourse': call(z.object({ courseId: z.string().min(1).max(100) }), courseConsentSchema),
  'sandbox.disallowCourse': call(z.object({ courseId: z.string().min(1).max(100) }), z.array(courseConsentSchema)),
  'sandbox.allowedCourses': call(z.object({}), z.array(courseConsentSchema)),
};

export const sandboxEvents = {
  'sandbox.output': event(z.object({ runId, stream: z.enum(['stdout', 'stderr']), text: z.string() })),
  'sandbox.buildProgress': event(imageBuildSchema),
};
