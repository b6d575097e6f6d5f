// Leaderboards from the sync server, with the last answer cached for when it cannot be reached.
import { z } from 'zod';
import { call } from './define';

/** The boards a learner can look at; `course` needs a course id. */
export const leaderboardBoards = ['week', 'all', 'streak', 'course'] as const;

const boardRowSchema = z.object({ rank: z.number(), learnerId: z.string(), displayName: z.string(), score: z.number() });
export type LeaderboardRow = z.infer<typeof boardRowSchema>;

export const leaderboardViewSchema = z.object({
  board: z.enum(leaderboardBoards),
  courseId: z.string().nullable(),
  learnerId: z.string().nullable(),
  /** When the data shown was fetched; older than a few minutes means the server was unreachable. */
  fetchedAt: z.number().nullable(),
  fromCache: z.boolean(),
  error: z.string().nullable(),
  league: z
    .object({ week: z.string(), tier: z.number(), tierName: z.string(), promote: z.number(), demote: z.number(), members: z.array(boardRowSchema) })
    .nullable(),
  around: z.object({ me: boardRowSchema.nullable(), above: z.array(boardRowSchema), below: z.array(boardRowSchema) }).nullable(),
});
export type LeaderboardView = z.infer<typeof leaderboardViewSchema>;

export const leaderboardCalls = {
  'leaderboard.get': call(z.object({ board: z.enum(leaderboardBoards), courseId: z.string().max(120).optional() }), leaderboardViewSchema),
};
