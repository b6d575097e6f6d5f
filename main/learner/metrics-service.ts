// The six learning metrics read from the store: the per-day totals (daily-totals.ts) for a recent
// window, active time per day, and the per-concept tables (one row per concept), so the cost does
// not grow with the length of the history; the rules are the pure functions of metrics.ts.
import type { Database } from 'better-sqlite3';
import type { LearningMetrics } from '../../preload/contract/progress-metrics';
import type { Store } from '../store/open-store';
import { unchangedRead } from '../store/unchanged-reads';
import { dateOfDay, dayNumber, localDate } from '../../common/rules/streaks';
import { dailyInteractions, dailyTotals, utcDay, type DailyTotal } from './daily-totals';
import {
  engagementScore,
  knowledgeRetention,
  learningVelocity,
  predictedCompletion,
  sessionsInSlots,
  skillDecayRisk,
  struggleIndex,
  type ConceptEffort,
} from './metrics';

const DAY_MS = 86_400_000;
const SHOWN = 5;
export const LESSON_KINDS_SQL = `'lesson-completed', 'challenge-completed', 'quiz-passed'`;

/** The statements, prepared once per connection (a WeakMap so a closed store's go with it). */
const prepared = new WeakMap<Database, ReturnType<typeof prepare>>();
function prepare(db: Database) {
  return {
    activeSince: db.prepare('SELECT coalesce(sum(seconds), 0) FROM active_time WHERE local_date >= ?').pluck(),
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
  };
}
const statements = (db: Database) => prepared.get(db) ?? prepared.set(db, prepare(db)).get(db)!;

export function learningMetrics(store: Store, now: number, timezone: string): LearningMetrics {
  const today = dayNumber(localDate(now, timezone));
  const todayUtc = utcDay(now);
  // What is read from the store depends on the day, not the instant: kept until the store changes.
  const read = unchangedRead(store.sqlite, `learner.metrics:${today}:${todayUtc}`, () => readInputs(statements(store.sqlite), today, todayUtc));
  const { days, activeSeconds28, modules28, interactions, engagement, mastery } = read;
  const velocity = learningVelocity(modules28, activeSeconds28);

  // Reviews of the last 90 days, a day's counted at its middle (the weights halve in 14 days).
  const reviews = interactions.flatMap((row) => {
    const at = Math.min(now, row.day * DAY_MS + DAY_MS / 2);
    return [
      { recalled: true, at, times: row.recalled },
      { recalled: false, at, times: row.reviews - row.recalled },
    ].filter((outcome) => outcome.times > 0);
  });
  const retention = knowledgeRetention(reviews, now);

  return {
    learningVelocity: velocity === null ? null : { modulesPerHour: velocity, modulesCompleted: modules28, activeSeconds: activeSeconds28 },
    knowledgeRetention: retention === null ? null : { rate: retention, reviews: reviews.reduce((sum, row) => sum + row.times, 0) },
    engagement: engagement.sessions === 0 ? null : { score: engagementScore(engagement), ...engagement },
    struggle: read.struggle,
    predictedCompletion: completion(read.course, days, now, sinceDay(today)),
    decayRisk: decay(mastery, now),
  };
}

const sinceDay = (today: number) => (days: number) => dateOfDay(today - days + 1);

/** Everything the metrics read from the store for a local day `today` (and UTC day `todayUtc`). */
function readInputs(q: Statements, today: number, todayUtc: number) {
  const since = sinceDay(today);
  const db = q.activeSince.database;
  const days = dailyTotals(db, since(42));
  const from28 = since(28);
  const interactions = dailyInteractions(db, todayUtc - 89);
  const week = interactions.filter((row) => row.day > todayUtc - 7);
  const mastery = q.mastery.all() as MasteryRow[];
  const course = q.currentCourse.get() as { id: string; title: string } | undefined;
  return {
    days,
    activeSeconds28: q.activeSince.get(from28) as number,
    modules28: days.reduce((sum, day) => sum + (day.date >= from28 ? day.modules : 0), 0),
    interactions,
    engagement: {
      sessions: sessionsInSlots(week),
      activeSeconds: q.activeSince.get(since(7)) as number,
      interactions: week.reduce((sum, row) => sum + row.interactions, 0),
    },
    mastery,
    struggle: struggle(q, mastery),
    course: course ? { ...course, remainingLessons: q.remaining.get(course.id) as number } : null,
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

function completion(
  course: { id: string; title: string; remainingLessons: number } | null,
  days: readonly DailyTotal[],
  now: number,
  since: (days: number) => string,
): LearningMetrics['predictedCompletion'] {
  if (!course) return null;
  const { remainingLessons } = course;
  // Lessons per day with lessons, over the last `window` days.
  const pace = (window: number) => {
    const from = since(window);
    const recent = days.filter((day) => day.lessons > 0 && day.date >= from);
    return recent.length === 0 ? 0 : recent.reduce((sum, day) => sum + day.lessons, 0) / recent.length;
  };
  const from28 = since(28);
  const activeDaysPerWeek = days.filter((day) => day.qualifying > 0 && day.date >= from28).length / 4;
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
