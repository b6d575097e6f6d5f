// The Gold project (design §9.3): the learner picks a course brief or proposes their own, ticks
// off its milestones and submits the project folder; main reads the folder, runs its tests in the
// sandbox and keeps what it measured; the review (the Project Guide's draft, or a person's scores
// entered here) is judged by the one rubric rule in common/rules/project-review.ts. The window
// sends choices and scores; verdicts, test results and checks come from main alone.
import { z } from 'zod';
import { automatedChecksSchema, rubricCategories } from '../../common/rules/project-review';
import { projectSubmissionView } from '../../common/sync-api/project-api';
import { call, event } from './define';
import { testStatuses } from './sandbox';

const courseId = z.string().min(1).max(100);
const projectId = z.number().int().positive();
const submissionId = z.number().int().positive();
const line = z.string().trim().min(1).max(500);

export const projectBriefViewSchema = z.object({ id: z.string(), title: z.string(), goal: z.string(), milestones: z.array(z.string()), language: z.string() });

export const categoryScoreSchema = z.object({ score: z.number().min(0).max(100), reasons: z.array(z.string().trim().min(1).max(2000)).min(1).max(20) });
export const rubricScoresSchema = z.object(
  Object.fromEntries(rubricCategories.map((category) => [category, categoryScoreSchema])) as Record<
    (typeof rubricCategories)[number],
    typeof categoryScoreSchema
  >,
);

export const projectReviewViewSchema = z.object({
  reviewId: z.number().int(),
  reviewer: z.object({ kind: z.enum(['person', 'project-guide']), name: z.string() }),
  /** Per category, in rubric order: its title, weight, score and reasons. */
  categories: z.array(z.object({ category: z.enum(rubricCategories), title: z.string(), weight: z.number(), score: z.number(), reasons: z.array(z.string()) })),
  overall: z.number(),
  accepted: z.boolean(),
  exceptional: z.boolean(),
  blockers: z.array(z.string()),
  reviewedAt: z.number(),
});
export type ProjectReviewView = z.infer<typeof projectReviewViewSchema>;

export const projectSubmissionViewSchema = z.object({
  submissionId,
  folder: z.string(),
  demoUrl: z.string().nullable(),
  submittedAt: z.number(),
  automated: automatedChecksSchema,
  tests: z.array(z.object({ name: z.string(), status: z.enum(testStatuses), message: z.string().optional() })),
  status: z.enum(['awaiting-review', 'reviewed']),
  review: projectReviewViewSchema.nullable(),
});
export type ProjectSubmissionView = z.infer<typeof projectSubmissionViewSchema>;

export const projectOverviewSchema = z.object({
  courseId: z.string(),
  courseTitle: z.string(),
  briefs: z.array(projectBriefViewSchema),
  project: z
    .object({
      projectId,
      briefId: z.string().nullable(),
      title: z.string(),
      goal: z.string(),
      milestones: z.array(z.object({ title: z.string(), done: z.boolean() })),
    })
    .nullable(),
  /** Newest first. */
  submissions: z.array(projectSubmissionViewSchema),
  /** Whether a tutor provider is set, so the Project Guide drafts the review; otherwise a person reviews. */
  projectGuide: z.boolean(),
  rubric: z.array(z.object({ category: z.enum(rubricCategories), title: z.string(), weight: z.number() })),
});
export type ProjectOverview = z.infer<typeof projectOverviewSchema>;

export const projectChoiceSchema = z.union([
  z.object({ courseId, briefId: z.string().min(1).max(80) }),
  z.object({ courseId, own: z.object({ title: line.max(200), goal: z.string().trim().min(1).max(4000), milestones: z.array(line).min(1).max(20) }) }),
]);

export const projectStages = ['reading', 'testing', 'reviewing', 'done'] as const;

export const projectCalls = {
  'project.overview': call(z.object({ courseId }), projectOverviewSchema),
  /** Takes on a brief or the learner's own project (replacing the one in progress; past submissions stay). */
  'project.choose': call(projectChoiceSchema, projectOverviewSchema),
  'project.milestone': call(z.object({ projectId, index: z.number().int().min(0).max(19), done: z.boolean() }), projectOverviewSchema),
  /**
   * Submits the folder (an absolute path on this computer): main reads it, runs its tests in the
   * sandbox and, with a tutor provider, has the Project Guide draft the review. Progress arrives
   * as project.progress events.
   */
  'project.submit': call(z.object({ projectId, folder: z.string().trim().min(1).max(1000), demoUrl: z.url().max(2000).optional() }), projectOverviewSchema),
  /** Asks the Project Guide again (after a provider failed or was set later). */
  'project.draftReview': call(z.object({ submissionId }), projectOverviewSchema),
  /** A person's review entered in the app (an instructor or mentor beside the learner): their name and the rubric scores with reasons. */
  'project.recordReview': call(z.object({ submissionId, reviewerName: line.max(200), scores: rubricScoresSchema }), projectOverviewSchema),
  /** Sends the submission to the sync server's review queue (Gold is issued only from a review held there); again: its status there. */
  'project.sendForReview': call(z.object({ submissionId }), projectSubmissionView),
  /** The submission's status and review on the sync server; null when it was not sent. */
  'project.serverReview': call(z.object({ submissionId }), projectSubmissionView.nullable()),
};

export const projectEvents = {
  'project.progress': event(z.object({ projectId, stage: z.enum(projectStages), detail: z.string() })),
};
