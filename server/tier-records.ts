// Silver and Gold rest on records this server holds, never on the app's word: a Silver exam it
// served and graded (looked up by learner and course), and a Gold project review a person or the
// Project Guide accepted. Until those stores exist, none is held, so both tiers are refused with a
// message that says what is missing (certificates.ts).
import type { ExamEvidence, ReviewEvidence } from '../common/rules/certificate-criteria';

export interface TierRecords {
  /** The learner's best server-graded Silver exam for the course, or null. */
  exam(learnerId: string, courseId: string): Promise<ExamEvidence | null>;
  /** The learner's accepted (else latest) Gold project review for the course, or null. */
  review(learnerId: string, courseId: string): Promise<ReviewEvidence | null>;
}

/** No exam is graded and no review is held on this server yet (the exam and the review queue bring theirs). */
export const noTierRecords: TierRecords = {
  exam: () => Promise.resolve(null),
  review: () => Promise.resolve(null),
};
