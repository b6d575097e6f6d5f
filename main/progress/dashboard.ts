// The Progress view's figures, read from the store in one pass of small grouped queries.
import type { AchievementCard, Dashboard } from '../../preload/contract/progress';
import type { Store } from '../store/open-store';
import { evaluate } from './achievements';
import type { ProgressService } from './progress-service';
import { progressKey, recommendNext, rollUp, type LessonStatus, type OutlineCourse } from './rollups';
import { dateOfDay, dayNumber, localDate } from '../../common/rules/streaks';
import { dailyTotals } from '../learner/daily-totals';

const WEEKS = 8;
const HEATMAP_DAYS = 26 * 7 + 7;
/** The XP line's window. */
const XP_DAYS = 366;

/** The installed courses' outline, from the catalogue tables (courses, modules, lessons). */
export function readOutline(store: Store): OutlineCourse[] {
  const rows = store.sqlite
    .prepare(
      `SELECT c.id AS courseId, c.title AS courseTitle, c.track_id AS trackId, t.title AS trackTitle,
              m.module_id AS moduleId, m.title AS moduleTitle, l.lesson_id AS lessonId, l.title AS lessonTitle
       FROM courses c LEFT JOIN tracks t ON t.id = c.track_id
       JOIN modules m ON m.course_id = c.id
       JOIN lessons l ON l.course_id = c.id AND l.module_id = m.module_id AND l.removed_at IS NULL
       ORDER BY c.title, c.id, m.position, l.position`,
    )
    .all() as {
    courseId: string;
    courseTitle: string;
    trackId: string | null;
    trackTitle: string | null;
    moduleId: string;
    moduleTitle: string;
    lessonId: string;
    lessonTitle: string;
  }[];
  const courses = new Map<
    string,
    {
      id: string;
      title: string;
      trackId: string | null;
      trackTitle: string | null;
      modules: Map<string, { id: string; title: string; lessons: { id: string; title: string }[] }>;
    }
  >();
  for (const row of rows) {
    let course = courses.get(row.courseId);
    if (!course)
      courses.set(row.courseId, (course = { id: row.courseId, title: row.courseTitle, trackId: row.trackId, trackTitle: row.trackTitle, modules: new Map() }));
    let module = course.modules.get(row.moduleId);
    if (!module) course.modules.set(row.moduleId, (module = { id: row.moduleId, title: row.moduleTitle, lessons: [] }));
    module.lessons.push({ id: row.lessonId, title: row.lessonTitle });
  }
  return [...courses.values()].map((course) => ({ ...course, modules: [...course.modules.values()] }));
}

interface LessonProgressRow {
  courseId: string;
  lessonId: string;
  status: string;
  activeSeconds: number;
}
const readLessonProgress = (store: Store) =>
  store.sqlite
    .prepare('SELECT course_id AS courseId, lesson_id AS lessonId, status, active_seconds AS activeSeconds FROM lesson_progress')
    .all() as LessonProgressRow[];
const statusesOf = (rows: readonly LessonProgressRow[]) =>
  new Map<string, LessonStatus>(
    rows.map((row) => [progressKey(row.courseId, row.lessonId), { completed: row.status === 'completed', activeSeconds: row.activeSeconds }]),
  );

/**
 * The lesson the learner finished last, which the recommendation continues after: from
 * lesson_progress (a row per lesson), so the cost does not grow with the event history.
 */
function lastLessonDone(store: Store): { courseId: string; lessonId: string } | null {
  const row = store.sqlite
    .prepare(
      "SELECT course_id AS courseId, lesson_id AS lessonId FROM lesson_progress WHERE status = 'completed' AND completed_at IS NOT NULL ORDER BY completed_at DESC, rowid DESC LIMIT 1",
    )
    .get() as { courseId: string; lessonId: string } | undefined;
  return row ?? null;
}

/** The lesson to continue with: the Progress view's "Next up", also what the streak reminder opens. */
export function recommendedLesson(store: Store): Dashboard['recommended'] {
  return recommendNext(readOutline(store), statusesOf(readLessonProgress(store)), lastLessonDone(store));
}

function mondayOf(day: number): number {
  const weekday = (new Date(dateOfDay(day)).getUTCDay() + 6) % 7; // Monday = 0
  return day - weekday;
}

