// What finishing a lesson earned, in the learner's words: the XP of each part with its reasons,
// a level reached, achievements. Pure: the completion bar shows it, tests pin it.
import { hintsXpLost } from '../../../../common/rules/hint-cost';
import type { AwardedEvent } from '../../../../preload/contract/progress';

/** Awards a lesson's completion moment shows itself (the corner toasts stay quiet for them). */
export const completionKinds: ReadonlySet<AwardedEvent['kind']> = new Set([
  'lesson-completed',
  'check-passed',
  'quiz-passed',
  'challenge-completed',
  'module-completed',
  'course-completed',
]);

const activityLabels: Record<string, string> = {
  'lesson-completed': 'Lesson',
  'quiz-passed': 'Quiz passed',
  'challenge-completed': 'Challenge',
  'module-completed': 'Module finished',
};

const bonusLabels: Record<string, string> = {
  'first-attempt': 'first try',
  streak: 'streak',
  perfect: 'perfect score',
  'no-hints': 'no hints',
  'under-par': 'under par',
};

export interface CompletionSummary {
  readonly xp: number;
  /** One line per award: "Lesson: 50 XP + 10% (streak) = 55 XP". */
  readonly parts: readonly string[];
  readonly levelReached: number | null;
  readonly achievements: readonly string[];
}

export function describeAward(award: AwardedEvent['awarded'][number]): string {
  const label = activityLabels[award.activity] ?? award.activity;
  const deducted = award.deductedXp ?? 0;
  if ((award.bonusPercent === 0 && deducted === 0) || award.baseXp === undefined) return `${label}: ${award.amount} XP`;
  const reasons = (award.bonuses ?? []).map((bonus) => bonusLabels[bonus] ?? bonus).join(', ');
  const bonus = award.bonusPercent === 0 ? '' : ` + ${award.bonusPercent}%${reasons ? ` (${reasons})` : ''}`;
  const minus = deducted === 0 ? '' : ` − ${deducted} XP (later hints)`;
  return `${label}: ${award.baseXp} XP${bonus}${minus} = ${award.amount} XP`;
}

export function completionSummary(events: readonly AwardedEvent[]): CompletionSummary {
  const shown = events.filter((event) => completionKinds.has(event.kind));
  const awards = shown.flatMap((event) => event.awarded).filter((award) => award.amount !== 0);
  const before = Math.min(...shown.map((event) => event.levelBefore));
  const after = Math.max(...shown.map((event) => event.levelAfter));
  return {
    xp: awards.reduce((sum, award) => sum + award.amount, 0),
    parts: awards.map(describeAward),
    levelReached: shown.length > 0 && after > before ? after : null,
    achievements: shown.flatMap((event) => event.achievements.map((achievement) => achievement.title)),
  };
}

/** What the hints taken cost, so the award's figure is not a mystery; null when none were taken. */
export function hintsPart(lessonType: string, hintsUsed: number, authoredCost?: number): string | null {
  if (hintsUsed === 0) return null;
  const used = `Hints: ${hintsUsed} used`;
  const lost = hintsXpLost(lessonType, hintsUsed, authoredCost);
  if (lost === 0) return `${used}, at no XP cost`;
  // The first hint takes the "no hints" bonus; in a challenge each later hint costs the authored XP (or the default).
  const later = lost - hintsXpLost(lessonType, 1, authoredCost);
  return `${used}, so ${lost} XP less (no “no hints” bonus${later > 0 ? `, and ${later} XP for the hints after the first` : ''})`;
}

/** The streak's change, named: started, or one day longer; null when today had already counted (or it is unknown). */
export function streakChange(before: number | null, after: number | null): string | null {
  if (before === null || after === null || after <= before) return null;
  return after === 1 ? 'Streak started: day 1. Come back tomorrow to keep it going.' : `Streak: ${after} days in a row.`;
}
