// XP per activity (issue #7): a base amount and percentage bonuses that add, then the
// total rounds down. Pure, and the one table: the app's ledger (the HUD) and the hosted API's
// ingestion (the leaderboards) both award with it, so the two totals agree.
import type { CertificateTier } from './certificate-criteria';
import type { LearningEventKind } from './event-kinds';

/** The facts of an event that the table reads (the contract's LearningEvent carries them all). */
export interface AwardFacts {
  readonly kind: LearningEventKind;
  readonly firstAttempt?: boolean | undefined;
  readonly hintsUsed?: number | undefined;
  readonly score?: number | undefined;
  readonly underPar?: boolean | undefined;
  readonly tier?: CertificateTier | undefined;
  readonly exceptional?: boolean | undefined;
}

export interface Award {
  readonly activity: string;
  readonly baseXp: number;
  readonly bonusPercent: number;
  readonly amount: number;
  readonly bonuses: readonly string[];
}

/** What the award depends on beyond the event itself. */
export interface AwardContext {
  /** The learner's streak was alive (≥ 1 day, not broken) before this event. */
  readonly streakActive: boolean;
}

/** A quiz passes at 80 % or more, the course format's default passPercent. */
export const QUIZ_PASS_PERCENT = 80;

export const BASE_XP = {
  'lesson-completed': 50,
  'quiz-passed': 100,
  'challenge-completed': 150,
  'module-completed': 300,
  bronze: 500,
  silver: 1000,
  gold: 2500,
} as const;

/** What each challenge hint after the first takes off the challenge's base XP, in percent. */
export const CHALLENGE_HINT_PERCENT = 10;

/** Multipliers add, then round down: 50 × (100 + 25 + 10) % = 67.5 → 67. */
export function applyBonuses(baseXp: number, bonuses: readonly (readonly [string, number])[]): Omit<Award, 'activity'> {
  const bonusPercent = bonuses.reduce((sum, [, percent]) => sum + percent, 0);
  return { baseXp, bonusPercent, amount: Math.floor((baseXp * (100 + bonusPercent)) / 100), bonuses: bonuses.map(([name]) => name) };
}

/** The award one event earns, or null for events worth no XP (hints, checks, course completion). */
export function awardFor(event: AwardFacts, context: AwardContext): Award | null {
  const bonuses: [string, number][] = [];
  switch (event.kind) {
    case 'lesson-completed':
      if (event.firstAttempt === true) bonuses.push(['first-attempt', 25]);
      if (context.streakActive) bonuses.push(['streak', 10]);
      return { activity: event.kind, ...applyBonuses(BASE_XP['lesson-completed'], bonuses) };
    case 'quiz-passed':
      if (event.score === undefined || event.score < QUIZ_PASS_PERCENT) return null;
      if (event.score >= 100) bonuses.push(['perfect', 50]);
      return { activity: event.kind, ...applyBonuses(BASE_XP['quiz-passed'], bonuses) };
    case 'challenge-completed':
      if (event.hintsUsed === 0) bonuses.push(['no-hints', 100]);
      // Minimal help has a price per hint: after the first (which costs the no-hints bonus), each takes 10 % off, to at most half.
      else if (event.hintsUsed !== undefined && event.hintsUsed > 1) bonuses.push(['hints', -Math.min(50, (event.hintsUsed - 1) * CHALLENGE_HINT_PERCENT)]);
      return { activity: event.kind, ...applyBonuses(BASE_XP['challenge-completed'], bonuses) };
    case 'module-completed':
      if (event.underPar === true) bonuses.push(['under-par', 25]);
      return { activity: event.kind, ...applyBonuses(BASE_XP['module-completed'], bonuses) };
    case 'certificate-earned': {
      const tier = event.tier;
      if (!tier) return null;
      if (tier === 'silver' && event.firstAttempt === true) bonuses.push(['first-attempt', 50]);
      if (tier === 'gold' && event.exceptional === true) bonuses.push(['exceptional', 100]);
      return { activity: `certificate-${tier}`, ...applyBonuses(BASE_XP[tier], bonuses) };
    }
    case 'check-passed':
    case 'course-completed':
    case 'hint-revealed':
      return null;
  }
}

/** Activities that keep a streak alive: a completed lesson, a passed quiz or a passing check. */
export const QUALIFYING_KINDS: ReadonlySet<string> = new Set(['lesson-completed', 'quiz-passed', 'check-passed', 'challenge-completed']);
