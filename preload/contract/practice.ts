// Practice: spaced review of cards (missed quiz questions, the tutor's generated questions,
// a course's check questions, "solve again" cards for fading concepts). Main keeps the cards
// and the schedule (FSRS); the window asks for the cards due today and sends answers. A card's
// answer is never sent before it is answered.
import { z } from 'zod';
import { call, event } from './define';

export const reviewCardSources = ['missed-quiz', 'tutor-quiz', 'course-check', 'solve-again'] as const;
export type ReviewCardSource = (typeof reviewCardSources)[number];

/** What a card asks, as stored: a question with options, one or more of them right. */
export const reviewCardItemSchema = z.object({
  prompt: z.string().min(1).max(2000),
  code: z.string().max(4000).optional(),
  language: z.string().max(40).optional(),
  options: z
    .array(z.object({ text: z.string().min(1).max(600), correct: z.boolean(), explanation: z.string().max(1000).optional() }))
    .min(2)
    .max(8)
    .refine((options) => options.some((option) => option.correct), 'at least one option must be right'),
});
export type ReviewCardItem = z.infer<typeof reviewCardItemSchema>;

/** A question as the window shows it before it is answered (a review card, a placement question): no `correct`, no explanations. */
export const askedQuestionFields = {
  prompt: z.string(),
  code: z.string().optional(),
  language: z.string().optional(),
  options: z.array(z.string()),
  /** More than one option may be right: the window offers checkboxes. */
  multiple: z.boolean(),
};

/** A card as the window shows it before it is answered: no `correct`, no explanations. */
export const dueCardSchema = z.object({
  id: z.number().int(),
  source: z.enum(reviewCardSources),
  courseId: z.string().nullable(),
  lessonId: z.string().nullable(),
  /** The lesson the card comes from, to show and to open; null when it is gone. */
  lessonTitle: z.string().nullable(),
  ...askedQuestionFields,
});
export type DueCard = z.infer<typeof dueCardSchema>;

export const practiceDueSchema = z.object({
  /** Due by the end of the learner's local day. */
  cards: z.array(dueCardSchema),
  /** When the next card not yet due comes up (epoch ms), or null when there is none. */
  nextDueAt: z.number().nullable(),
});
export type PracticeDue = z.infer<typeof practiceDueSchema>;

export const practiceAnswerInputSchema = z.object({
  cardId: z.number().int().nonnegative(),
  selected: z.array(z.number().int().min(0).max(7)).max(8),
  /** How long the learner took, for the rating (clamped in main to 0–10 minutes). */
  responseMs: z.number().int().min(0).max(86_400_000),
});

export const practiceAnswerSchema = z.object({
  correct: z.boolean(),
  /** Indexes of the right options, and each option's explanation where the course has one. */
  correctOptions: z.array(z.number().int()),
  explanations: z.array(z.string().nullable()),
  rating: z.enum(['again', 'hard', 'good', 'easy']),
  nextDueAt: z.number(),
  /** Cards still due today after this one. */
  dueCount: z.number().int(),
});
export type PracticeAnswer = z.infer<typeof practiceAnswerSchema>;

export const practiceCalls = {
  'practice.due': call(z.object({}), practiceDueSchema),
  'practice.answer': call(practiceAnswerInputSchema, practiceAnswerSchema),
};

export const practiceEvents = {
  /** The number of cards due today changed (a card added, answered, or the day turned). */
  'practice.changed': event(z.object({ dueCount: z.number().int() })),
};
