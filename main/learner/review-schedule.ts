// Spaced review: when a card is due next, by FSRS-6 through ts-fsrs (the scheduler Anki ships;
// we only choose the rating). Cards are stored as plain JSON (dates as epoch milliseconds).
import { createEmptyCard, fsrs, Rating, State, type Card, type Grade } from 'ts-fsrs';

/** A card's scheduling state as the store keeps it. */
export interface ReviewState {
  readonly due: number;
  readonly stability: number;
  readonly difficulty: number;
  readonly scheduledDays: number;
  readonly learningSteps: number;
  readonly reps: number;
  readonly lapses: number;
  readonly state: 'new' | 'learning' | 'review' | 'relearning';
  readonly lastReview: number | null;
}

export type ReviewRating = 'again' | 'hard' | 'good' | 'easy';

export interface ReviewAnswer {
  readonly correct: boolean;
  /** How long the learner took to answer. */
  readonly responseSeconds: number;
  /** What a learner who knows it takes (the card's par); 20 s when the card has none. */
  readonly expectedSeconds?: number;
}

const DEFAULT_EXPECTED_SECONDS = 20;

/**
 * The rating from correctness and response time: wrong is Again; right in under half the
 * expected time is Easy, up to one and a half times is Good, slower is Hard (recalled with effort).
 */
export function ratingFor(answer: ReviewAnswer): ReviewRating {
  if (!answer.correct) return 'again';
  const expected = answer.expectedSeconds && answer.expectedSeconds > 0 ? answer.expectedSeconds : DEFAULT_EXPECTED_SECONDS;
  const ratio = Math.max(0, answer.responseSeconds) / expected;
  if (ratio <= 0.5) return 'easy';
  if (ratio <= 1.5) return 'good';
  return 'hard';
}

const GRADES: Readonly<Record<ReviewRating, Grade>> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };
const STATES = ['new', 'learning', 'review', 'relearning'] as const;
const STATE_OF: Readonly<Record<ReviewState['state'], State>> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};

// Fuzz spreads due dates randomly; off, so a schedule is reproducible in tests and exports.
// Short-term (minutes-apart) learning steps are off: Practice is a daily session, so every
// answer schedules the card for a later day (Again: the next day), never later today.
const scheduler = fsrs({ enable_fuzz: false, enable_short_term: false });

const toState = (card: Card): ReviewState => ({
  due: card.due.getTime(),
  stability: card.stability,
  difficulty: card.difficulty,
  scheduledDays: card.scheduled_days,
  learningSteps: card.learning_steps,
  reps: card.reps,
  lapses: card.lapses,
  state: STATES[card.state],
  lastReview: card.last_review ? card.last_review.getTime() : null,
});

const toCard = (state: ReviewState): Card => ({
  due: new Date(state.due),
  stability: state.stability,
  difficulty: state.difficulty,
  elapsed_days: 0,
  scheduled_days: state.scheduledDays,
  learning_steps: state.learningSteps,
  reps: state.reps,
  lapses: state.lapses,
  state: STATE_OF[state.state],
  last_review: state.lastReview === null ? undefined : new Date(state.lastReview),
});

/** A card never reviewed, due at `now`. */
export function newReviewState(now: number): ReviewState {
  return toState(createEmptyCard(new Date(now)));
}

/** The card's next state after a review at `now`. Pure (no fuzz). */
export function review(state: ReviewState, rating: ReviewRating, now: number): ReviewState {
  return toState(scheduler.next(toCard(state), new Date(now), GRADES[rating]).card);
}

/** Due on or before the end of the learner's day (`endOfDay`, epoch ms). */
export const isDue = (state: ReviewState, endOfDay: number): boolean => state.due <= endOfDay;
