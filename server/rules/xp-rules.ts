// Scores are derived on the server from the events the app sends; a client never posts a
// total. These are the rules, and the plausibility checks every event must pass.

import type { LearningEventKind as EventKind } from '../../preload/contract/progress';

// The app and the server speak one event vocabulary: the contract's.
export { learningEventKinds as eventKinds, type LearningEventKind as EventKind } from '../../preload/contract/progress';

export interface Plausibility {
  /** XP above this per local day is not counted. */
  readonly dailyXpCap: number;
  /** A lesson completed in less active time than this is rejected. */
  readonly minLessonSeconds: number;
  /** Two lesson completions closer together than this are rejected. */
  readonly minSecondsBetweenLessons: number;
  /** Events older than this are rejected (the app syncs within this window). */
  readonly maxAgeDays: number;
  /** Clock skew allowed for events dated after the server's now. */
  readonly futureSkewMs: number;
}

export const defaultPlausibility: Plausibility = {
  dailyXpCap: 1500,
  minLessonSeconds: 20,
  minSecondsBetweenLessons: 20,
  maxAgeDays: 30,
  futureSkewMs: 5 * 60_000,
};

export interface IncomingEvent {
  readonly kind: EventKind;
  readonly occurredAt: number;
  readonly facts: Record<string, unknown>;
}

/** The XP the server grants for an event, before the daily cap. */
export function baseXp(event: IncomingEvent): number {
  switch (event.kind) {
    case 'lesson-completed':
      return 20;
    case 'check-passed':
      return 10;
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

export type Rejection = 'future' | 'too_old' | 'too_fast';

/**
 * Why an event is implausible, or null. `lastCompletionAt` is the learner's previous lesson
 * completion the server has accepted.
 */
export function rejectionOf(
  event: IncomingEvent,
  now: number,
  lastCompletionAt: number | null,
  rules: Plausibility = defaultPlausibility,
): Rejection | null {
  if (event.occurredAt > now + rules.futureSkewMs) return 'future';
  if (event.occurredAt < now - rules.maxAgeDays * 86_400_000) return 'too_old';
  if (event.kind === 'lesson-completed') {
    // The app reports the time spent on the lesson as elapsedSeconds.
    const active = event.facts.elapsedSeconds ?? event.facts.activeSeconds;
    if (typeof active === 'number' && active < rules.minLessonSeconds) return 'too_fast';
    if (lastCompletionAt !== null && Math.abs(event.occurredAt - lastCompletionAt) < rules.minSecondsBetweenLessons * 1000) {
      return 'too_fast';
    }
  }
  return null;
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
