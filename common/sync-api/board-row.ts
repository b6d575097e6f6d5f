// One learner's line on any leaderboard, as the hosted API sends it: the global boards, a league,
// a cohort's board (which adds whether it is you). Its own file so the app's contract can take it
// without the rest of the wire schemas.
import { z } from 'zod';

export const boardRow = z.object({ rank: z.number(), learnerId: z.string(), displayName: z.string(), score: z.number() });
export type BoardRow = z.infer<typeof boardRow>;
