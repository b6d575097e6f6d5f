// The Silver exam: main keeps the bank, the attempt, the clock and the grading; the window gets
// only the current section's questions (never which option is right, never the bank) and sends
// answers, which main saves at once. Scores come from main alone.
import { z } from 'zod';
import { examQuestionText, examSectionKinds, examStatuses, examVerdicts } from '../../common/sync-api/exam-api';
import { call } from './define';
import { checkResultSchema, sandboxFileSchema } from './sandbox';
import { workspaceFileListSchema } from './workspace-limits';

const courseId = z.string().min(1).max(100);
/** The app's own attempts are numbered; an attempt the sync server runs has the server's uuid. */
const attemptId = z.union([z.number().int().positive(), z.string().uuid()]);
export type ExamAttemptId = z.infer<typeof attemptId>;
const itemId = z.string().min(1).max(80);

/** A section as the overview lists it. */
const examSectionSchema = z.object({ kind: z.enum(examSectionKinds), title: z.string(), minutes: z.number(), questions: z.number().int() });

export const examSectionStateSchema = examSectionSchema.extend({
  /** Time left by main's clock (ms); 0 once submitted. */
  remainingMs: z.number(),
  submitted: z.boolean(),
  timedOut: z.boolean(),
  /** 0–100 once submitted and graded; null before, and for a design answer awaiting review. */
  score: z.number().nullable(),
});

/** A question as the exam shows it: no right answer, no explanations. */
export const examQuestionSchema = examQuestionText.extend({
  itemId,
  kind: z.enum(['choice', 'predict-output', 'find-the-bug', 'coding-challenge', 'design-question']),
  /** 1-based, in the section. */
  number: z.number().int(),
  /** Challenges: the entry file and the files the learner starts from (or last saved). */
  entry: z.string().optional(),
  difficulty: z.number().int().optional(),
  /** What the learner last saved: an option index, files, or text; null when unanswered. */
  saved: z.union([z.number().int(), workspaceFileListSchema, z.string()]).nullable(),
  /** Challenges: the last check's passed/total, when checked. */
  checked: z.object({ passed: z.number().int(), total: z.number().int() }).nullable().optional(),
});
export type ExamQuestion = z.infer<typeof examQuestionSchema>;

export const examResultSchema = z.object({
  overall: z.number(),
  verdict: z.enum(examVerdicts),
  failedSections: z.array(z.enum(examSectionKinds)),
  passPercent: z.number(),
  firstAttempt: z.boolean(),
});

export const examViewSchema = z.object({
  attemptId,
  courseId: z.string(),
  title: z.string(),
  status: z.enum(examStatuses),
  /** Index of the section being taken; equals sections.length once all are submitted. */
  sectionIndex: z.number().int(),
  sections: z.array(examSectionStateSchema),
  /** The current section's questions (Conceptual: the one being asked, adaptively). */
  questions: z.array(examQuestionSchema),
  /** Conceptual: how many have been asked so far. */
  asked: z.number().int(),
  /** Design: the interview so far (the tutor's questions and the learner's answers). */
  interview: z.array(z.object({ role: z.enum(['interviewer', 'learner']), text: z.string() })),
  /** Whether a tutor provider conducts the design interview; without one, a person reviews the written answer. */
  interviewer: z.boolean(),
  /** When main last saved an answer of this attempt. */
  savedAt: z.number().nullable(),
  result: examResultSchema.nullable(),
  /** Who grades the attempt: main, or the sync server (a person there reviews challenges and the design answer). */
  gradedBy: z.enum(['app', 'server']),
});
export type ExamView = z.infer<typeof examViewSchema>;

export const examOverviewSchema = z.object({
  available: z.boolean(),
  title: z.string(),
  passPercent: z.number(),
  retakeCooldownHours: z.number(),
  sections: z.array(examSectionSchema),
  /** The attempt in progress, if any. */
  activeAttemptId: attemptId.nullable(),
  /** When a retake may start (epoch ms) while the cooldown runs; null when it may start now. */
  retakeAt: z.number().nullable(),
  passed: z.boolean(),
  /** Where a new attempt runs: the sync server when signed in to it, else this app. */
  gradedBy: z.enum(['app', 'server']),
  attempts: z.array(z.object({ attemptId, status: z.enum(examStatuses), startedAt: z.number(), overall: z.number().nullable() })),
});
export type ExamOverview = z.infer<typeof examOverviewSchema>;

export const examAnswerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('choice'), selected: z.number().int().min(0).max(7).nullable() }),
  z.object({ kind: z.literal('code'), files: workspaceFileListSchema }),
  z.object({ kind: z.literal('design'), text: z.string().max(20_000) }),
]);

export const examCalls = {
  'exam.overview': call(z.object({ courseId }), examOverviewSchema),
  /** The attempt in progress in any course (the window reopens it after a restart); null when none. */
  'exam.active': call(z.object({}), z.object({ attemptId }).nullable()),
  'exam.start': call(z.object({ courseId }), examViewSchema),
  /** The attempt as it stands: the clock moves, a section whose time ran out is submitted. */
  'exam.current': call(z.object({ attemptId }), examViewSchema),
  /** Saves one answer (every change); returns when it was saved. */
  'exam.answer': call(z.object({ attemptId, itemId, answer: examAnswerSchema }), z.object({ savedAt: z.number() })),
  /** Conceptual: keeps the current answer and asks the next question. */
  'exam.next': call(z.object({ attemptId }), examViewSchema),
  /** Runs a challenge's hidden tests on the learner's files in the sandbox; main keeps the result. */
  'exam.check': call(z.object({ attemptId, itemId, runId: z.string().min(1).max(100), files: z.array(sandboxFileSchema).max(64) }), checkResultSchema),
  /** Design: sends the learner's reply; the tutor asks a follow-up when a provider is set. */
  'exam.interview': call(z.object({ attemptId, text: z.string().min(1).max(20_000) }), examViewSchema),
  'exam.submitSection': call(z.object({ attemptId }), examViewSchema),
};
