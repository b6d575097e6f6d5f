// The path's small rules, pure: lesson order by learning preference, "tested out", "on a roll"
// and "on track for the weekly goal".
import type { LearningPreference } from '../../preload/contract/path';
import { MASTERED, WEAK } from '../learner/mastery';

export interface OrderedLesson {
  readonly lessonId: string;
  readonly moduleId: string;
  readonly type: string;
  readonly concepts: readonly string[];
}

/** Lessons the learner practises in: the exercise kinds a "let me try first" learner starts with. */
const TRY_TYPES = new Set(['guided', 'code-along', 'practice', 'challenge']);

const covers = (exercise: OrderedLesson, concept: OrderedLesson) =>
  concept.concepts.length === 0 || exercise.concepts.length === 0 || concept.concepts.some((id) => exercise.concepts.includes(id));

/**
 * "Show me first" keeps the authored order (explanation, then exercise). "Let me try first"
 * moves each concept lesson to just after the first exercise of its module that practises what
 * it teaches (an untagged lesson matches the next exercise); any other lesson (a quiz, a
 * reflection) ends the wait, so nothing crosses it. Modules stay whole and in order.
 */
export function orderByPreference<T extends OrderedLesson>(lessons: readonly T[], preference: LearningPreference): T[] {
  if (preference === 'show-first') return [...lessons];
  const ordered: T[] = [];
  let waiting: T[] = [];
  let moduleId: string | null = null;
  const flush = () => {
    ordered.push(...waiting);
    waiting = [];
  };
  for (const lesson of lessons) {
    if (lesson.moduleId !== moduleId) flush();
    moduleId = lesson.moduleId;
    if (lesson.type === 'concept') {
      waiting.push(lesson);
    } else if (TRY_TYPES.has(lesson.type) && waiting.length > 0) {
      const matched = waiting.filter((concept) => covers(lesson, concept));
      if (matched.length === 0) {
        ordered.push(lesson);
        continue;
      }
      // The concepts this exercise does not practise keep waiting for one that does.
      ordered.push(lesson, ...matched);
      waiting = waiting.filter((concept) => !matched.includes(concept));
    } else {
      flush();
      ordered.push(lesson);
    }
  }
  flush();
  return ordered;
}

/**
 * The course's harder variant of the lesson that comes next: a challenge later in the same
 * module, not done yet, that practises one of the same concepts. Offered after quick right
 * answers instead of the easier exercise (which stays on the path).
 */
export function harderVariant<T extends OrderedLesson & { readonly completed: boolean }>(path: readonly T[], nextId: string): T | null {
  const at = path.findIndex((lesson) => lesson.lessonId === nextId);
  const next = path[at];
  if (!next || !TRY_TYPES.has(next.type) || next.type === 'challenge') return null;
  return (
    path
      .slice(at + 1)
      .find(
        (lesson) =>
          lesson.moduleId === next.moduleId && lesson.type === 'challenge' && !lesson.completed && lesson.concepts.some((id) => next.concepts.includes(id)),
      ) ?? null
  );
}

export interface ConceptStanding {
  readonly probability: number;
  /** The placement's last word on it: true when it showed the concept known. */
  readonly placedKnown: boolean;
}

/**
 * A lesson is tested out when every concept it teaches is mastered, or the placement showed it
 * known and nothing since has made it weak. A lesson that teaches no tagged concept never is.
 */
export function testedOut(concepts: readonly string[], standing: ReadonlyMap<string, ConceptStanding>): boolean {
  return (
    concepts.length > 0 &&
    concepts.every((id) => {
      const found = standing.get(id);
      return found !== undefined && (found.probability >= MASTERED || (found.placedKnown && found.probability >= WEAK));
    })
  );
}

export interface RecentEvidence {
  readonly correct: boolean;
  readonly timeRatio: number | null;
}

/** How many right answers in a row, none slower than par, make the learner "on a roll". */
export const ROLL_LENGTH = 3;

/** The newest evidence first: the last ROLL_LENGTH were right and none was slower than par. */
export function onARoll(newestFirst: readonly RecentEvidence[]): boolean {
  const recent = newestFirst.slice(0, ROLL_LENGTH);
  return recent.length === ROLL_LENGTH && recent.every((item) => item.correct && (item.timeRatio === null || item.timeRatio <= 1));
}

/**
 * On track when this week's active minutes reach the target prorated to the day of the week
 * (Monday is day 1): 2 hours a week is on track with about 17 minutes by Monday night. Null
 * without a target.
 */
export function onTrack(activeSecondsThisWeek: number, weeklyMinutes: number, dayOfWeek: number): boolean | null {
  if (weeklyMinutes <= 0) return null;
  const day = Math.min(7, Math.max(1, Math.floor(dayOfWeek)));
  return activeSecondsThisWeek / 60 >= (weeklyMinutes * day) / 7;
}
