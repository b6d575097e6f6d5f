// Roll-ups: lesson → module → course → track, with completion percentages and active time
// (lesson_progress.active_seconds: time working in the lesson, idle excluded). Pure.
import type { Rollup } from '../../preload/contract/progress';

export interface OutlineLesson {
  readonly id: string;
  readonly title: string;
}
export interface OutlineModule {
  readonly id: string;
  readonly title: string;
  readonly lessons: readonly OutlineLesson[];
}
export interface OutlineCourse {
  readonly id: string;
  readonly title: string;
  readonly trackId: string | null;
  readonly trackTitle: string | null;
  readonly modules: readonly OutlineModule[];
}
export interface LessonStatus {
  readonly completed: boolean;
  readonly activeSeconds: number;
}

export type CourseRollup = Rollup & { trackId: string | null; modules: Rollup[] };

const percent = (completed: number, total: number) => (total === 0 ? 0 : Math.round((completed / total) * 1000) / 10);
const key = (courseId: string, lessonId: string) => `${courseId}\u0000${lessonId}`;
export const progressKey = key;

function sum(id: string, title: string, parts: readonly Rollup[]): Rollup {
  const completed = parts.reduce((n, part) => n + part.completed, 0);
  const total = parts.reduce((n, part) => n + part.total, 0);
  return { id, title, completed, total, percent: percent(completed, total), activeSeconds: parts.reduce((n, part) => n + part.activeSeconds, 0) };
}

export function rollUp(outline: readonly OutlineCourse[], progress: ReadonlyMap<string, LessonStatus>): { courses: CourseRollup[]; tracks: Rollup[] } {
  const courses = outline.map((course) => {
    const modules = course.modules.map((module) => {
      const statuses = module.lessons.map((lesson) => progress.get(key(course.id, lesson.id)));
      const completed = statuses.filter((status) => status?.completed).length;
      const activeSeconds = statuses.reduce((n, status) => n + (status?.activeSeconds ?? 0), 0);
      return { id: module.id, title: module.title, completed, total: module.lessons.length, percent: percent(completed, module.lessons.length), activeSeconds };
    });
    return { ...sum(course.id, course.title, modules), trackId: course.trackId, modules };
  });
  const trackIds = [...new Set(outline.flatMap((course) => (course.trackId ? [course.trackId] : [])))];
  const tracks = trackIds.map((trackId) => {
    const title = outline.find((course) => course.trackId === trackId)!.trackTitle ?? trackId;
    return sum(
      trackId,
      title,
      courses.filter((course) => course.trackId === trackId),
    );
  });
  return { courses, tracks };
}

/**
 * The lesson to do next: the first unfinished lesson after the most recently completed one in
 * its course; else the first unfinished lesson of a course already started; else of any course.
 */
export function recommendNext(
  outline: readonly OutlineCourse[],
  progress: ReadonlyMap<string, LessonStatus>,
  lastCompleted: { courseId: string; lessonId: string } | null,
): { courseId: string; lessonId: string; title: string; courseTitle: string } | null {
  const flat = (course: OutlineCourse) => course.modules.flatMap((module) => module.lessons);
  const open = (course: OutlineCourse, from = 0) =>
    flat(course)
      .slice(from)
      .find((lesson) => !progress.get(key(course.id, lesson.id))?.completed);
  const pick = (course: OutlineCourse, lesson: OutlineLesson | undefined) =>
    lesson ? { courseId: course.id, lessonId: lesson.id, title: lesson.title, courseTitle: course.title } : null;
  if (lastCompleted) {
    const course = outline.find((entry) => entry.id === lastCompleted.courseId);
    if (course) {
      const index = flat(course).findIndex((lesson) => lesson.id === lastCompleted.lessonId);
      const next = pick(course, open(course, index + 1) ?? open(course));
      if (next) return next;
    }
  }
  const started = outline.find((course) => flat(course).some((lesson) => progress.has(key(course.id, lesson.id))) && open(course));
  if (started) return pick(started, open(started));
  for (const course of outline) {
    const next = pick(course, open(course));
    if (next) return next;
  }
  return null;
}
