// Silver and Gold rest on records this server holds, never on the app's word: a Silver exam it
// served and graded (server/exam-attempts.ts, looked up by learner and course), and a Gold project
// review a person accepted on this server's queue (server/project-reviews.ts).
import type { ExamEvidence, ReviewEvidence } from '../common/rules/certificate-criteria';
import type { Database } from './db/database';
import { bestExam } from './exam-review';
import { heldReview } from './project-reviews';

export interface TierRecords {
  /** The learner's best server-graded Silver exam for the course, or null. */
  exam(learnerId: string, courseId: string): Promise<ExamEvidence | null>;
  /** The learner's accepted (else latest) Gold project review for the course, or null. */
  review(learnerId: string, courseId: string): Promise<ReviewEvidence | null>;
}

/** No exam and no review held (tests of the refusals use it). */
export const noTierRecords: TierRecords = {
  exam: () => Promise.resolve(null),
  review: () => Promise.resolve(null),
};

/** What this server holds: the exams it graded and the projects a person reviewed. */
export const serverTierRecords = (db: Database): TierRecords => ({
  exam: async (learnerId, courseId) => {
    const best = await bestExam(db, learnerId, courseId);
    return best && { score: best.score, passed: best.passed };
  },
  review: (learnerId, courseId) => heldReview(db, learnerId, courseId),
});
