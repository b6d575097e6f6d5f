// Leaderboards from the sync server, with the last answer cached for when it cannot be reached.
import { z } from 'zod';
import { call } from './define';
import { boardRow } from '../../common/sync-api/board-row';

/** The boards a learner can look at; `course` needs a course id. */
export const leaderboardBoards = ['week', 'all', 'streak', 'course'] as const;

/** A row as the hosted API sends it: the contract passes it through unchanged. */
export type LeaderboardRow = z.infer<typeof boardRow>;

export const leaderboardViewSchema = z.object({
  board: z.enum(leaderboardBoards),
  courseId: z.string().nullable(),
  learnerId: z.string().nullable(),
  /** When the data shown was fetched; older than a few minutes means the server was unreachable. */
  fetchedAt: z.number().nullable(),
  fromCache: z.boolean(),
  error: z.string().nullable(),
  league: z
    .object({ week: z.string(), tier: z.number(), tierName: z.string(), promote: z.number(), demote: z.number(), members: z.array(boardRow) })
    .nullable(),
  around: z.object({ me: boardRow.nullable(), above: z.array(boardRow), below: z.array(boardRow) }).nullable(),
});
export type LeaderboardView = z.infer<typeof leaderboardViewSchema>;

export const leaderboardCalls = {
  'leaderboard.get': call(z.object({ board: z.enum(leaderboardBoards), courseId: z.string().max(120).optional() }), leaderboardViewSchema),
};
