// Scores are derived on the server from the events the app sends; a client never posts a
// total. These are the plausibility bounds; completion-rules.ts applies them, with the app's
// own XP table (xp-rules.ts).

import type { LearningEventKind as EventKind } from './event-kinds';

// The app and the server speak one event vocabulary: the contract's.
export { learningEventKinds as eventKinds, type LearningEventKind as EventKind } from './event-kinds';

export interface Plausibility {
  /** XP above this per local day (the account's timezone) is not counted; certificates' XP is outside it. */
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
  // A whole built-in course in one day (33 lessons and 6 modules, every bonus) earns about
  // 4,400 XP by the app's table; more than that in a day is not counted.
  dailyXpCap: 6000,
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
