// What the path reads from the store: a course's lessons and concepts (the `concepts` table and
// `lessons.concepts`), the learner's standing per concept (mastery, the placement's word), the
// newest evidence and this week's active time. Read-only; plain SQL for a few narrow queries.
import { localDate } from '../../common/rules/calendar';
import type { ConceptInfo } from '../learner/recommendation';
import type { Statement } from 'better-sqlite3';
import type { Store } from '../store/open-store';
import { unchangedRead } from '../store/unchanged-reads';
import type { ConceptStanding, OrderedLesson, RecentEvidence } from './path-rules';

export interface CourseLesson extends OrderedLesson {
  readonly title: string;
  readonly completed: boolean;
}

const parseList = (json: string | null): string[] => {
  if (!json) return [];
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
};

/** How far back (in pieces of evidence of any course) the newest evidence is looked for. */
const RECENT_WINDOW = 10_000;

/** Monday 1 … Sunday 7 of a YYYY-MM-DD date. */
const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;

export class PathData {
  /** Statements prepared once per connection: preparing costs as much as running these small queries. */
  private readonly prepared = new Map<string, Statement>();

  constructor(private readonly store: Store) {}

  private prepare(sql: string): Statement {
    return this.prepared.get(sql) ?? this.prepared.set(sql, this.store.sqlite.prepare(sql)).get(sql)!;
  }

  /** Next up asks for the same course many times between two learning events: read it once per state of the store. */
  private kept<T>(key: string, read: () => T): T {
    return unchangedRead(this.store.sqlite, `path.${key}`, read);
  }

  courseTitle(courseId: string): string | null {
    const row = this.prepare('SELECT title FROM courses WHERE id = ?').get(courseId) as { title: string } | undefined;
    return row?.title ?? null;
  }

  /** The course to recommend for when none is named: the one the learner was last in, else the first installed. */
  currentCourse(lastCourseId: string | null): string | null {
    if (lastCourseId && this.courseTitle(lastCourseId) !== null) return lastCourseId;
    const row = this.prepare(
      `SELECT c.id FROM courses c LEFT JOIN lesson_progress p ON p.course_id = c.id
         GROUP BY c.id ORDER BY max(coalesce(p.completed_at, p.started_at, 0)) DESC, c.id LIMIT 1`,
    ).get() as { id: string } | undefined;
    return row?.id ?? null;
  }

  lessons(courseId: string): readonly CourseLesson[] {
    return this.kept(`lessons:${courseId}`, () => {
      const rows = this.prepare(
        `SELECT l.lesson_id AS lessonId, l.module_id AS moduleId, l.title, l.type, l.concepts, p.status
           FROM lessons l LEFT JOIN lesson_progress p ON p.course_id = l.course_id AND p.lesson_id = l.lesson_id
           WHERE l.course_id = ? AND l.removed_at IS NULL ORDER BY l.position`,
      ).all(courseId) as { lessonId: string; moduleId: string; title: string; type: string; concepts: string | null; status: string | null }[];
      return rows.map((row) => ({ ...row, concepts: parseList(row.concepts), completed: row.status === 'completed' }));
    });
  }

  concepts(courseId: string): readonly ConceptInfo[] {
    return this.kept(`concepts:${courseId}`, () => {
      const rows = this.prepare('SELECT concept_id AS id, title, prerequisites, lesson_id AS lessonId FROM concepts WHERE course_id = ? ORDER BY position').all(
        courseId,
      ) as { id: string; title: string; prerequisites: string | null; lessonId: string | null }[];
      return rows.map((row) => ({
        id: row.id,
        title: row.title,
        prerequisites: parseList(row.prerequisites),
        ...(row.lessonId ? { lessonId: row.lessonId } : {}),
      }));
    });
  }

