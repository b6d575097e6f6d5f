// The six learning metrics read from the store: each query reads a recent window through an
// index (or the per-concept tables, which hold one row per concept), so the cost does not grow
// with the length of the history; the rules are the pure functions of metrics.ts.
import type { Database } from 'better-sqlite3';
import type { LearningMetrics } from '../../preload/contract/progress-metrics';
import type { Store } from '../store/open-store';
import { dateOfDay, dayNumber, localDate } from '../../common/rules/streaks';
import { QUALIFYING_KINDS } from '../../common/rules/xp-rules';
import {
  engagementScore,
  knowledgeRetention,
  learningVelocity,
  predictedCompletion,
  sessionsOf,
  skillDecayRisk,
  struggleIndex,
  type ConceptEffort,
} from './metrics';

const DAY_MS = 86_400_000;
const SHOWN = 5;
export const LESSON_KINDS_SQL = `'lesson-completed', 'challenge-completed', 'quiz-passed'`;
const QUALIFYING_SQL = [...QUALIFYING_KINDS].map((kind) => `'${kind}'`).join(', ');

/** The statements, prepared once per connection (a WeakMap so a closed store's go with it). */
const prepared = new WeakMap<Database, ReturnType<typeof prepare>>();
function prepare(db: Database) {
  return {
    modulesSince: db.prepare("SELECT count(*) FROM activity_events WHERE local_date >= ? AND kind = 'module-completed'").pluck(),
    activeSince: db.prepare('SELECT coalesce(sum(seconds), 0) FROM active_time WHERE local_date >= ?').pluck(),
    // The newest 2,000 reviews of the last 90 days (ids grow with time), grouped by hour: recent
    // ones carry the weight (half-life 14 days), and the cost stays flat for a heavy reviewer.
    reviewsSince: db.prepare(
      `SELECT correct, (reviewed_at / 3600000) * 3600000 + 1800000 AS at, count(*) AS times FROM review_log
       WHERE id > (SELECT coalesce(max(id), 0) - 2000 FROM review_log) AND +reviewed_at >= ? GROUP BY 1, 2`,
    ),
    interactionsSince: db
      .prepare(
        `
      SELECT occurred_at FROM activity_events WHERE local_date >= ? AND occurred_at >= ?
      UNION ALL SELECT reviewed_at FROM review_log WHERE reviewed_at >= ?
      UNION ALL SELECT created_at FROM attempts WHERE id > (SELECT coalesce(max(id), 0) - 5000 FROM attempts) AND +created_at >= ?
      UNION ALL SELECT revealed_at FROM hint_reveals WHERE revealed_at >= ?`,
      )
      .pluck(),
    lessonEffort: db.prepare(`
      SELECT l.course_id AS courseId, l.concepts, l.par_time_seconds AS par, coalesce(p.active_seconds, 0) AS active,
             (SELECT count(*) FROM hint_reveals h WHERE h.course_id = l.course_id AND h.lesson_id = l.lesson_id) AS hints
      FROM lessons l LEFT JOIN lesson_progress p ON p.course_id = l.course_id AND p.lesson_id = l.lesson_id
      WHERE l.removed_at IS NULL AND l.concepts <> '[]'`),
    mastery: db.prepare(`
      SELECT m.course_id AS courseId, m.concept_id AS conceptId, coalesce(c.title, m.concept_id) AS title, m.probability,
             m.evidence_count AS evidence, m.success_count AS successes, m.last_evidence_at AS lastAt
      FROM concept_mastery m LEFT JOIN concepts c ON c.course_id = m.course_id AND c.concept_id = m.concept_id`),
    conceptTitles: db.prepare('SELECT course_id AS courseId, concept_id AS conceptId, title FROM concepts'),
    // The course of the newest completed lesson, from lesson_progress (one row per lesson, not
    // per event): scanning events back for an installed course could read the whole history.
    currentCourse: db.prepare(
      `SELECT p.course_id AS id, c.title FROM lesson_progress p JOIN courses c ON c.id = p.course_id
       WHERE p.status = 'completed' ORDER BY p.completed_at DESC, p.course_id LIMIT 1`,
    ),
    remaining: db
      .prepare(
        `SELECT count(*) FROM lessons l LEFT JOIN lesson_progress p ON p.course_id = l.course_id AND p.lesson_id = l.lesson_id
         WHERE l.course_id = ? AND l.removed_at IS NULL AND coalesce(p.status, '') <> 'completed'`,
      )
      .pluck(),
    lessonsByDay: db.prepare(
      `SELECT local_date AS date, count(*) AS n FROM activity_events WHERE local_date >= ? AND kind IN (${LESSON_KINDS_SQL}) GROUP BY 1`,
    ),
    activeDays: db.prepare(`SELECT count(DISTINCT local_date) FROM activity_events WHERE local_date >= ? AND kind IN (${QUALIFYING_SQL})`).pluck(),
  };
}
const statements = (db: Database) => prepared.get(db) ?? prepared.set(db, prepare(db)).get(db)!;

