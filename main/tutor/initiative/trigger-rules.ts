// When the tutor speaks unasked (design §7.3), from signals main observed itself (Checks it ran,
// edits it saved, answers it judged, tutor turns it served), never from what a window claims.
// Pure, with the clock passed in: each rule returns the offer and the signal that caused it,
// which the panel's "Why this?" shows. Silent in challenges and exams and when initiative is off.
import type { tutorOfferPatterns } from '../../../preload/contract/tutor';

export type Initiative = 'more' | 'normal' | 'off';
export type GamificationMode = 'full' | 'moderate' | 'minimal';

export type Signal =
  | {
      readonly kind: 'check';
      readonly at: number;
      readonly passed: boolean;
      readonly failingTest?: string | undefined;
      readonly errorKind?: string | undefined;
    }
  | { readonly kind: 'edit'; readonly at: number }
  | { readonly kind: 'answer'; readonly at: number; readonly right: boolean }
  /** A tutor exchange or a proactive offer shown (`offer`: its pattern): what check-ins are counted in. */
  | { readonly kind: 'interaction'; readonly at: number; readonly offer?: OfferPattern | undefined };

export interface TriggerContext {
  readonly lessonType: string;
  readonly exam: boolean;
  readonly initiative: Initiative;
  readonly gamification: GamificationMode;
}

export type OfferPattern = (typeof tutorOfferPatterns)[number];

export interface Offer {
  readonly pattern: OfferPattern;
  /** The observed signal, in the learner's words ("Why this?"). */
  readonly why: string;
  /** Praise is left out under the minimal gamification mode; the offer to move on stays. */
  readonly praise: boolean;
  readonly failingTest?: string;
}

/** Seconds without an edit after a failing Check that read as being stuck. */
export const idleAfterFailureSeconds: Record<Exclude<Initiative, 'off'>, number> = { more: 45, normal: 90 };
/** Interactions between check-in questions (the design's "every 5–7"). */
export const checkInEvery: Record<Exclude<Initiative, 'off'>, number> = { more: 5, normal: 7 };

/** Right answers in a row, each within `quickSeconds` of the one before, that read as ready for more. */
export const quickStreak = 3;
export const quickSeconds = 60;

const isRight = (signal: Signal) => (signal.kind === 'check' && signal.passed) || (signal.kind === 'answer' && signal.right);

/**
 * Adaptive depth: the last `quickStreak` learner signals are right answers, each quick after the one
 * before, all since the last offer of something harder (one offer per run, not one per answer after it).
 */
function answeringQuickly(signals: readonly Signal[]): boolean {
  const since = signals.slice(signals.findLastIndex((signal) => signal.kind === 'interaction' && signal.offer === 'harder') + 1);
  const run = since.filter((signal) => signal.kind !== 'interaction').slice(-quickStreak);
  return run.length === quickStreak && run.every(isRight) && run.every((signal, index) => index === 0 || signal.at - run[index - 1]!.at <= quickSeconds * 1000);
}

/** The offer the signals call for at `now`, or null. Signals are in the order they happened. */
export function nextOffer(signals: readonly Signal[], now: number, context: TriggerContext): Offer | null {
  if (context.initiative === 'off' || context.exam || context.lessonType === 'challenge') return null;
  const level = context.initiative;
  const checks = signals.filter((signal): signal is Extract<Signal, { kind: 'check' }> => signal.kind === 'check');
  const lastCheck = checks.at(-1);
  const learnerSignals = signals.filter((signal) => signal.kind !== 'interaction');
  const last = learnerSignals.at(-1);

  if (lastCheck && !lastCheck.passed) {
    const previous = checks.at(-2);
    if (previous && !previous.passed && lastCheck.errorKind && previous.errorKind === lastCheck.errorKind) {
      return { pattern: 'simpler-explanation', why: `The same error (${lastCheck.errorKind}) came up in two Checks in a row.`, praise: false };
    }
    const editedSince = signals.some((signal) => signal.kind === 'edit' && signal.at > lastCheck.at);
    const idle = Math.floor((now - lastCheck.at) / 1000);
    if (!editedSince && idle >= idleAfterFailureSeconds[level]) {
      return { pattern: 'simpler-explanation', why: `No edit for ${idle} s after a failing Check.`, praise: false };
    }
    if (last === lastCheck && lastCheck.failingTest) {
      return { pattern: 'socratic', why: `Your last Check failed on ${lastCheck.failingTest}.`, praise: false, failingTest: lastCheck.failingTest };
    }
  }
  if (answeringQuickly(signals)) {
    return { pattern: 'harder', why: `${quickStreak} right answers in a row, each within ${quickSeconds} s.`, praise: context.gamification !== 'minimal' };
  }
  if (last && isRight(last)) {
    return { pattern: 'praise', why: last.kind === 'check' ? 'Your last Check passed.' : 'You answered right.', praise: context.gamification !== 'minimal' };
  }
  const sinceCheckIn = signals.length - 1 - signals.findLastIndex((signal) => signal.kind === 'interaction' && signal.offer === 'check-in');
  const interactions = signals.slice(signals.length - sinceCheckIn).filter((signal) => signal.kind === 'interaction').length;
  if (interactions >= checkInEvery[level]) return { pattern: 'check-in', why: `${interactions} exchanges since the last check-in.`, praise: false };
  return null;
}
