// What taking the next hint costs in XP, read off the same award table the ledger and the hosted
// API use (xp-rules), so the figure shown before a hint is the figure the completion then lacks.
import { awardFor } from './xp-rules';

/** XP the lesson's completion would lose by revealing one more hint after `hintsUsed`. Pure, never negative. */
export function hintXpCost(lessonType: string, hintsUsed: number): number {
  const kind = lessonType === 'challenge' ? 'challenge-completed' : 'lesson-completed';
  const xp = (hints: number) => awardFor({ kind, hintsUsed: hints }, { streakActive: false })?.amount ?? 0;
  return Math.max(0, xp(hintsUsed) - xp(hintsUsed + 1));
}
