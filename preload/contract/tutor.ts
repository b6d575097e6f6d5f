// The AI tutor: provider configuration, sessions per lesson, streamed replies, model pulls.
import { z } from 'zod';
import { call, event } from './define';

export const tutorProviders = ['none', 'anthropic', 'ollama'] as const;
export const tutorModes = ['auto', 'socratic', 'adaptive', 'scaffolded'] as const;
export const tutorAgents = ['tutor', 'assessor', 'code-reviewer', 'mentor', 'project-guide', 'quiz-generator'] as const;
export const tutorActions = ['ask', 'hint', 'explain', 'example', 'review', 'why-failed', 'quiz'] as const;

export type TutorProvider = (typeof tutorProviders)[number];
export type TutorMode = (typeof tutorModes)[number];
export type TutorAgent = (typeof tutorAgents)[number];
export type TutorAction = (typeof tutorActions)[number];

/** Stored under settings.tutor; the API key is never here (it lives in the secret store). */
export const tutorSettingsSchema = z.object({
  provider: z.enum(tutorProviders),
  anthropicModel: z.string().min(1).max(100),
  ollamaHost: z.string().min(1).max(200),
  ollamaModel: z.string().max(200),
  /** Tutor requests per learner per local day; null means no limit (bootcamps set one). */
  dailyBudget: z.number().int().min(1).max(1000).nullable(),
  mode: z.enum(tutorModes),
});
export type TutorSettings = z.infer<typeof tutorSettingsSchema>;

/** Why a request did not get a reply, with what to do next; the panel shows both. */
export const tutorFailureCodes = [
  'no_key',
  'bad_key',
  'rate_limited',
  'unreachable',
  'model_missing',
  'context_too_long',
  'cancelled',
  'budget_exhausted',
  'provider_error',
] as const;
export type TutorFailureCode = (typeof tutorFailureCodes)[number];

export const tutorFailureSchema = z.object({
  code: z.enum(tutorFailureCodes),
  message: z.string(),
  nextStep: z.string(),
  retryAfterSeconds: z.number().optional(),
  model: z.string().optional(),
});
export type TutorFailure = z.infer<typeof tutorFailureSchema>;

export const tutorMessageSchema = z.object({
  id: z.number(),
  role: z.enum(['user', 'assistant', 'system-note']),
  agent: z.enum(tutorAgents).nullable(),
  content: z.string(),
  createdAt: z.number(),
});
export type TutorMessage = z.infer<typeof tutorMessageSchema>;

export const tutorBudgetSchema = z.object({ limit: z.number().nullable(), used: z.number() });

export const tutorStatusSchema = z.object({
  settings: tutorSettingsSchema,
  hasKey: z.boolean(),
  /** Where the key is kept: a system keyring (Electron), or an encrypted file whose key is in the user's folder. */
  keyStorage: z.enum(['os-keychain', 'encrypted-file']),
  /** What protects it, in one sentence (e.g. "Stored encrypted with a key in your user folder (no system keyring found), …"). */
  keyProtection: z.string(),
  budget: tutorBudgetSchema,
});
export type TutorStatus = z.infer<typeof tutorStatusSchema>;

const lessonRef = { courseId: z.string().min(1).max(100), lessonId: z.string().min(1).max(100) };

export const tutorSessionSchema = z.object({
  sessionId: z.string(),
  messages: z.array(tutorMessageSchema),
  hintsTotal: z.number(),
  hintsRevealed: z.array(z.string()),
  graded: z.boolean(),
});
export type TutorSession = z.infer<typeof tutorSessionSchema>;

export const tutorAskResultSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('answered'),
    message: tutorMessageSchema,
    /** How the reply was produced: by the provider, after a stricter retry, or from an authored hint. */
    source: z.enum(['provider', 'provider-strict', 'authored-hint', 'declined', 'offline']),
    budget: tutorBudgetSchema,
  }),
  z.object({ status: z.literal('failed'), failure: tutorFailureSchema, budget: tutorBudgetSchema }),
]);
export type TutorAskResult = z.infer<typeof tutorAskResultSchema>;

export const ollamaModelSchema = z.object({ name: z.string(), size: z.number(), embedding: z.boolean() });

export const tutorCalls = {
  'tutor.status': call(z.object({}), tutorStatusSchema),
  'tutor.configure': call(tutorSettingsSchema.partial(), tutorStatusSchema),
  'tutor.setKey': call(z.object({ key: z.string().trim().min(10).max(500) }), tutorStatusSchema),
  'tutor.clearKey': call(z.object({}), tutorStatusSchema),
  'tutor.session': call(z.object(lessonRef), tutorSessionSchema),
  'tutor.clearSession': call(z.object(lessonRef), tutorSessionSchema),
  'tutor.ask': call(
    z.object({
      ...lessonRef,
      requestId: z.string().min(1).max(80),
      action: z.enum(tutorActions),
      text: z.string().max(8000),
      mode: z.enum(tutorModes).optional(),
    }),
    tutorAskResultSchema,
  ),
  'tutor.stop': call(z.object({ requestId: z.string().min(1).max(80) }), z.object({ stopped: z.boolean() })),
  'tutor.models': call(z.object({}), z.object({ models: z.array(ollamaModelSchema) })),
  'tutor.pullModel': call(z.object({ model: z.string().min(1).max(200) }), z.object({ model: z.string() })),
  'tutor.deleteModel': call(z.object({ model: z.string().min(1).max(200) }), z.object({ model: z.string() })),
  /** Proactive help: should the panel offer a hint now (repeated failing checks, or idle on a failing exercise)? */
  'tutor.nudge': call(z.object({ ...lessonRef, idleSeconds: z.number().min(0) }), z.object({ offer: z.boolean(), reason: z.string() })),
};

export const tutorEvents = {
  /** Checked text of a streaming reply; `reset` clears what was shown (a stricter retry starts over). */
  'tutor.delta': event(z.object({ requestId: z.string(), text: z.string(), reset: z.boolean().optional() })),
  'tutor.pullProgress': event(
    z.object({ model: z.string(), status: z.string(), completed: z.number(), total: z.number(), done: z.boolean(), error: z.string().optional() }),
  ),
};