export async function buildDashboard(store: Store, progress: ProgressService, now: number): Promise<Dashboard> {
  const progressRows = readLessonProgress(store);
  await progress.loadAchievementsFor([...new Set(progressRows.map((row) => row.courseId))]);
  const { tally, streak, earned, timezone } = progress.state();
  const hud = progress.snapshot();
  const today = localDate(now, timezone);
  const todayNumber = dayNumber(today);
  // Day-level figures are needed for the heatmap's window only (it is the longest: 26 weeks).
  const since = dateOfDay(todayNumber - HEATMAP_DAYS);

  // The XP line covers the last year from the per-day totals (migration 0008); the total before
  // it comes from the running total, so the cost does not grow with the length of the history.
  const days = dailyTotals(store.sqlite, dateOfDay(Math.min(todayNumber - XP_DAYS + 1, todayNumber - HEATMAP_DAYS)));
  const xpInWindow = days.filter((day) => day.xpEntries > 0 && day.date >= dateOfDay(todayNumber - XP_DAYS + 1));
  let cumulative = hud.totalXp - xpInWindow.reduce((sum, row) => sum + row.xp, 0);
  const xpByDay = xpInWindow.map((row) => ({ date: row.date, xp: row.xp, cumulative: (cumulative += row.xp) }));
  const inHeatmap = days.filter((day) => day.date >= since);
  const activityByDay = inHeatmap.filter((day) => day.qualifying > 0).map((day) => ({ date: day.date, count: day.qualifying }));
  const lessonsByDay = new Map(inHeatmap.filter((day) => day.lessons > 0).map((day) => [day.date, { n: day.lessons }]));
  const activeSecondsOn = new Map(
    (
      store.sqlite.prepare('SELECT local_date AS date, sum(seconds) AS seconds FROM active_time WHERE local_date >= ? GROUP BY local_date').all(since) as {
        date: string;
        seconds: number;
      }[]
    ).map((row) => [row.date, row.seconds]),
  );
  const xpOn = new Map(xpByDay.map((row) => [row.date, row.xp]));

  const statuses = statusesOf(progressRows);
  const outline = readOutline(store);
  const { courses, tracks } = rollUp(outline, statuses);
  const recommended = recommendNext(outline, statuses, lastLessonDone(store));

  const achievementsEarned = new Map(
    (store.sqlite.prepare('SELECT id, earned_at AS earnedAt FROM achievements').all() as { id: string; earnedAt: number }[]).map((row) => [
      row.id,
      row.earnedAt,
    ]),
  );
  const achievements: AchievementCard[] = progress.definitions().map((definition) => {
    const earnedAt = achievementsEarned.get(definition.id) ?? null;
    const isEarned = earned.has(definition.id) || earnedAt !== null;
    const courseId = definition.id.includes('/') ? definition.id.split('/')[0]! : null;
    if (!isEarned && definition.hidden) {
      return {
        id: definition.id,
        title: 'Hidden achievement',
        description: 'Keep learning to find out.',
        category: definition.category,
        state: 'hidden',
        earnedAt: null,
        progress: 0,
        progressLabel: null,
        courseId,
      };
    }
    const evaluation = isEarned ? { progress: 1, label: null } : evaluate(definition.condition, tally, null);
    return {
      id: definition.id,
      title: definition.title,
      description: definition.description,
      category: definition.category,
      state: isEarned ? 'earned' : 'in-progress',
      earnedAt,
      progress: evaluation.progress,
      progressLabel: evaluation.label,
      courseId,
    };
  });

  const thisMonday = mondayOf(todayNumber);
  const velocity = Array.from({ length: WEEKS }, (_, i) => {
    const start = thisMonday - (WEEKS - 1 - i) * 7;
    let lessons = 0;
    let xp = 0;
    for (let day = start; day < start + 7; day++) {
      const date = dateOfDay(day);
      lessons += lessonsByDay.get(date)?.n ?? 0;
      xp += xpOn.get(date) ?? 0;
    }
    return { weekStart: dateOfDay(start), lessons, xp };
  });

  const weekDays = Array.from({ length: 7 }, (_, i) => dateOfDay(todayNumber - 6 + i));
  let bestDay: { date: string; xp: number } | null = null;
  for (const date of weekDays) {
    const xp = xpOn.get(date) ?? 0;
    if (xp > 0 && (!bestDay || xp > bestDay.xp)) bestDay = { date, xp };
  }
  const week = {
    start: weekDays[0]!,
    end: today,
    lessons: weekDays.reduce((n, date) => n + (lessonsByDay.get(date)?.n ?? 0), 0),
    xp: weekDays.reduce((n, date) => n + (xpOn.get(date) ?? 0), 0),
    activeSeconds: weekDays.reduce((n, date) => n + (activeSecondsOn.get(date) ?? 0), 0),
    bestDay,
  };

  return {
    hud,
    today,
    xpByDay,
    activityByDay,
    courses,
    tracks,
    achievements,
    streaks: streak.runs.map((run) => ({ ...run })),
    velocity,
    recommended,
    week,
  };
}
