// The hosted API's Gold project review (server/README.md "Gold projects"): what a learner submits,
// what they see of it, and the rubric review a person gives it. The verdict is the shared rule in
// common/rules/project-review.ts; nothing the learner sends decides it.
import { z } from 'zod';
import { automatedChecksSchema, projectReviewSchema, rubricCategories } from '../rules/project-review';
import { signedBySender, text } from './schemas';

const file = z.object({ path: text().min(1).max(200), content: text().max(64 * 1024) }).strict();

/** POST /v1/projects/:courseId/submissions: the project, its README and files, and the app's automated checks (the reviewer confirms them). */
export const projectSubmissionRequest = z
  .object({
    title: text().trim().min(1).max(200),
    goal: text().max(4000).optional(),
    milestones: z.array(text().min(1).max(500)).max(20).default([]),
    demoUrl: z.url().max(2000).optional(),
    readme: text().max(64 * 1024),
    files: z.array(file).min(1).max(200),
    automated: automatedChecksSchema.strict(),
  })
  .strict();
export type ProjectSubmissionRequest = z.infer<typeof projectSubmissionRequest>;

export const projectSubmissionStatuses = ['pending-review', 'accepted', 'not-accepted'] as const;

const scored = z.object({ score: z.number(), reasons: z.array(z.string()) });

/** What the learner sees of their submission: its status and, once reviewed, the scores with reasons. */
export const projectSubmissionView = z.object({
  submissionId: z.string(),
  courseId: z.string(),
  title: z.string(),
  status: z.enum(projectSubmissionStatuses),
  submittedAt: z.number(),
  review: z
    .object({
      reviewer: z.string(),
      reviewedAt: z.number(),
      overall: z.number(),
      exceptional: z.boolean(),
      blockers: z.array(z.string()),
      scores: z.object(Object.fromEntries(rubricCategories.map((category) => [category, scored])) as Record<(typeof rubricCategories)[number], typeof scored>),
    })
    .nullable(),
});
export type ProjectSubmissionView = z.infer<typeof projectSubmissionView>;

/** POST /v1/admin/project-submissions/:id/review: a person's rubric scores, each with reasons, and the checks as they found them. */
export const projectReviewRequest = z
  .object({
    reviewer: text().min(1).max(200),
    scores: projectReviewSchema.shape.scores,
    automated: automatedChecksSchema.strict(),
  })
  .strict();
export type ProjectReviewRequest = z.infer<typeof projectReviewRequest>;

/** What an instructor decides: approve (the rubric must pass) or ask for changes (the learner may submit again). */
export const reviewDecisions = ['approve', 'request-changes'] as const;

/**
 * POST /v1/reviews/projects/:id: an instructor's review of a submission from a cohort they teach.
 * No reviewer field: the reviewer is whoever is signed in, and a body naming one is refused.
 */
export const instructorReviewRequest = z.strictObject(
  {
    decision: z.enum(reviewDecisions),
    scores: projectReviewSchema.shape.scores,
    automated: automatedChecksSchema.strict(),
    /** What the learner should change, shown to them with the scores. */
    note: text().trim().min(1).max(2000).optional(),
  },
  signedBySender,
);
export type InstructorReviewRequest = z.infer<typeof instructorReviewRequest>;
