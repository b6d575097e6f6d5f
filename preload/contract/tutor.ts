// The AI tutor: provider configuration, sessions per lesson, streamed replies, model pulls.
import { z } from 'zod';
import { call, event } from './define';

export const tutorProviders = ['none', 'anthropic', 'ollama'] as const;
export const tutorModes = ['auto', 'socratic', 'adaptive', 'scaffolded'] as const;
export const tutorAgents = ['tutor', 'assessor', 'code-reviewer', 'mentor', 'project-guide', 'quiz-generator'] as const;
export const tutorActions = ['ask', 'hint', 'explain', 'analogy', 'example', 'review', 'why-failed', 'quiz'] as const;
/** How often the tutor speaks unasked (design §7.3): more, normal, or never. */
export const tutorInitiatives = ['more', 'normal', 'off'] as const;
/** The interaction patterns of a proactive offer; "Why this?" shows the signal behind each. */
export const tutorOfferPatterns = ['simpler-explanation', 'praise', 'socratic', 'check-in', 'harder'] as const;

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
  /** Defaulted so settings saved before it existed still validate (and keep their provider). */
  initiative: z.enum(tutorInitiatives).default('normal'),
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
  /** Set on a reply the tutor offered unasked: its pattern and the observed signal behind it ("Why this?"). */
  offer: z.object({ pattern: z.enum(tutorOfferPatterns), why: z.string() }).optional(),
  /** The learner's rating of a reply, when given. */
  rating: z.object({ helpful: z.boolean(), reason: z.string() }).optional(),
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
  /** The lesson's type: the panel's actions follow it (an analogy in a concept intro, the Assessor alone in a challenge). */
  lessonType: z.string().nullable(),
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
  /**
   * Proactive help: main reads its own signals (Checks, saves, answers, exchanges) and, when a
   * pattern calls for it, adds an offer to the lesson's conversation and returns it.
   */
  'tutor.nudge': call(z.object(lessonRef), z.object({ offer: tutorMessageSchema.nullable() })),
  /** Rates a tutor reply (helpful or not, with a reason); counted in the eval report. */
  'tutor.rate': call(z.object({ messageId: z.number().int().positive(), helpful: z.boolean(), reason: z.string().trim().max(500) }), tutorMessageSchema),
};

export const tutorEvents = {
  /** Checked text of a streaming reply; `reset` clears what was shown (a stricter retry starts over). */
  'tutor.delta': event(z.object({ requestId: z.string(), text: z.string(), reset: z.boolean().optional() })),
  'tutor.pullProgress': event(
    z.object({ model: z.string(), status: z.string(), completed: z.number(), total: z.number(), done: z.boolean(), error: z.string().optional() }),
  ),
};
