// "Next up" as a recommendation with a one-line reason: due reviews first, then the weakest
// prerequisite of what comes next, then the path (skipping ahead past lessons whose concepts the
// learner has shown they know). Pure: the caller reads the figures from the store.
import { MASTERED, WEAK } from './mastery';

export interface ConceptInfo {
  readonly id: string;
  readonly title: string;
  readonly prerequisites: readonly string[];
  /** The lesson that teaches it, when the course names one. */
  readonly lessonId?: string;
}

export interface PathLesson {
  readonly courseId: string;
  readonly lessonId: string;
  readonly title: string;
  /** Concepts this lesson teaches. */
  readonly concepts: readonly string[];
  readonly completed: boolean;
}

export interface RecommendationInput {
  /** Review cards due today, with the concept of the most overdue one. */
  readonly dueReviews: number;
  readonly mostOverdueConcept?: string;
  /** The course's lessons in path order (the learner's preference already applied). */
  readonly path: readonly PathLesson[];
  readonly concepts: ReadonlyMap<string, ConceptInfo>;
  readonly mastery: ReadonlyMap<string, number>;
  /** The learner's last answers were right and quicker than par (several in a row). */
  readonly onARoll: boolean;
  /** Whether this week's active time is on track for the learner's goal; null without a goal. */
  readonly onTrack: boolean | null;
}

export type Recommendation =
  | { readonly kind: 'review'; readonly count: number; readonly reason: string }
  | {
      readonly kind: 'lesson';
      readonly courseId: string;
      readonly lessonId: string;
      readonly why: 'weak-prerequisite' | 'path' | 'skip-ahead';
      readonly reason: string;
    }
  | { readonly kind: 'done'; readonly reason: string };

const titleOf = (input: RecommendationInput, conceptId: string) => input.concepts.get(conceptId)?.title ?? conceptId;
const known = (input: RecommendationInput, conceptId: string) => (input.mastery.get(conceptId) ?? 0) >= MASTERED;

/** The weakest prerequisite (below WEAK, with evidence) of the given concepts, looking back through the graph. */
export function weakestPrerequisite(input: RecommendationInput, conceptIds: readonly string[]): ConceptInfo | null {
  const seen = new Set<string>();
  const queue = conceptIds.flatMap((id) => input.concepts.get(id)?.prerequisites ?? []);
  let weakest: ConceptInfo | null = null;
  let lowest = WEAK;
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const concept = input.concepts.get(id);
    if (!concept) continue;
    const estimate = input.mastery.get(id);
    if (estimate !== undefined && estimate < lowest) {
      weakest = concept;
      lowest = estimate;
    }
    queue.push(...concept.prerequisites);
  }
  return weakest;
}

export function recommend(input: RecommendationInput): Recommendation {
  if (input.dueReviews > 0) {
    const about = input.mostOverdueConcept
      ? `${titleOf(input, input.mostOverdueConcept)} ${input.dueReviews === 1 ? 'is' : 'and others are'}`
      : input.dueReviews === 1
        ? 'One card is'
        : `${input.dueReviews} cards are`;
    return { kind: 'review', count: input.dueReviews, reason: `${about} due for review` };
  }
  const open = input.path.filter((lesson) => !lesson.completed);
  const next = open[0];
  if (!next) return { kind: 'done', reason: 'You have finished this path' };

  const weak = weakestPrerequisite(input, next.concepts);
  const remedial = weak?.lessonId ? input.path.find((lesson) => lesson.lessonId === weak.lessonId) : undefined;
  if (weak && remedial && remedial.lessonId !== next.lessonId) {
    return {
      kind: 'lesson',
      courseId: remedial.courseId,
      lessonId: remedial.lessonId,
      why: 'weak-prerequisite',
      reason: `You struggled with ${weak.title}: try "${remedial.title}" first`,
    };
  }

  // On a roll, skip lessons whose every concept is already known (they stay open to study).
  if (input.onARoll) {
    const ahead = open.find((lesson) => lesson.concepts.length === 0 || !lesson.concepts.every((id) => known(input, id)));
    if (ahead && ahead.lessonId !== next.lessonId) {
      return {
        kind: 'lesson',
        courseId: ahead.courseId,
        lessonId: ahead.lessonId,
        why: 'skip-ahead',
        reason: `You already know what comes before: skip ahead to "${ahead.title}"`,
      };
    }
  }

  const reason =
    input.onTrack === true ? 'On track for your goal' : input.onTrack === false ? 'A short lesson keeps you on track for your goal' : 'Next on your path';
  return { kind: 'lesson', courseId: next.courseId, lessonId: next.lessonId, why: 'path', reason };
}
