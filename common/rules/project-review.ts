// The Gold project review (design §9.3): the rubric, a review record, and its verdict. One rule
// for whoever reviews (a person on the hosted API's queue, or the Project Guide in the app), so
// the app and the server never disagree on what "accepted" means.
//
// Rubric: Code quality 25%, Functionality 30%, Testing 20%, Documentation 15%, Deployment 10%.
// Accepted: at least 75% overall, no category under 60%, and the automated checks hold (the
// project's tests pass and it has a README). Exceptional (the design's +100% XP): accepted and at
// least 90% overall. Every score carries its reasons, so the learner sees why.
import { z } from 'zod';
import { goldReviewPercent, type ReviewEvidence } from './certificate-criteria';

export const rubricCategories = ['codeQuality', 'functionality', 'testing', 'documentation', 'deployment'] as const;
export type RubricCategory = (typeof rubricCategories)[number];

export const rubricWeights: Readonly<Record<RubricCategory, number>> = { codeQuality: 25, functionality: 30, testing: 20, documentation: 15, deployment: 10 };
export const rubricTitles: Readonly<Record<RubricCategory, string>> = {
  codeQuality: 'Code quality',
  functionality: 'Functionality',
  testing: 'Testing',
  documentation: 'Documentation',
  deployment: 'Deployment',
};

/** No category may score under this, whatever the overall score. */
export const categoryFloorPercent = 60;
/** An accepted review at or above this is exceptional. */
export const exceptionalPercent = 90;

const categoryScore = z.object({
  score: z.number().min(0).max(100),
  reasons: z.array(z.string().trim().min(1).max(2000)).min(1, 'Each score needs at least one reason.').max(20),
});

/** What the automated checks found in the submitted project folder. */
export const automatedChecksSchema = z.object({
  testsPassed: z.boolean(),
  testCount: z.number().int().min(0),
  lintClean: z.boolean(),
  readme: z.boolean(),
});
export type AutomatedChecks = z.infer<typeof automatedChecksSchema>;

/** One review of one submission, as the reviewer signs it off. */
export const projectReviewSchema = z.object({
  courseId: z.string().min(1).max(100),
  project: z.object({
    title: z.string().trim().min(1).max(200),
    goal: z.string().max(4000).optional(),
    /** A link to a live demo, when the learner gave one. */
    demoUrl: z.url().max(2000).optional(),
  }),
  reviewer: z.object({ kind: z.enum(['person', 'project-guide']), name: z.string().trim().min(1).max(200) }),
  scores: z.object(Object.fromEntries(rubricCategories.map((category) => [category, categoryScore])) as Record<RubricCategory, typeof categoryScore>),
  automated: automatedChecksSchema,
  reviewedAt: z.number().int().positive(),
});
export type ProjectReview = z.infer<typeof projectReviewSchema>;

export interface ReviewVerdict {
  /** Weighted overall score, rounded to 0.1 once (the verdict reads the same number the learner sees). */
  readonly overall: number;
  readonly accepted: boolean;
  readonly exceptional: boolean;
  /** Categories under the floor. */
  readonly belowFloor: readonly RubricCategory[];
  /** Why it was not accepted, in the learner's words; empty when accepted. */
  readonly blockers: readonly string[];
}

const round = (value: number) => Math.round(value * 10) / 10;

export function reviewVerdict(scores: Readonly<Record<RubricCategory, number>>, automated: AutomatedChecks): ReviewVerdict {
  const total = rubricCategories.reduce((sum, category) => sum + rubricWeights[category], 0);
  const clamp = (value: number) => Math.max(0, Math.min(100, value));
  const overall = round(rubricCategories.reduce((sum, category) => sum + rubricWeights[category] * clamp(scores[category]), 0) / total);
  const belowFloor = rubricCategories.filter((category) => clamp(scores[category]) < categoryFloorPercent);
  const blockers = [
    ...(overall < goldReviewPercent ? [`The overall score is ${overall}%; ${goldReviewPercent}% is needed.`] : []),
    ...belowFloor.map((category) => `${rubricTitles[category]} scored ${clamp(scores[category])}%; no category may be under ${categoryFloorPercent}%.`),
    ...(automated.testsPassed ? [] : ["The project's tests do not pass."]),
    ...(automated.readme ? [] : ['The project has no README.']),
  ];
  const accepted = blockers.length === 0;
  return { overall, accepted, exceptional: accepted && overall >= exceptionalPercent, belowFloor, blockers };
}

/** A review as certificate evidence: its score, whether it was accepted, the demo link and a summary. */
export function reviewEvidence(review: ProjectReview): ReviewEvidence {
  const verdict = reviewVerdict(
    Object.fromEntries(rubricCategories.map((category) => [category, review.scores[category].score])) as Record<RubricCategory, number>,
    review.automated,
  );
  return {
    score: verdict.overall,
    accepted: verdict.accepted,
    projectUrl: review.project.demoUrl,
    summary: `"${review.project.title}" reviewed by ${review.reviewer.name}${review.reviewer.kind === 'project-guide' ? ' (Project Guide)' : ''}: ${rubricCategories
      .map((category) => `${rubricTitles[category]} ${review.scores[category].score}%`)
      .join(', ')}`,
  };
}
