// Achievements: declarative conditions (JSON, `AchievementCondition` in the contract) over
// the learner's counts and the event just recorded. Pure.
//   { "stat": "lessonsCompleted", "atLeast": 10, "courseId"?: "python-basics" }  a count reaches a goal
//   { "event": { "kind": "challenge-completed", "maxHints": 0 } }                the event itself qualifies
//   { "all": [ … ] }, { "any": [ … ] }                                          combinations
// Stats are derived from the recorded events (see `countsFor`), streak figures from the streak
// rules, totalXp/level from the ledger.
import type { AchievementCondition, AchievementDefinition, AchievementStat, LearningEvent } from '../../preload/contract/progress';
import { QUIZ_PASS_PERCENT } from '../../common/rules/xp-rules';

export type Stats = Record<AchievementStat, number>;

export const emptyStats = (): Stats => ({
  totalXp: 0,
  level: 1,
  lessonsCompleted: 0,
  quizzesPassed: 0,
  perfectQuizzes: 0,
  checksPassed: 0,
  challengesCompleted: 0,
  noHintChallenges: 0,
  modulesCompleted: 0,
  underParModules: 0,
  coursesCompleted: 0,
  hintsRevealed: 0,
  firstAttemptPasses: 0,
  fixedAfterFailing: 0,
  reflectionsWritten: 0,
  underParLessons: 0,
  currentStreak: 0,
  longestStreak: 0,
  activeDays: 0,
  freezesUsed: 0,
  certificates: 0,
  bronzeCertificates: 0,
  silverCertificates: 0,
  goldCertificates: 0,
});

type EventFacts = Pick<LearningEvent, 'kind' | 'courseId' | 'firstAttempt' | 'hintsUsed' | 'score' | 'underPar' | 'tier' | 'lessonType'>;

const LESSON_KINDS = new Set(['lesson-completed', 'challenge-completed', 'quiz-passed']);

/** The counts one event adds (event-derived stats only). */
export function countsFor(event: EventFacts): Partial<Record<AchievementStat, number>> {
  const counts: Partial<Record<AchievementStat, number>> = {};
  const add = (stat: AchievementStat) => (counts[stat] = (counts[stat] ?? 0) + 1);
  if (LESSON_KINDS.has(event.kind)) {
    add('lessonsCompleted');
    if (event.firstAttempt === true) add('firstAttemptPasses');
    if (event.underPar === true) add('underParLessons');
  }
  switch (event.kind) {
    case 'lesson-completed':
      if (event.firstAttempt === false) add('fixedAfterFailing');
      if (event.lessonType === 'reflection') add('reflectionsWritten');
      break;
    case 'challenge-completed':
      add('challengesCompleted');
      if (event.hintsUsed === 0) add('noHintChallenges');
      if (event.firstAttempt === false) add('fixedAfterFailing');
      break;
    case 'quiz-passed':
      if ((event.score ?? 0) >= QUIZ_PASS_PERCENT) add('quizzesPassed');
      if ((event.score ?? 0) >= 100) add('perfectQuizzes');
      break;
    case 'check-passed':
      add('checksPassed');
      break;
    case 'module-completed':
      add('modulesCompleted');
      if (event.underPar === true) add('underParModules');
      break;
    case 'course-completed':
      add('coursesCompleted');
      break;
    case 'hint-revealed':
      add('hintsRevealed');
      break;
    case 'certificate-earned':
      add('certificates');
      if (event.tier) add(`${event.tier}Certificates`);
      break;
  }
  return counts;
}

/** Global counts and the same counts per course (for course-specific goals). */
export interface Tally {
  readonly global: Stats;
  readonly byCourse: Map<string, Partial<Stats>>;
}

export const emptyTally = (): Tally => ({ global: emptyStats(), byCourse: new Map() });

/** Adds one event's counts (`times` identical events) to a tally, in place (the service's cache is rebuilt on rollback). */
export function tallyEvent(tally: Tally, event: EventFacts, times = 1): void {
  const counts = countsFor(event);
  let course = event.courseId ? tally.byCourse.get(event.courseId) : undefined;
  if (event.courseId && !course) tally.byCourse.set(event.courseId, (course = {}));
  for (const [stat, n] of Object.entries(counts) as [AchievementStat, number][]) {
    tally.global[stat] += n * times;
    if (course) course[stat] = (course[stat] ?? 0) + n * times;
  }
}

/** The event being evaluated, with its local hour, or null when evaluating the gallery. */
export type EvaluatedEvent = (EventFacts & { localHour: number }) | null;

export interface Evaluation {
  readonly met: boolean;
  /** 0–1 toward a count goal; an event-shaped goal is 0 until met. */
  readonly progress: number;
  readonly label: string | null;
}

function eventMatches(spec: Extract<AchievementCondition, { event: unknown }>['event'], event: EvaluatedEvent): boolean {
  if (!event) return false;
  if (spec.kind !== undefined && !(Array.isArray(spec.kind) ? spec.kind.includes(event.kind) : spec.kind === event.kind)) return false;
  if (spec.courseId !== undefined && spec.courseId !== event.courseId) return false;
  if (spec.firstAttempt !== undefined && spec.firstAttempt !== event.firstAttempt) return false;
  if (spec.maxHints !== undefined && (event.hintsUsed === undefined || event.hintsUsed > spec.maxHints)) return false;
  if (spec.minScore !== undefined && (event.score === undefined || event.score < spec.minScore)) return false;
  if (spec.underPar !== undefined && spec.underPar !== (event.underPar === true)) return false;
  if (spec.tier !== undefined && spec.tier !== event.tier) return false;
  if (spec.localHour) {
    const { from, to } = spec.localHour;
    const inside = from <= to ? event.localHour >= from && event.localHour < to : event.localHour >= from || event.localHour < to;
    if (!inside) return false;
  }
  return true;
}

export function evaluate(condition: AchievementCondition, tally: Tally, event: EvaluatedEvent): Evaluation {
  if ('stat' in condition) {
    const value = condition.courseId ? (tally.byCourse.get(condition.courseId)?.[condition.stat] ?? 0) : tally.global[condition.stat];
    return {
      met: value >= condition.atLeast,
      progress: Math.min(1, value / condition.atLeast),
      label: `${Math.min(value, condition.atLeast)} / ${condition.atLeast}`,
    };
  }
  if ('event' in condition) {
    const met = eventMatches(condition.event, event);
    return { met, progress: met ? 1 : 0, label: null };
  }
  const parts = ('all' in condition ? condition.all : condition.any).map((part) => evaluate(part, tally, event));
  if ('all' in condition) {
    return { met: parts.every((part) => part.met), progress: parts.reduce((sum, part) => sum + part.progress, 0) / parts.length, label: null };
  }
  const best = parts.reduce((a, b) => (b.progress > a.progress ? b : a));
  return { met: parts.some((part) => part.met), progress: best.progress, label: best.label };
}

/** The definitions newly met by this event, in definition order. */
export function newlyEarned(
  definitions: readonly AchievementDefinition[],
  earned: ReadonlySet<string>,
  tally: Tally,
  event: EvaluatedEvent,
): AchievementDefinition[] {
  return definitions.filter((definition) => !earned.has(definition.id) && evaluate(definition.condition, tally, event).met);
}
