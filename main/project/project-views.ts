// A submission and its review as the window shows them: main's checks and test results, and the
// review's per-category scores and reasons with the rubric rule's verdict and blockers.
import { reviewVerdict, rubricCategories, rubricTitles, rubricWeights } from '../../common/rules/project-review';
import type { ProjectReviewView, ProjectSubmissionView } from '../../preload/contract/project';
import { scoresOf, type ReviewRow, type SubmissionRow } from './project-store';

export function reviewView(row: ReviewRow): ProjectReviewView {
  const { review } = row;
  const verdict = reviewVerdict(scoresOf(review), review.automated);
  return {
    reviewId: row.id,
    reviewer: review.reviewer,
    categories: rubricCategories.map((category) => ({
      category,
      title: rubricTitles[category],
      weight: rubricWeights[category],
      score: review.scores[category].score,
      reasons: review.scores[category].reasons,
    })),
    overall: verdict.overall,
    accepted: verdict.accepted,
    exceptional: verdict.exceptional,
    blockers: [...verdict.blockers],
    reviewedAt: row.reviewedAt,
  };
}

export function submissionView(submission: SubmissionRow, review: ReviewRow | null): ProjectSubmissionView {
  return {
    submissionId: submission.id,
    folder: submission.folder,
    demoUrl: submission.demoUrl,
    submittedAt: submission.submittedAt,
    automated: submission.automated,
    tests: submission.tests,
    status: submission.status as ProjectSubmissionView['status'],
    review: review && reviewView(review),
  };
}
