// The hosted API's Silver exam (server/README.md "Silver exams"; the bank an admin registers with
// a course is `courseRegistration.exam` in schemas.ts): the attempt the server serves (questions without their answers), the answers a
// learner submits per section, and the review a person gives the challenges and the design answer.
// Validated by the server and parsed by the app's client alike.
import { z } from 'zod';
import { signedBySender, text } from './schemas';

export const examSectionKinds = ['conceptual', 'codeAnalysis', 'challenges', 'design'] as const;
export const examStatuses = ['in-progress', 'pending-review', 'passed', 'failed'] as const;
/** How a finished attempt stands: a person may still have to review it. */
export const examVerdicts = ['passed', 'failed', 'pending-review'] as const;

const itemId = text().min(1).max(80);
const choiceAnswer = z.object({ itemId, selected: z.number().int().min(0).max(7).nullable() }).strict();
const file = z.object({ path: text().min(1).max(200), content: text().max(64 * 1024) }).strict();

/** What each section's submission carries; the path names the section. */
export const sectionSubmissions = {
  /** One question at a time (the next one adapts to it): the answer is final. */
  conceptual: choiceAnswer,
  codeAnalysis: z.object({ answers: z.array(choiceAnswer).max(50) }).strict(),
  challenges: z.object({ answers: z.array(z.object({ itemId, files: z.array(file).min(1).max(20) }).strict()).max(3) }).strict(),
  design: z.object({ itemId, text: text().max(20_000) }).strict(),
} as const;

/** A question as the learner reads it, on the wire and in the app's view alike: never its answer. */
export const examQuestionText = z.object({
  prompt: z.string(),
  code: z.string().optional(),
  language: z.string().optional(),
  /** Choice questions: the option texts in this attempt's order (an answer names an index in it). */
  options: z.array(z.string()).optional(),
  title: z.string().optional(),
});

const question = examQuestionText.extend({
  itemId: z.string(),
  kind: z.string(),
  number: z.number(),
  difficulty: z.number().optional(),
  /** Challenges: the course's exercise folder, whose starter files the app shows. */
  exercise: z.string().optional(),
  followUps: z.array(z.string()).optional(),
});

export const examAttemptView = z.object({
  attemptId: z.string(),
  courseId: z.string(),
  title: z.string(),
  status: z.enum(examStatuses),
  firstAttempt: z.boolean(),
  passPercent: z.number(),
  sectionIndex: z.number(),
  sections: z.array(
    z.object({
      kind: z.enum(examSectionKinds),
      title: z.string(),
      minutes: z.number(),
      questions: z.number(),
      /** The server's deadline for the section being taken (epoch ms); null for others. */
      deadline: z.number().nullable(),
      submitted: z.boolean(),
      timedOut: z.boolean(),
      /** null until submitted, and while a person has still to review it. */
      score: z.number().nullable(),
    }),
  ),
  /** The current section's questions (Conceptual: the one being asked), never with their answers. */
  questions: z.array(question),
  result: z.object({ overall: z.number(), verdict: z.enum(examVerdicts), failedSections: z.array(z.enum(examSectionKinds)) }).nullable(),
});
export type ExamAttemptView = z.infer<typeof examAttemptView>;

/** One of the learner's attempts as a list of them shows it. */
export const examAttemptSummary = z.object({
  attemptId: z.string(),
  status: z.enum(examStatuses),
  firstAttempt: z.boolean(),
  /** The server's overall score; null until the attempt is decided. */
  overall: z.number().nullable(),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
});

/** GET /v1/exams/:courseId/attempts: the learner's attempts, newest first, and the server's word on a retake. */
export const examAttemptHistory = z.object({
  courseId: z.string(),
  attempts: z.array(examAttemptSummary),
  /** The attempt in progress, drawn from the bank registered now; null when none. */
  activeAttemptId: z.string().nullable(),
  passed: z.boolean(),
  pendingReview: z.boolean(),
  /** When the next attempt opens (epoch ms) while the cooldown after a failed one runs; null when it may start now. */
  retakeAt: z.number().nullable(),
  retakeCooldownHours: z.number(),
});
export type ExamAttemptHistory = z.infer<typeof examAttemptHistory>;

const reviewScore = z.object({ score: z.number().min(0).max(100), reasons: text().min(1).max(4000) }).strict();

/** POST /v1/admin/exam-attempts/:id/review: a person's scores for the challenges and the design answer. */
export const examReviewRequest = z
  .object({
    reviewer: text().min(1).max(200),
    challenges: z.array(reviewScore.extend({ itemId })).max(3),
    design: reviewScore.nullable(),
  })
  .strict();
export type ExamReviewRequest = z.infer<typeof examReviewRequest>;

/**
 * POST /v1/reviews/exams/:id: an instructor's scores for an attempt from a cohort they teach. No
 * reviewer field: the reviewer is whoever is signed in, and a body naming one is refused.
 */
export const instructorExamReviewRequest = z.strictObject(examReviewRequest.omit({ reviewer: true }).shape, signedBySender);
export type InstructorExamReviewRequest = z.infer<typeof instructorExamReviewRequest>;
