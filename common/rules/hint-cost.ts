// What taking the next hint costs in XP, read off the same award table the ledger and the hosted
// API use (xp-rules), so the figure shown before a hint is the figure the completion then lacks.
import { awardFor } from './xp-rules';

function completionXp(lessonType: string, hints: number, authoredCost: number | undefined): number {
  const kind = lessonType === 'challenge' ? 'challenge-completed' : 'lesson-completed';
  return awardFor({ kind, hintsUsed: hints, hintXpCost: authoredCost }, { streakActive: false })?.amount ?? 0;
}

/**
 * XP the lesson's completion would lose by revealing one more hint after `hintsUsed`, with the
 * lesson's authored per-hint cost (`challenge.hintXpCost`) when it has one. Pure, never negative.
 */
export function hintXpCost(lessonType: string, hintsUsed: number, authoredCost?: number): number {
  return Math.max(0, completionXp(lessonType, hintsUsed, authoredCost) - completionXp(lessonType, hintsUsed + 1, authoredCost));
}

/** XP the completion lacks because `hintsUsed` hints were revealed (the completion moment says it). Pure, never negative. */
export function hintsXpLost(lessonType: string, hintsUsed: number, authoredCost?: number): number {
  return Math.max(0, completionXp(lessonType, 0, authoredCost) - completionXp(lessonType, hintsUsed, authoredCost));
}
