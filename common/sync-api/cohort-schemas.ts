// What a learner sees of their cohorts: an invite's preview before consenting, the cohorts they
// are in, and a cohort's leaderboard. Also the one list of what a cohort sees of its learners,
// shown on the consent screen and honoured by every instructor view.
import { z } from 'zod';
import { boardRow } from './board-row';

/**
 * Everything a cohort's instructors see of a learner who joined it, in the words of the consent
 * screen. Nothing outside this list is shared with a cohort; a new item needs a new consent
 * (`cohortConsentVersion` goes up).
 */
export const cohortSharedData = [
  { id: 'progress', title: 'Progress per lesson', detail: 'Which lessons of the assigned courses you started and finished, and when.' },
  { id: 'metrics', title: 'Learning metrics', detail: 'Active time, attempts, hints used and quiz scores, and when you were last active.' },
  { id: 'submissions', title: 'Submissions', detail: 'The project work you submit for review, and its reviews.' },
] as const;
export type CohortSharedDataId = (typeof cohortSharedData)[number]['id'];
export const cohortConsentVersion = 1;

export const invitePreviewResponse = z.object({
  orgName: z.string(),
  cohortName: z.string().nullable(),
  role: z.enum(['instructor', 'learner']),
  expiresAt: z.number(),
});

export const myCohortRow = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  name: z.string(),
  role: z.enum(['instructor', 'learner']),
  joinedAt: z.number(),
  /** Whether the learner appears on this cohort's leaderboard and league (their choice; older servers omit it). */
  onBoard: z.boolean().default(false),
});
export const myCohortsResponse = z.object({ cohorts: z.array(myCohortRow) });

export const cohortBoards = ['week', 'all'] as const;
/** The learner's own choice for one cohort's board; there is no way to set another member's. */
export const cohortBoardChoice = z.object({ onBoard: z.boolean() });
export const cohortBoardRow = boardRow.extend({ me: z.boolean() });
export const cohortBoardResponse = z.object({
  cohortId: z.string(),
  board: z.enum(cohortBoards),
  /** Members not shown because they chose not to appear on this cohort's board. */
  hidden: z.number(),
  rows: z.array(cohortBoardRow),
});
