// When the tutor speaks unasked (design §7.3), from signals main observed itself (Checks it ran,
// edits it saved, answers it judged, tutor turns it served), never from what a window claims.
// Pure, with the clock passed in: each rule returns the offer and the signal that caused it,
// which the panel's "Why this?" shows. Silent in challenges and exams and when initiative is off.

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
  /** A tutor exchange or a proactive offer shown: what check-ins are counted in. */
  | { readonly kind: 'interaction'; readonly at: number; readonly checkIn?: boolean };

export interface TriggerContext {
  readonly lessonType: string;
  readonly exam: boolean;
  readonly initiative: Initiative;
  readonly gamification: GamificationMode;
}

export type OfferPattern = 'simpler-explanation' | 'praise' | 'socratic' | 'check-in';

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

/** The offer the signals call for at `now`, or null. Signals are in the order they happened. */
export function nextOffer(signals: readonly Signal[], now: number, context: TriggerContext): Offer | null {
  if (context.initiative === 'off' || context.exam || context.lessonType === 'challenge') return null;
  const level = context.initiative;
  const checks = signals.filter((signal): signal is Extract<Signal, { kind: 'check' }> => signal.kind === 'check');
  const lastCheck = checks.at(-1);
  const last = signals.filter((signal) => signal.kind !== 'interaction').at(-1);

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
  if (last && ((last.kind === 'check' && last.passed) || (last.kind === 'answer' && last.right))) {
    return { pattern: 'praise', why: last.kind === 'check' ? 'Your last Check passed.' : 'You answered right.', praise: context.gamification !== 'minimal' };
  }
  const sinceCheckIn = signals.length - 1 - signals.findLastIndex((signal) => signal.kind === 'interaction' && signal.checkIn === true);
  const interactions = signals.slice(signals.length - sinceCheckIn).filter((signal) => signal.kind === 'interaction').length;
  if (interactions >= checkInEvery[level]) return { pattern: 'check-in', why: `${interactions} exchanges since the last check-in.`, praise: false };
  return null;
}
