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
  /** Challenges: the XP the lesson's author set per hint (`challenge.hintXpCost`); the default when absent. */
  readonly hintXpCost?: number | undefined;
}

export interface Award {
  readonly activity: string;
  readonly baseXp: number;
  readonly bonusPercent: number;
  readonly amount: number;
  readonly bonuses: readonly string[];
  /** XP taken off after the bonuses, whole XP (a challenge's later hints); 0 when none. */
  readonly deductedXp: number;
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

/** What each challenge hint after the first takes off the challenge's base XP by default, in percent. */
export const CHALLENGE_HINT_PERCENT = 10;

/** The XP a challenge hint after the first costs when the lesson does not set its own: 15. */
export const DEFAULT_CHALLENGE_HINT_XP = (BASE_XP['challenge-completed'] * CHALLENGE_HINT_PERCENT) / 100;

/** Hints never take more than half a challenge's base XP, whatever the author set. */
export const MAX_HINT_DEDUCTION_PERCENT = 50;

/**
 * The per-hint cost the award uses: the authored one when it is a whole number of XP ≥ 0, else
 * the default. A client's odd value (negative, fractional, NaN) never earns more than the default.
 */
export function hintCostOf(authored: number | undefined): number {
  return authored !== undefined && Number.isInteger(authored) && authored >= 0 ? authored : DEFAULT_CHALLENGE_HINT_XP;
}

/** Multipliers add, then round down: 50 × (100 + 25 + 10) % = 67.5 → 67; then whole XP come off. */
export function applyBonuses(baseXp: number, bonuses: readonly (readonly [string, number])[], deductedXp = 0): Omit<Award, 'activity'> {
  const bonusPercent = bonuses.reduce((sum, [, percent]) => sum + percent, 0);
  const amount = Math.max(0, Math.floor((baseXp * (100 + bonusPercent)) / 100) - deductedXp);
  return { baseXp, bonusPercent, amount, bonuses: bonuses.map(([name]) => name), deductedXp };
}

/** XP a challenge's hints take off: nothing for the first (it costs the no-hints bonus), the cost for each later one, to at most half the base. */
export function challengeHintDeduction(hintsUsed: number | undefined, hintXpCost: number | undefined): number {
  if (hintsUsed === undefined || hintsUsed <= 1) return 0;
  const cap = Math.floor((BASE_XP['challenge-completed'] * MAX_HINT_DEDUCTION_PERCENT) / 100);
  return Math.min(cap, (hintsUsed - 1) * hintCostOf(hintXpCost));
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
      // Minimal help has a price per hint: the first costs the no-hints bonus, each later one the authored cost (or 15 XP).
      return {
        activity: event.kind,
        ...applyBonuses(BASE_XP['challenge-completed'], bonuses, challengeHintDeduction(event.hintsUsed, event.hintXpCost)),
      };
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
