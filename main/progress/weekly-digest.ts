// The weekly digest: one week's time, lessons, XP, reviews, mastery gained and the streak, read
// from the store by local date (indexed) or by an instant window around the week.
import type { HudSnapshot } from '../../preload/contract/progress';
import type { WeeklyDigest } from '../../preload/contract/progress-metrics';
import type { Store } from '../store/open-store';
import { MASTERED } from '../learner/mastery';
import { LESSON_KINDS_SQL } from '../learner/metrics-service';
import { dateOfDay, dayNumber, localDate } from '../../common/rules/streaks';
import { mondayOf } from './weekly-digest-schedule';

const DAY_MS = 86_400_000;

export function weeklyDigest(store: Store, input: { now: number; timezone: string; hud: HudSnapshot; weekStart?: string }): WeeklyDigest {
  const db = store.sqlite;
  const today = localDate(input.now, input.timezone);
  const weekStart = mondayOf(input.weekStart ?? today);
  const first = dayNumber(weekStart);
  const weekEnd = dateOfDay(first + 6);
  const dates = Array.from({ length: 7 }, (_, i) => dateOfDay(first + i));
  const byDate = <T extends { date: string }>(rows: T[]) => new Map(rows.map((row) => [row.date, row]));

  const xp = byDate(
    db.prepare('SELECT local_date AS date, sum(amount) AS xp FROM xp_ledger WHERE local_date BETWEEN ? AND ? GROUP BY 1').all(weekStart, weekEnd) as {
      date: string;
      xp: number;
    }[],
  );
  const active = byDate(
    db.prepare('SELECT local_date AS date, sum(seconds) AS seconds FROM active_time WHERE local_date BETWEEN ? AND ? GROUP BY 1').all(weekStart, weekEnd) as {
      date: string;
      seconds: number;
    }[],
  );
  const lessons = db
    .prepare(`SELECT count(*) FROM activity_events WHERE local_date BETWEEN ? AND ? AND kind IN (${LESSON_KINDS_SQL})`)
    .pluck()
    .get(weekStart, weekEnd) as number;

  // Reviews and evidence carry instants: read a window a day wider on each side, keep the week's local dates.
  const from = Date.UTC(...ymd(weekStart)) - DAY_MS;
  const to = Date.UTC(...ymd(weekEnd)) + 2 * DAY_MS;
  const inWeek = (at: number) => {
    const date = localDate(at, input.timezone);
    return date >= weekStart && date <= weekEnd;
  };
  const reviews = (
    db.prepare('SELECT correct, reviewed_at AS at FROM review_log WHERE reviewed_at BETWEEN ? AND ?').all(from, to) as { correct: number; at: number }[]
  ).filter((row) => inWeek(row.at));
  const evidence = (
    db
      .prepare(
        `SELECT e.course_id AS courseId, e.concept_id AS conceptId, coalesce(c.title, e.concept_id) AS title, e.probability_before AS before,
                e.probability_after AS after, e.occurred_at AS at
         FROM mastery_evidence e LEFT JOIN concepts c ON c.course_id = e.course_id AND c.concept_id = e.concept_id
         WHERE e.occurred_at BETWEEN ? AND ? ORDER BY e.occurred_at, e.id`,
      )
      .all(from, to) as { courseId: string; conceptId: string; title: string; before: number; after: number; at: number }[]
  ).filter((row) => inWeek(row.at));
  // Per concept: from where the week started to where it ended.
  const concepts = new Map<string, { courseId: string; conceptId: string; title: string; start: number; end: number }>();
  for (const row of evidence) {
    const key = `${row.courseId}\u0000${row.conceptId}`;
    const seen = concepts.get(key);
    if (seen) seen.end = row.after;
    else concepts.set(key, { courseId: row.courseId, conceptId: row.conceptId, title: row.title, start: row.before, end: row.after });
  }

  const thisMonday = mondayOf(today);
  return {
    weekStart,
    weekEnd,
    activeSeconds: dates.reduce((sum, date) => sum + (active.get(date)?.seconds ?? 0), 0),
    lessons,
    xp: dates.reduce((sum, date) => sum + (xp.get(date)?.xp ?? 0), 0),
    reviews: reviews.length,
    reviewsRecalled: reviews.filter((row) => row.correct === 1).length,
    masteryGained: [...concepts.values()].reduce((sum, c) => sum + (c.end - c.start), 0),
    conceptsMastered: [...concepts.values()]
      .filter((c) => c.start < MASTERED && c.end >= MASTERED)
      .map(({ courseId, conceptId, title }) => ({ courseId, conceptId, title })),
    streak: { current: input.hud.streak.current, longest: input.hud.streak.longest },
    days: dates.map((date) => ({ date, xp: xp.get(date)?.xp ?? 0, activeSeconds: active.get(date)?.seconds ?? 0 })),
    previousWeekStart: dateOfDay(first - 7),
    nextWeekStart: weekStart < thisMonday ? dateOfDay(first + 7) : null,
  };
}

const ymd = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m - 1, d] as const;
};

/** Whether the learner did anything that week: a qualifying event or active time (for the notification). */
export function activeInWeek(store: Store, weekStart: string): boolean {
  const weekEnd = dateOfDay(dayNumber(weekStart) + 6);
  return (
    store.sqlite
      .prepare(
        'SELECT EXISTS (SELECT 1 FROM activity_events WHERE local_date BETWEEN ? AND ?) OR EXISTS (SELECT 1 FROM active_time WHERE local_date BETWEEN ? AND ? AND seconds > 0)',
      )
      .pluck()
      .get(weekStart, weekEnd, weekStart, weekEnd) === 1
  );
}