export function learningMetrics(store: Store, now: number, timezone: string): LearningMetrics {
  const q = statements(store.sqlite);
  const today = dayNumber(localDate(now, timezone));
  const since = (days: number) => dateOfDay(today - days + 1);

  const activeSeconds28 = q.activeSince.get(since(28)) as number;
  const modules28 = q.modulesSince.get(since(28)) as number;
  const velocity = learningVelocity(modules28, activeSeconds28);

  const reviews = (q.reviewsSince.all(now - 90 * DAY_MS) as { correct: number; at: number; times: number }[]).map((row) => ({
    recalled: row.correct === 1,
    at: Math.min(now, row.at),
    times: row.times,
  }));
  const retention = knowledgeRetention(reviews, now);

  const weekAgo = now - 7 * DAY_MS;
  const instants = q.interactionsSince.all(since(8), weekAgo, weekAgo, weekAgo, weekAgo) as number[];
  const sessions = sessionsOf(instants, q.activeSince.get(since(7)) as number);

  const mastery = q.mastery.all() as MasteryRow[];
  return {
    learningVelocity: velocity === null ? null : { modulesPerHour: velocity, modulesCompleted: modules28, activeSeconds: activeSeconds28 },
    knowledgeRetention: retention === null ? null : { rate: retention, reviews: reviews.reduce((sum, row) => sum + row.times, 0) },
    engagement:
      sessions.length === 0
        ? null
        : {
            score: engagementScore(sessions),
            sessions: sessions.length,
            activeSeconds: Math.round(sessions.reduce((sum, s) => sum + s.activeSeconds, 0)),
            interactions: instants.length,
          },
    struggle: struggle(q, mastery),
    predictedCompletion: completion(q, now, since),
    decayRisk: decay(mastery, now),
  };
}

type Statements = ReturnType<typeof prepare>;
const conceptKey = (courseId: string, conceptId: string) => `${courseId}\u0000${conceptId}`;

function struggle(q: Statements, mastery: readonly MasteryRow[]): LearningMetrics['struggle'] {
  const efforts = new Map<string, { courseId: string; conceptId: string; failed: number; hints: number; active: number; par: number; unknownPar: boolean }>();
  const rows = q.lessonEffort.all() as { courseId: string; concepts: string; par: number | null; active: number; hints: number }[];
  for (const row of rows) {
    if (row.active === 0 && row.hints === 0) continue;
    for (const conceptId of JSON.parse(row.concepts) as string[]) {
      const key = conceptKey(row.courseId, conceptId);
      const effort = efforts.get(key) ?? { courseId: row.courseId, conceptId, failed: 0, hints: 0, active: 0, par: 0, unknownPar: false };
      effort.hints += row.hints;
      effort.active += row.active;
      effort.par += row.par ?? 0;
      effort.unknownPar ||= row.par === null;
      efforts.set(key, effort);
    }
  }
  // Failed attempts: the evidence that went wrong (check attempts, test results, quiz answers,
  // reviews), counted per concept by the mastery store, so no attempt history is scanned.
  for (const row of mastery) {
    const failed = row.evidence - row.successes;
    const effort = efforts.get(conceptKey(row.courseId, row.conceptId));
    if (effort) effort.failed += failed;
    else if (failed > 0) efforts.set(conceptKey(row.courseId, row.conceptId), { ...row, failed, hints: 0, active: 0, par: 0, unknownPar: true });
  }
  if (efforts.size === 0) return [];
  const titles = new Map(
    (q.conceptTitles.all() as { courseId: string; conceptId: string; title: string }[]).map((c) => [conceptKey(c.courseId, c.conceptId), c.title]),
  );
  return [...efforts.values()]
    .map((effort) => {
      const input: ConceptEffort = {
        conceptId: effort.conceptId,
        attempts: effort.failed + 1,
        hints: effort.hints,
        activeSeconds: effort.active,
        ...(effort.unknownPar || effort.par === 0 ? {} : { parSeconds: effort.par }),
      };
      return {
        courseId: effort.courseId,
        conceptId: effort.conceptId,
        title: titles.get(conceptKey(effort.courseId, effort.conceptId)) ?? effort.conceptId,
        index: struggleIndex(input),
        attempts: input.attempts,
        hints: effort.hints,
        activeSeconds: effort.active,
      };
    })
    .sort((a, b) => b.index - a.index || a.title.localeCompare(b.title))
    .slice(0, SHOWN);
}

interface MasteryRow {
  courseId: string;
  conceptId: string;
  title: string;
  probability: number;
  evidence: number;
  successes: number;
  lastAt: number;
}

function completion(q: Statements, now: number, since: (days: number) => string): LearningMetrics['predictedCompletion'] {
  const course = q.currentCourse.get() as { id: string; title: string } | undefined;
  if (!course) return null;
  const remainingLessons = q.remaining.get(course.id) as number;
  const byDay = q.lessonsByDay.all(since(42)) as { date: string; n: number }[];
  const pace = (days: number) => {
    const recent = byDay.filter((row) => row.date >= since(days));
    return recent.length === 0 ? 0 : recent.reduce((sum, row) => sum + row.n, 0) / recent.length;
  };
  const activeDaysPerWeek = (q.activeDays.get(since(28)) as number) / 4;
  const forecast = predictedCompletion({ remainingLessons, recentPace: pace(14), longerPace: pace(42), activeDaysPerWeek, now });
  return forecast && { courseId: course.id, courseTitle: course.title, remainingLessons, ...forecast };
}

function decay(mastery: readonly MasteryRow[], now: number): LearningMetrics['decayRisk'] {
  return mastery
    .map((row) => {
      const daysSincePractice = Math.max(0, (now - row.lastAt) / DAY_MS);
      const lapseRate = row.evidence === 0 ? 0 : 1 - row.successes / row.evidence;
      return {
        courseId: row.courseId,
        conceptId: row.conceptId,
        title: row.title,
        risk: skillDecayRisk({ daysSincePractice, mastery: row.probability, lapseRate }),
        daysSincePractice,
        mastery: row.probability,
      };
    })
    .filter((row) => row.risk >= 0.01)
    .sort((a, b) => b.risk - a.risk || a.title.localeCompare(b.title))
    .slice(0, SHOWN);
}