  /** Mastery per concept with evidence, and whether the placement's last word on it was "known". */
  standing(courseId: string): ReadonlyMap<string, ConceptStanding> {
    return this.kept(`standing:${courseId}`, () => {
      const mastery = this.prepare('SELECT concept_id AS id, probability FROM concept_mastery WHERE course_id = ?').all(courseId) as {
        id: string;
        probability: number;
      }[];
      // Through the key index (placement keys start "placement:"), so the cost follows the
      // placement answers, not the length of the evidence history.
      const placed = this.prepare(
        `SELECT concept_id AS id, correct FROM mastery_evidence e WHERE key >= 'placement:' AND key < 'placement;' AND +course_id = ? AND kind = 'placement'
           AND rowid = (SELECT max(rowid) FROM mastery_evidence WHERE key >= 'placement:' AND key < 'placement;' AND +course_id = e.course_id AND +concept_id = e.concept_id AND kind = 'placement')`,
      ).all(courseId) as { id: string; correct: number }[];
      const placedKnown = new Set(placed.filter((row) => row.correct === 1).map((row) => row.id));
      return new Map(mastery.map((row) => [row.id, { probability: row.probability, placedKnown: placedKnown.has(row.id) }]));
    });
  }

  /** The newest evidence of what the learner did (not the placement, not hints), newest first. */
  recentEvidence(courseId: string, limit: number): RecentEvidence[] {
    // Newest by insertion (evidence is applied as it happens), read backwards from the end of
    // the table and no further than the last RECENT_WINDOW pieces of evidence of any course: the
    // cost does not grow with the history, and answers older than that are not "recent".
    const rows = this.prepare(
      `SELECT correct, time_ratio AS timeRatio FROM mastery_evidence
         WHERE rowid > (SELECT coalesce(max(rowid), 0) - ${RECENT_WINDOW} FROM mastery_evidence) AND +course_id = ? AND kind NOT IN ('placement', 'hint-revealed')
         ORDER BY rowid DESC LIMIT ?`,
    ).all(courseId, limit) as { correct: number; timeRatio: number | null }[];
    return rows.map((row) => ({ correct: row.correct === 1, timeRatio: row.timeRatio }));
  }

  /** Concepts missed at least twice since `since` (not in the placement), most missed first. */
  recentMisses(courseId: string, since: number): { conceptId: string; misses: number }[] {
    // Per concept through the (course, concept, time) index: only the recent evidence is read.
    return this.prepare(
      `SELECT conceptId, misses FROM (
           SELECT m.concept_id AS conceptId, (SELECT count(*) FROM mastery_evidence e WHERE e.course_id = m.course_id AND e.concept_id = m.concept_id
             AND e.occurred_at >= ? AND e.correct = 0 AND e.kind NOT IN ('placement', 'hint-revealed')) AS misses
           FROM concept_mastery m WHERE m.course_id = ?)
         WHERE misses >= 2 ORDER BY misses DESC, conceptId LIMIT 3`,
    ).all(since, courseId) as { conceptId: string; misses: number }[];
  }

  lessonEffort(courseId: string, lessonId: string): { attempts: number; hints: number } {
    const row = this.prepare('SELECT attempt_count AS attempts, hints_revealed AS hints FROM lesson_progress WHERE course_id = ? AND lesson_id = ?').get(
      courseId,
      lessonId,
    ) as { attempts: number; hints: number } | undefined;
    return row ?? { attempts: 0, hints: 0 };
  }

  /** The concept of the most overdue review card, when it has one. */
  mostOverdueConcept(): { courseId: string; conceptId: string } | null {
    const row = this.prepare('SELECT course_id AS courseId, concept_id AS conceptId FROM review_cards ORDER BY due_at, id LIMIT 1').get() as
      { courseId: string | null; conceptId: string | null } | undefined;
    return row?.courseId && row.conceptId ? { courseId: row.courseId, conceptId: row.conceptId } : null;
  }

  conceptTitle(courseId: string, conceptId: string): string | null {
    const row = this.prepare('SELECT title FROM concepts WHERE course_id = ? AND concept_id = ?').get(courseId, conceptId) as { title: string } | undefined;
    return row?.title ?? null;
  }

  /** Active seconds this week (Monday first) in the learner's time zone, and today's day of the week (Monday 1). */
  activeThisWeek(at: number, timezone: string): { seconds: number; dayOfWeek: number } {
    const today = localDate(at, timezone);
    const dayOfWeek = weekdayOf(today);
    const monday = new Date(`${today}T00:00:00Z`);
    monday.setUTCDate(monday.getUTCDate() - (dayOfWeek - 1));
    const row = this.prepare('SELECT coalesce(sum(seconds), 0) AS seconds FROM active_time WHERE local_date >= ? AND local_date <= ?').get(
      monday.toISOString().slice(0, 10),
      today,
    ) as { seconds: number };
    return { seconds: row.seconds, dayOfWeek };
  }
}
