// Scores are derived on the server from the events the app sends; a client never posts a
// total. These are the XP per event and the plausibility bounds; completion-rules.ts applies them.

import type { LearningEventKind as EventKind } from './event-kinds';

// The app and the server speak one event vocabulary: the contract's.
export { learningEventKinds as eventKinds, type LearningEventKind as EventKind } from './event-kinds';

export interface Plausibility {
  /** XP above this per local day (the account's timezone) is not counted. */
  readonly dailyXpCap: number;
  /** The least active time a completion of each kind may claim (zero is never enough). */
  readonly minActiveSeconds: Partial<Record<EventKind, number>> & { readonly 'lesson-completed': number };
  /** Active time a local day can plausibly hold (the sum of its completions' claims); also a completion's ceiling. */
  readonly maxActiveSecondsPerDay: number;
  /** Events older than this are rejected (the app syncs within this window). */
  readonly maxAgeDays: number;
  /** Clock skew allowed for events dated after the server's now. */
  readonly futureSkewMs: number;
}

export const defaultPlausibility: Plausibility = {
  dailyXpCap: 1500,
  minActiveSeconds: { 'lesson-completed': 20, 'quiz-passed': 20, 'challenge-completed': 60 },
  maxActiveSecondsPerDay: 16 * 3600,
  maxAgeDays: 30,
  futureSkewMs: 5 * 60_000,
};

/** The same floor for every kind (the server's --min-lesson-seconds). */
export const withMinActiveSeconds = (rules: Plausibility, seconds: number): Plausibility => ({
  ...rules,
  minActiveSeconds: { 'lesson-completed': seconds, 'quiz-passed': seconds, 'challenge-completed': seconds },
});

export interface IncomingEvent {
  readonly kind: EventKind;
  readonly occurredAt: number;
  readonly facts: Record<string, unknown>;
}

/**
 * The XP the server grants for an event, before the daily cap. A passing check earns none (as in
 * the app): the completion it leads to does, and checks have no span of time of their own.
 */
export function baseXp(event: IncomingEvent): number {
  switch (event.kind) {
    case 'lesson-completed':
      return 20;
    case 'quiz-passed': {
      const score = typeof event.facts.score === 'number' ? Math.max(0, Math.min(100, event.facts.score)) : 0;
      return 10 + Math.floor(score / 10);
    }
    case 'challenge-completed':
      return 30;
    case 'module-completed':
      return 50;
    default:
      return 0;
  }
}

/** XP counted for an event given what the learner already has that day. */
export const cappedXp = (xp: number, alreadyToday: number, rules: Plausibility = defaultPlausibility) =>
  Math.max(0, Math.min(xp, rules.dailyXpCap - alreadyToday));

/** The streak after activity on `date`, given the last active date and the streak then. */
export function nextStreak(lastActiveDate: string | null, streak: number, date: string, daysBetween: (a: string, b: string) => number): number {
  if (lastActiveDate === null) return 1;
  const gap = daysBetween(lastActiveDate, date);
  if (gap <= 0) return Math.max(streak, 1); // the same day, or a late event from earlier
  if (gap === 1) return streak + 1;
  return 1;
}
