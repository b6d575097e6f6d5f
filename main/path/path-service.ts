// The learner's path: preferences (kept in the settings table under one key: no migration),
// the course in the preferred order with the lessons tested out, "Next up" with its reason
// (main/learner/recommendation.ts), and what the tutor hears of the learner.
import { pathPreferencesSchema, roleTable, type NextUp, type PathPreferences } from '../../preload/contract/path';
import { WEAK } from '../learner/mastery';
import { recommend, type ConceptInfo } from '../learner/recommendation';
import type { Store } from '../store/open-store';
import type { LearnerContext } from '../tutor/context-builder';
import type { LearningMetrics } from '../../preload/contract/progress-metrics';
import { mentorSummary } from './mentor-summary';
import { PathData } from './path-data';
import { harderVariant, onARoll, onTrack, orderByPreference, ROLL_LENGTH, testedOut } from './path-rules';

export const PATH_SETTINGS_KEY = 'path.preferences';

export const defaultPathPreferences: PathPreferences = { role: 'self-learner', weeklyMinutes: 120, preference: 'show-first' };

const WEEK_MS = 7 * 24 * 3600_000;

export interface PathDeps {
  readonly now: () => number;
  readonly timezone: () => string;
  readonly goal: () => string;
  readonly lastCourseId: () => string | null;
  readonly dueReviews: () => number;
}

export class PathService {
  readonly data: PathData;

  constructor(
    private readonly store: Store,
    private readonly deps: PathDeps,
  ) {
    this.data = new PathData(store);
  }

  preferences(): PathPreferences {
    const row = this.store.sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(PATH_SETTINGS_KEY) as { value: string } | undefined;
    if (!row) return defaultPathPreferences;
    // A stored value that no longer validates falls back field by field to the defaults.
    const stored = pathPreferencesSchema.partial().safeParse(JSON.parse(row.value));
    return { ...defaultPathPreferences, ...(stored.success ? stored.data : {}) };
  }

  updatePreferences(patch: Partial<PathPreferences>): PathPreferences {
    const next = pathPreferencesSchema.parse({ ...this.preferences(), ...patch });
    this.store.sqlite
      .prepare(
        'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
      )
      .run(PATH_SETTINGS_KEY, JSON.stringify(next), this.deps.now());
    return next;
  }

  course(courseId: string): { order: string[]; testedOut: string[] } {
    const standing = this.data.standing(courseId);
    const lessons = orderByPreference(this.data.lessons(courseId), this.preferences().preference);
    return {
      order: lessons.map((lesson) => lesson.lessonId),
      testedOut: lessons.filter((lesson) => testedOut(lesson.concepts, standing)).map((lesson) => lesson.lessonId),
    };
  }

  nextUp(courseId?: string): NextUp {
    const none = { courseId: null, courseTitle: null, lessonId: null, lessonTitle: null, why: null };
    const course = courseId ?? this.data.currentCourse(this.deps.lastCourseId());
    if (!course) return { kind: 'none', reason: 'Install a course from Learn to get a recommendation.', ...none };
    const preferences = this.preferences();
    const standing = this.data.standing(course);
    const lessons = orderByPreference(this.data.lessons(course), preferences.preference);
    const concepts = new Map<string, ConceptInfo>(this.data.concepts(course).map((concept) => [concept.id, concept]));
    const overdue = this.data.mostOverdueConcept();
    if (overdue && !concepts.has(overdue.conceptId)) {
      const title = this.data.conceptTitle(overdue.courseId, overdue.conceptId);
      if (title) concepts.set(overdue.conceptId, { id: overdue.conceptId, title, prerequisites: [] });
    }
    const week = this.data.activeThisWeek(this.deps.now(), this.deps.timezone());
    // Tested-out lessons stay open to study, but the path goes past them.
    const path = lessons.map((lesson) => ({ ...lesson, courseId: course, completed: lesson.completed || testedOut(lesson.concepts, standing) }));
    const rolling = onARoll(this.data.recentEvidence(course, ROLL_LENGTH));
    const recommendation = recommend({
      dueReviews: this.deps.dueReviews(),
      ...(overdue ? { mostOverdueConcept: overdue.conceptId } : {}),
      path,
      concepts,
      mastery: new Map([...standing].map(([id, value]) => [id, value.probability])),
      onARoll: rolling,
      onTrack: onTrack(week.seconds, preferences.weeklyMinutes, week.dayOfWeek),
    });
    const courseTitle = this.data.courseTitle(course);
    if (recommendation.kind === 'review') return { kind: 'review', reason: recommendation.reason, ...none };
    if (recommendation.kind === 'done') return { kind: 'done', reason: recommendation.reason, ...none, courseId: course, courseTitle };
    const harder = rolling && recommendation.why === 'path' ? harderVariant(path, recommendation.lessonId) : null;
    if (harder) {
      const reason = `You are quick at this: try the harder "${harder.title}"`;
      return { kind: 'lesson', reason, courseId: course, courseTitle, lessonId: harder.lessonId, lessonTitle: harder.title, why: 'harder-variant' };
    }
    return {
      kind: 'lesson',
      reason: recommendation.reason,
      courseId: course,
      courseTitle,
      lessonId: recommendation.lessonId,
      lessonTitle: lessons.find((lesson) => lesson.lessonId === recommendation.lessonId)?.title ?? null,
      why: recommendation.why,
    };
  }

  /** What the Mentor is told: the weekly target against this week, the place on the path, Next up and why, and the six metrics. */
  mentorContext(courseId: string, metrics: LearningMetrics): string[] {
    const standing = this.data.standing(courseId);
    const lessons = this.data.lessons(courseId);
    const courseTitle = this.data.courseTitle(courseId);
    const week = this.data.activeThisWeek(this.deps.now(), this.deps.timezone());
    return mentorSummary({
      weeklyMinutes: this.preferences().weeklyMinutes,
      minutesThisWeek: week.seconds / 60,
      position:
        courseTitle === null
          ? null
          : { courseTitle, done: lessons.filter((lesson) => lesson.completed || testedOut(lesson.concepts, standing)).length, total: lessons.length },
      nextUp: this.nextUp(courseId),
      metrics,
    });
  }

  /** What the tutor hears: the goal, the role's tone, weak concepts of this lesson (and what they build on), recent struggle. */
  tutorContext(courseId: string, lessonId: string): LearnerContext {
    const preferences = this.preferences();
    const concepts = new Map(this.data.concepts(courseId).map((concept) => [concept.id, concept]));
    const standing = this.data.standing(courseId);
    const taught = this.data.lessons(courseId).find((lesson) => lesson.lessonId === lessonId)?.concepts ?? [];
    const relevant = [...new Set([...taught, ...taught.flatMap((id) => concepts.get(id)?.prerequisites ?? [])])];
    const title = (id: string) => concepts.get(id)?.title ?? id;
    const weakConcepts = relevant.filter((id) => (standing.get(id)?.probability ?? 1) < WEAK).map(title);
    const misses = this.data.recentMisses(courseId, this.deps.now() - WEEK_MS).map((row) => `${title(row.conceptId)}: missed ${row.misses} times this week`);
    const effort = this.data.lessonEffort(courseId, lessonId);
    const here =
      effort.attempts >= 2 || effort.hints > 0
        ? [`This lesson: ${effort.attempts} checks so far, ${effort.hints} hint${effort.hints === 1 ? '' : 's'} revealed`]
        : [];
    return {
      goal: this.deps.goal(),
      weeklyMinutes: preferences.weeklyMinutes,
      tone: roleTable[preferences.role].tone,
      weakConcepts,
      struggle: [...misses, ...here],
    };
  }
}
