// A personal path: the learner's role, weekly time target and learning preference (asked at
// first run, editable in Settings), the optional adaptive placement quiz, which lessons the
// learner has tested out of, and "Next up" with its one-line reason.
import { z } from 'zod';
import { call } from './define';
import { askedQuestionFields } from './practice';

export const learnerRoles = ['student', 'professional', 'self-learner'] as const;
export type LearnerRole = (typeof learnerRoles)[number];
export const learningPreferences = ['show-first', 'try-first'] as const;
export type LearningPreference = (typeof learningPreferences)[number];

/**
 * What a role sets (the design's role table): the default game elements, and the tutor's tone.
 * The learner can still change the game elements at first run and in Settings.
 */
export const roleTable: Readonly<Record<LearnerRole, { label: string; gamificationMode: 'full' | 'moderate' | 'minimal'; tone: string }>> = {
  student: {
    label: 'Student',
    gamificationMode: 'full',
    tone: 'Encouraging and patient: explain terms as they come up, check understanding often, and celebrate progress.',
  },
  professional: {
    label: 'Professional',
    gamificationMode: 'minimal',
    tone: 'Concise and direct: respect their time, relate ideas to real-world practice, skip what they already know.',
  },
  'self-learner': {
    label: 'Self-learner',
    gamificationMode: 'moderate',
    tone: 'Friendly and practical: build on their curiosity and suggest what to explore next.',
  },
};

export const pathPreferencesSchema = z.object({
  role: z.enum(learnerRoles),
  /** The weekly time target for the learner's goal, in minutes; 0 means none. */
  weeklyMinutes: z
    .number()
    .int()
    .min(0)
    .max(50 * 60),
  /** "Show me first": concept lessons before their exercises; "let me try first": the exercise first. */
  preference: z.enum(learningPreferences),
});
export type PathPreferences = z.infer<typeof pathPreferencesSchema>;

const id = z.string().min(1).max(120);

/** A placement question as the window shows it: no `correct`, no explanations. */
export const placementQuestionSchema = z.object({
  questionId: z.string(),
  conceptTitle: z.string(),
  ...askedQuestionFields,
});
export type PlacementQuestion = z.infer<typeof placementQuestionSchema>;

export const placementStepSchema = z.object({
  placementId: z.string(),
  /** The next question, or null when the placement has finished. */
  question: placementQuestionSchema.nullable(),
  asked: z.number().int(),
  /** The most questions this placement will ask (it usually stops sooner). */
  limit: z.number().int(),
  /** When the placement has finished: the concepts it showed known, and the lessons now tested out. */
  known: z.array(z.string()),
  testedOut: z.array(z.string()),
});
export type PlacementStep = z.infer<typeof placementStepSchema>;

export const nextUpSchema = z.object({
  kind: z.enum(['review', 'lesson', 'done', 'none']),
  /** The one-line reason: "Loops are due for review", "On track for your goal", ... */
  reason: z.string(),
  courseId: z.string().nullable(),
  courseTitle: z.string().nullable(),
  lessonId: z.string().nullable(),
  lessonTitle: z.string().nullable(),
  why: z.enum(['weak-prerequisite', 'path', 'skip-ahead', 'harder-variant']).nullable(),
});
export type NextUp = z.infer<typeof nextUpSchema>;

export const pathCalls = {
  'path.preferences': call(z.object({}), pathPreferencesSchema),
  'path.updatePreferences': call(pathPreferencesSchema.partial(), pathPreferencesSchema),
  /** The course's lessons in the learner's preferred order, and those tested out (still open to study). */
  'path.course': call(z.object({ courseId: id }), z.object({ order: z.array(z.string()), testedOut: z.array(z.string()) })),
  'path.nextUp': call(z.object({ courseId: id.optional() }), nextUpSchema),
  'path.startPlacement': call(z.object({ courseId: id }), placementStepSchema),
  'path.answerPlacement': call(
    z.object({
      placementId: z.string().max(60),
      selected: z.array(z.number().int().min(0).max(7)).max(8),
      responseMs: z.number().int().min(0).max(86_400_000),
    }),
    placementStepSchema.extend({ correct: z.boolean() }),
  ),
  /** Skips the rest: what was answered so far is kept. */
  'path.finishPlacement': call(z.object({ placementId: z.string().max(60) }), placementStepSchema),
};
