// Leaderboards from the sync server, with the last answer cached for when it cannot be reached.
import { z } from 'zod';
import { call } from './define';
import { boardRow } from '../../common/sync-api/board-row';
import { aroundResponse, leagueResponse } from '../../common/sync-api/schemas';

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
  /** The weekly league and the learner's neighbourhood on the board, as the hosted API sends them. */
  league: leagueResponse.nullable(),
  around: aroundResponse.omit({ board: true }).nullable(),
});
export type LeaderboardView = z.infer<typeof leaderboardViewSchema>;

export const leaderboardCalls = {
  'leaderboard.get': call(z.object({ board: z.enum(leaderboardBoards), courseId: z.string().max(120).optional() }), leaderboardViewSchema),
};
