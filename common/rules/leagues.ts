// Duolingo-style weekly leagues: up to 30 learners of one tier; at the end of the learner's
// week the top of the league moves up a tier and the bottom moves down.

export const leagueSize = 30;
export const leagueTiers = ['Bronze', 'Silver', 'Gold', 'Sapphire', 'Ruby', 'Emerald', 'Amethyst', 'Pearl', 'Obsidian', 'Diamond'] as const;
export const topTier = leagueTiers.length - 1;

/** How many at the top are promoted and at the bottom demoted, for a league of `size`. */
export function zones(size: number): { promote: number; demote: number } {
  return { promote: Math.min(7, Math.ceil(size / 4)), demote: Math.min(5, Math.floor(size / 5)) };
}

export type Outcome = 'promote' | 'stay' | 'demote';

/** The outcome for the learner ranked `rank` (1-based) of `size`, in `tier`, with `xp` that week. */
export function outcome(rank: number, size: number, tier: number, xp: number): Outcome {
  const zone = zones(size);
  if (rank <= zone.promote && xp > 0 && tier < topTier) return 'promote';
  if (rank > size - zone.demote && rank > zone.promote && tier > 0) return 'demote';
  return 'stay';
}

export const tierAfter = (tier: number, result: Outcome) => (result === 'promote' ? tier + 1 : result === 'demote' ? tier - 1 : tier);
