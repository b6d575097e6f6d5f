// The learner model: per concept, the probability that the learner knows it.
//
// Bayesian Knowledge Tracing (Corbett & Anderson 1995), one hidden "knows it" state per concept.
// Each piece of evidence is an observation with its own slip (knows it, still fails) and guess
// (does not know it, still succeeds): a multiple-choice quiz answer is easy to guess, a passing
// unit test much less so, the placement quiz is meant to be decisive. After the posterior, a
// success also credits learning (`learn`), the chance that doing it taught the concept.
//
// Why learning is credited only after a success: BKT's usual "transit after every step" lets a
// failure raise a low estimate (0.01 → 0.10 with transit 0.1), which a learner would read as
// "I failed and my mastery went up". Crediting learning only on success keeps two promises the
// tests hold: success never lowers mastery, failure never raises it (given slip + guess < 1).
//
// Time against par sharpens a success: under par the guess is halved (a quick correct answer
// is rarely luck); far over par it counts as a weaker success (guess raised toward 0.5).
// Hints are weak evidence of not knowing: a near-coin-flip observation that lowers a little.

export const evidenceKinds = ['quiz-answer', 'test-result', 'check-attempt', 'hint-revealed', 'review', 'placement'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

export interface Evidence {
  readonly kind: EvidenceKind;
  readonly conceptId: string;
  /** Did the learner succeed (a right answer, a passing test, a recalled card)? Hints are always false. */
  readonly correct: boolean;
  /** Seconds taken against the item's par, when both are known: < 1 is quicker than par. */
  readonly timeRatio?: number;
}

export interface ObservationModel {
  /** P(fails | knows it). */
  readonly slip: number;
  /** P(succeeds | does not know it). */
  readonly guess: number;
  /** P(learns it | succeeded at it), credited after the posterior. */
  readonly learn: number;
}

/** Prior for a concept never seen: most learners arrive knowing a little. */
export const PRIOR = 0.2;

/** Per kind of evidence; slip + guess < 1 for each (the monotonicity proof needs it). */
export const OBSERVATION: Readonly<Record<EvidenceKind, ObservationModel>> = {
  'quiz-answer': { slip: 0.1, guess: 0.25, learn: 0.08 },
  'test-result': { slip: 0.1, guess: 0.1, learn: 0.1 },
  'check-attempt': { slip: 0.2, guess: 0.05, learn: 0.05 },
  'hint-revealed': { slip: 0.45, guess: 0.5, learn: 0 },
  review: { slip: 0.1, guess: 0.2, learn: 0.05 },
  placement: { slip: 0.05, guess: 0.15, learn: 0 },
};

/** Estimates are kept away from 0 and 1 so new evidence can always move them. */
const FLOOR = 0.001;
const CEILING = 0.999;

const clamp = (p: number) => Math.min(CEILING, Math.max(FLOOR, p));

/** The guess of a success, sharpened or blunted by time against par. */
function guessFor(model: ObservationModel, timeRatio: number | undefined): number {
  if (timeRatio === undefined || !Number.isFinite(timeRatio) || timeRatio <= 0) return model.guess;
  if (timeRatio <= 1) return model.guess / 2;
  if (timeRatio >= 3) return Math.max(model.guess, Math.min(0.5, 1 - model.slip - 0.01));
  return model.guess;
}

/** The new estimate after one piece of evidence. Pure. */
export function updateMastery(prior: number, evidence: Evidence, models: Readonly<Record<EvidenceKind, ObservationModel>> = OBSERVATION): number {
  const p = clamp(Number.isFinite(prior) ? prior : PRIOR);
  const model = models[evidence.kind];
  const correct = evidence.kind === 'hint-revealed' ? false : evidence.correct;
  if (correct) {
    const guess = guessFor(model, evidence.timeRatio);
    const known = p * (1 - model.slip);
    const posterior = known / (known + (1 - p) * guess);
    return clamp(posterior + (1 - posterior) * model.learn);
  }
  const known = p * model.slip;
  return clamp(known / (known + (1 - p) * (1 - model.guess)));
}

export type MasteryMap = ReadonlyMap<string, number>;

/** Folds evidence into per-concept estimates; concepts with no evidence keep their value. Pure. */
export function applyEvidence(mastery: MasteryMap, evidence: readonly Evidence[]): Map<string, number> {
  const next = new Map(mastery);
  for (const item of evidence) next.set(item.conceptId, updateMastery(next.get(item.conceptId) ?? PRIOR, item));
  return next;
}

/** Above this the learner is taken to know the concept (Khan Academy's "mastered" band starts here too). */
export const MASTERED = 0.85;
/** Below this, with some evidence, a concept is weak: the tutor hears of it and the path revisits it. */
export const WEAK = 0.4;

export type MasteryBand = 'unseen' | 'weak' | 'learning' | 'mastered';

export function bandOf(estimate: number | undefined): MasteryBand {
  if (estimate === undefined) return 'unseen';
  if (estimate >= MASTERED) return 'mastered';
  if (estimate < WEAK) return 'weak';
  return 'learning';
}
