// What the lesson canvas asks of main beyond files: the learner's standing in a lesson,
// hints revealed one at a time, quiz answers, reflections and the journal, and "Mark complete".
// An exercise completes inside main when its Check passes (sandbox.check): nothing here claims it.
import { z } from 'zod';
import { call } from './define';

const lessonRef = { courseId: z.string().min(1).max(120), lessonId: z.string().min(1).max(120) };

export const lessonStandingSchema = z.object({
  status: z.enum(['not_started', 'in_progress', 'completed']),
  completedAt: z.number().nullable(),
  /** The exercise's language and entry file, when the lesson has one. */
  exercise: z.object({ language: z.enum(['python', 'javascript']), entry: z.string(), hintCount: z.number().int() }).nullable(),
  revealedHints: z.array(z.string()),
  /** The next hint, while one is left: what it costs in XP (from the XP rules) and whether it is the last, the one that gives the answer away. */
  nextHint: z.object({ xpCost: z.number().int().nonnegative(), givesAnswer: z.boolean() }).nullable(),
  /** A guided discovery's steps answered right, in order, and the discovery once every step is. */
  stepsPassed: z.array(z.string()),
  discovery: z.string().nullable(),
  /** A project's milestones accepted, in order, each with the review recorded for it. */
  milestones: z.array(z.object({ id: z.string(), review: z.string() })),
  /** A timed challenge's clock, kept by main from the first opening (a reload carries on); at the limit the attempt is submitted. */
  challenge: z.object({ limitSeconds: z.number().int(), elapsedSeconds: z.number().int(), expired: z.boolean() }).nullable(),
});
export type LessonStanding = z.infer<typeof lessonStandingSchema>;

const quizAnswerSchema = z.object({ questionId: z.string().max(120), selected: z.array(z.number().int().min(0)).max(20) });

export const quizOutcomeSchema = z.object({
  score: z.number(),
  passed: z.boolean(),
  passPercent: z.number(),
  /** The questions answered wrong (or left out), in quiz order: the result reviews them. */
  missed: z.array(z.string()),
  standing: lessonStandingSchema,
});

/** A quiz part-way through, kept in main so a reload carries on where the learner was; cleared on submit. */
export const quizProgressSchema = z.object({
  /** The question shown (0-based). */
  index: z.number().int().min(0).max(100),
  /** The answers checked so far, in quiz order. */
  answers: z.array(quizAnswerSchema).max(100),
  /** The options picked on the question shown, and whether its answer was checked. */
  selected: z.array(z.number().int().min(0)).max(20),
  answered: z.boolean(),
});
export type QuizProgress = z.infer<typeof quizProgressSchema>;
/** An answer to a guided discovery's current step; a check step is judged from main's latest Check of the lesson. */
export const stepAnswerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('free'), text: z.string().trim().min(1, 'Write an answer first').max(2_000) }),
  z.object({ kind: z.literal('choice'), option: z.number().int().min(0).max(20) }),
  z.object({ kind: z.literal('check') }),
]);
export type StepAnswerInput = z.infer<typeof stepAnswerSchema>;

export const stepOutcomeSchema = z.object({
  verdict: z.enum(['right', 'wrong']),
  /** The Socratic question after a wrong answer: the tutor's own with a provider, else the step's authored one. */
  followUp: z.string().nullable(),
  /** Who judged: the lesson's answer key, or the tutor (a free answer against the step's intent, with a provider). */
  judgedBy: z.enum(['lesson', 'tutor']),
  standing: lessonStandingSchema,
});
export type StepOutcome = z.infer<typeof stepOutcomeSchema>;

export const milestoneOutcomeSchema = z.object({
  accepted: z.boolean(),
  /** The Project Guide's review of the submission against the milestone's rubric (recorded either way). */
  review: z.string(),
  standing: lessonStandingSchema,
});
export type MilestoneOutcome = z.infer<typeof milestoneOutcomeSchema>;

export const lessonCalls = {
  'lesson.standing': call(z.object(lessonRef), lessonStandingSchema),
  /** The canvas opened the lesson: main notes when, by its own clock (a passing Check's time counts from here), and returns the standing. */
  'lesson.open': call(z.object(lessonRef), lessonStandingSchema),
  /** Reveals the next hint (in order); each reveal is recorded. */
  'lesson.revealHint': call(z.object(lessonRef), lessonStandingSchema),
  /** Completes a lesson whose type allows it (concept, reading); exercises complete on a passing Check. */
  'lesson.complete': call(z.object(lessonRef), lessonStandingSchema),
  'lesson.submitQuiz': call(z.object({ ...lessonRef, answers: z.array(quizAnswerSchema).max(100) }), quizOutcomeSchema),
  /** The quiz in progress, if one was left part-way (and still fits the quiz's questions). */
  'lesson.quizProgress': call(z.object(lessonRef), quizProgressSchema.nullable()),
  /** Keeps the quiz in progress after each step. */
  'lesson.saveQuizProgress': call(z.object({ ...lessonRef, progress: quizProgressSchema }), z.object({})),
  /** Adds time the learner was active in the lesson (the renderer excludes idle time); at most two minutes a call. */
  'lesson.addActiveTime': call(z.object({ ...lessonRef, seconds: z.number().int().min(1).max(120) }), z.object({ activeSeconds: z.number().int() })),
  /** The learner's journal entries for a lesson (saved reflections), newest first. */
  'lesson.journal': call(z.object(lessonRef), z.array(z.object({ text: z.string(), createdAt: z.number() }))),
  /** Saves a reflection to the learner's journal and completes the lesson; returns the one question asked back (saved with the answer when `answersFollowUp`). */
  'lesson.saveReflection': call(
    z.object({ ...lessonRef, text: z.string().trim().min(1, 'Write a sentence or two first').max(10_000), answersFollowUp: z.boolean().optional() }),
    lessonStandingSchema.extend({ followUp: z.string().nullable() }),
  ),
  /** Answers the current step of a guided discovery; the last right answer reaches the discovery and completes the lesson. */
  /** Submits the open milestone of a project: its tests are judged from main's latest Check, `confirmed` are the checklist items ticked (by index). */
  'lesson.submitMilestone': call(
    z.object({ ...lessonRef, milestoneId: z.string().min(1).max(80), confirmed: z.array(z.number().int().min(0).max(20)).max(20) }),
    milestoneOutcomeSchema,
  ),
  'lesson.answerStep': call(z.object({ ...lessonRef, stepId: z.string().min(1).max(80), answer: stepAnswerSchema }), stepOutcomeSchema),
};
