// The sandbox contract: Run and Check learner code, stream its output, stop it, and report
// which driver runs it (Docker, isolated; or a plain process, not isolated).
import { z } from 'zod';
import { call, event } from './define';

export const sandboxLanguages = ['python', 'javascript'] as const;
export type SandboxLanguage = (typeof sandboxLanguages)[number];

export const runOutcomes = ['finished', 'failed', 'timeout', 'memory', 'output-limit', 'sandbox-error', 'stopped'] as const;
export type RunOutcome = (typeof runOutcomes)[number];

const relativePath = z
  .string()
  .min(1)
  .max(200)
  .refine((p) => !p.startsWith('/') && !p.split('/').some((part) => part === '..' || part === '' || part === '.'), {
    message: 'a file path must be relative, without "..", "." or empty parts',
  });

/**
 * What one Run or Check may carry, in UTF-8 bytes. Declared here because the renderer checks it
 * before sending and preload may import only zod; main/sandbox/limits.ts re-exports it and tests
 * that it fits the sandbox's work directory.
 */
export const runFileLimits = { maxFiles: 50, maxFileBytes: 1_000_000, maxTotalBytes: 8 * 1024 * 1024 } as const;

/** UTF-8 length without encoding a copy (a Run may carry megabytes). */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2; // a surrogate pair: 4 bytes for 2 units
      i++;
    } else if (code >= 0x800) bytes += 2;
    else if (code >= 0x80) bytes += 1;
  }
  return bytes;
}

const kB = (bytes: number) => `${Math.ceil(bytes / 1000).toLocaleString('en')} kB`;

/** Why these files are too much for one Run or Check, in the learner's words; null when they fit. */
export function runFilesProblem(files: readonly { path: string; content: string }[]): string | null {
  if (files.length > runFileLimits.maxFiles) {
    return `A run can take at most ${runFileLimits.maxFiles} files; this workspace has ${files.length}. Delete files you do not need.`;
  }
  let total = 0;
  for (const file of files) {
    const size = utf8Length(file.content);
    if (size > runFileLimits.maxFileBytes) return `${file.path} is ${kB(size)}; a run takes files of up to ${kB(runFileLimits.maxFileBytes)}.`;
    total += size;
  }
  if (total > runFileLimits.maxTotalBytes) {
    return `The workspace's files are ${kB(total)} together; a run takes up to ${kB(runFileLimits.maxTotalBytes)}. Delete or shrink large files.`;
  }
  return null;
}

export const sandboxFileSchema = z.object({ path: relativePath, content: z.string().max(runFileLimits.maxFileBytes) });
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

export const sandboxDrivers = ['docker', 'process'] as const;
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

const runId = z.string().min(1).max(100);
const files = z
  .array(sandboxFileSchema)
  .min(1)
  .max(runFileLimits.maxFiles)
  .superRefine((value, ctx) => {
    const problem = runFilesProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const sandboxCalls = {
  'sandbox.run': call(
    z.object({
      runId,
      language: z.enum(sandboxLanguages),
      files,
      entry: relativePath,
      courseId: z.string().max(100).optional(),
      lessonId: z.string().max(100).optional(),
    }),
    runResultSchema,
  ),
  'sandbox.check': call(z.object({ runId, courseId: z.string().min(1).max(100), lessonId: z.string().min(1).max(100), files }), checkResultSchema),
  'sandbox.stop': call(z.object({ runId }), z.object({ stopped: z.boolean() })),
  'sandbox.status': call(z.object({}), sandboxStatusSchema),
  /** Start building a missing runner image offline; progress arrives as `sandbox.buildProgress`. */
  'sandbox.buildImage': call(z.object({ language: z.enum(sandboxLanguages) }), z.object({ started: z.boolean() })),
};

export const sandboxEvents = {
  'sandbox.output': event(z.object({ runId, stream: z.enum(['stdout', 'stderr']), text: z.string() })),
  'sandbox.buildProgress': event(imageBuildSchema),
};
