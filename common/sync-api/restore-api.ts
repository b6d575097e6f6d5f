// What a second computer signed in to an account restores besides the event log: the learner's
// decided Silver exam attempts (per-section scores included, so the app can show the result and
// its cooldown) and Gold project submissions with their reviews. Only the learner's own rows.
import { z } from 'zod';
import { automatedChecksSchema } from '../rules/project-review';
import { examAttemptSummary, examSectionKinds, examVerdicts } from './exam-api';
import { projectSubmissionView } from './project-api';

/** GET /v1/me/exam-attempts: every decided attempt (in-progress ones resume through the exam routes), oldest first. */
export const restoredExamAttempts = z.object({
  attempts: z.array(
    examAttemptSummary.extend({
      courseId: z.string(),
      status: z.enum(examVerdicts),
      sections: z.array(z.object({ kind: z.enum(examSectionKinds), score: z.number().nullable(), submittedAt: z.number(), timedOut: z.boolean() })),
    }),
  ),
});
export type RestoredExamAttempts = z.infer<typeof restoredExamAttempts>;

/** GET /v1/me/project-submissions: every submission, oldest first, with what was submitted and its review. */
export const restoredProjectSubmissions = z.object({
  submissions: z.array(
    projectSubmissionView.extend({
      goal: z.string().nullable(),
      milestones: z.array(z.string()),
      demoUrl: z.string().nullable(),
      files: z.array(z.object({ path: z.string(), content: z.string() })),
      automated: automatedChecksSchema,
    }),
  ),
});
export type RestoredProjectSubmissions = z.infer<typeof restoredProjectSubmissions>;
