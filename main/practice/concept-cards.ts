// Cards that come from the learner model rather than from a miss: a course's authored
// concept-check questions, once the learner has met the concept, and a short "solve again"
// card when a concept the learner once had is fading. Pure rules; learner-cards.ts reads the store.
import type { ReviewCardItem } from '../../preload/contract/practice';
import { WEAK } from '../learner/mastery';
import type { NewCard } from './practice-service';

const DAY_MS = 86_400_000;
/**
 * Authored checks first come up this long after the learner last worked on the concept: a missed
 * question returns the next day to repair it, a check is spaced retrieval of what was just met.
 */
const FIRST_CHECK_AFTER_MS = 3 * DAY_MS;

/**
 * Mastery as it stands after `days` without a success: the stored estimate halves every
 * half-life, and each success (up to six) doubles the half-life, from a week. The spacing
 * effect in its plainest form; FSRS schedules the cards themselves. Pure, in [0, probability].
 */
export function decayedMastery(probability: number, days: number, successes: number): number {
  const halfLife = 7 * 2 ** Math.min(Math.max(successes - 1, 0), 5);
  return probability * 0.5 ** (Math.max(days, 0) / halfLife);
}

export interface MasteryFacts {
  readonly probability: number;
  readonly successCount: number;
  readonly lastSuccessAt: number | null;
}

/** A concept the learner had (at least "learning") whose estimate has decayed below "weak". Pure. */
export function isFading(facts: MasteryFacts, now: number): boolean {
  if (facts.lastSuccessAt === null || facts.successCount === 0 || facts.probability < WEAK) return false;
  return decayedMastery(facts.probability, (now - facts.lastSuccessAt) / DAY_MS, facts.successCount) < WEAK;
}

export interface AuthoredQuestion {
  readonly id: string;
  readonly item: ReviewCardItem;
}

/** The course's check questions of one concept, due a few days after the learner last worked on it (`metAt`). Pure. */
export function conceptCheckCards(
  courseId: string,
  conceptId: string,
  lessonId: string | null,
  questions: readonly AuthoredQuestion[],
  metAt: number,
): NewCard[] {
  return questions.map((question) => ({
    key: `concept-check:${courseId}:${conceptId}:${question.id}`,
    source: 'course-check',
    courseId,
    lessonId,
    conceptId,
    item: question.item,
    dueAt: metAt + FIRST_CHECK_AFTER_MS,
  }));
}

/** One "solve again" card per fading spell: the key holds the last success. */
export const solveAgainKeyOf = (courseId: string, conceptId: string, lastSuccessAt: number) => `solve-again:${courseId}:${conceptId}:${lastSuccessAt}`;

/**
 * "Solve again": open the concept's lesson, solve it, say honestly how it went. One card per
 * fading spell (the key holds the last success), due now; its answer is review evidence. Pure.
 */
export function solveAgainCard(
  courseId: string,
  concept: { readonly id: string; readonly title: string },
  lesson: { readonly id: string; readonly title: string },
  lastSuccessAt: number,
  now: number,
): NewCard {
  return {
    key: solveAgainKeyOf(courseId, concept.id, lastSuccessAt),
    source: 'solve-again',
    courseId,
    lessonId: lesson.id,
    conceptId: concept.id,
    item: {
      prompt: `${concept.title} is fading. Open “${lesson.title}” and solve it again without hints, then say how it went.`,
      options: [
        { text: 'I solved it without hints', correct: true },
        { text: 'I needed help or could not finish', correct: false, explanation: `Worth another look: “${lesson.title}” comes back sooner.` },
      ],
    },
    dueAt: now,
  };
}
