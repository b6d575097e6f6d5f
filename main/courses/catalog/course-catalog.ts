// The installed catalog: courses with their domain, track, prerequisites and the learner's
// progress, and one course's outline (modules and live lessons).
import fs from 'node:fs';
import path from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import { parse as parseYaml } from 'yaml';
import type { CourseDetail, CourseStatus, CourseSummary, LessonOutline } from '../../../preload/contract/courses';
import type { Store } from '../../store/open-store';
import { concepts, courses, domains, lessonProgress, lessons, modules, tracks } from '../../store/schema';

/** The contract's course detail plus course.yaml `achievements:` as written (the progress service defines their shape). */
export type InstalledCourseDetail = CourseDetail & { readonly achievements: unknown[] };

/** What certificates, progress and the CLI read: the catalog and one course's outline. */
export interface CourseCatalogReader {
  listCourses(): CourseSummary[];
  getCourse(courseId: string): InstalledCourseDetail | null;
}

/** Where an installed course's files are (lesson content reads them). */
export interface CourseLocator {
  courseDir(courseId: string): string | null;
}

export class CourseCatalog implements CourseCatalogReader, CourseLocator {
  constructor(
    private readonly store: Store,
    private readonly dataDir: string,
  ) {}

  /** Installed course ids with their prerequisites (the bundle loader checks prerequisites against these). */
  knownCourses(): Map<string, readonly string[]> {
    const rows = this.store.db.select({ id: courses.id, prerequisites: courses.prerequisites }).from(courses).all();
    return new Map(rows.map((row) => [row.id, row.prerequisites]));
  }

  private progressByCourse(): Map<string, Map<string, string>> {
    const rows = this.store.db.select({ courseId: lessonProgress.courseId, lessonId: lessonProgress.lessonId, status: lessonProgress.status }).from(lessonProgress).all();
    const byCourse = new Map<string, Map<string, string>>();
    for (const row of rows) {
      if (!byCourse.has(row.courseId)) byCourse.set(row.courseId, new Map());
      byCourse.get(row.courseId)!.set(row.lessonId, row.status);
    }
    return byCourse;
  }

  listCourses(): CourseSummary[] {
    const rows = this.store.db
      .select({ course: courses, track: tracks, domain: domains })
      .from(courses)
      .innerJoin(tracks, eq(tracks.id, courses.trackId))
      .innerJoin(domains, eq(domains.id, tracks.domainId))
      .all();
    const live = this.store.db.select({ courseId: lessons.courseId, lessonId: lessons.lessonId }).from(lessons).where(isNull(lessons.removedAt)).all();
    const lessonsByCourse = new Map<string, string[]>();
    for (const lesson of live) {
      if (!lessonsByCourse.has(lesson.courseId)) lessonsByCourse.set(lesson.courseId, []);
      lessonsByCourse.get(lesson.courseId)!.push(lesson.lessonId);
    }
    const progress = this.progressByCourse();
    const counts = new Map(
      rows.map(({ course }) => {
        const ids = lessonsByCourse.get(course.id) ?? [];
        const statuses = progress.get(course.id) ?? new Map<string, string>();
        const completed = ids.filter((id) => statuses.get(id) === 'completed').length;
        const started = ids.some((id) => statuses.has(id) && statuses.get(id) !== 'not_started');
        const status: CourseStatus = ids.length > 0 && completed === ids.length ? 'completed' : started ? 'in-progress' : 'not-started';
        return [course.id, { total: ids.length, completed, status }] as const;
      }),
    );
    const titles = new Map(rows.map(({ course }) => [course.id, course.title]));
    return rows
      .map(({ course, track, domain }) => {
        const prerequisites = course.prerequisites.map((id) => ({ id, title: titles.get(id) ?? id, completed: counts.get(id)?.status === 'completed' }));
        const missing = prerequisites.filter((prerequisite) => !prerequisite.completed);
        const count = counts.get(course.id)!;
        return {
          id: course.id,
          title: course.title,
          version: course.version,
          summary: course.summary,
          domain: { id: domain.id, title: domain.title },
          track: { id: track.id, title: track.title },
          difficulty: course.difficulty,
          languages: course.languages,
          estimatedHours: course.estimatedHours,
          prerequisites,
          builtIn: course.builtIn,
          lessonCount: count.total,
          completedCount: count.completed,
          status: count.status,
          lockedReason: missing.length ? `Finish ${missing.map((prerequisite) => prerequisite.title).join(' and ')} first.` : null,
        };
      })
      .sort((a, b) => a.domain.title.localeCompare(b.domain.title) || a.track.title.localeCompare(b.track.title) || a.title.localeCompare(b.title));
  }

  getCourse(courseId: string): InstalledCourseDetail | null {
    const summary = this.listCourses().find((course) => course.id === courseId);
    if (!summary) return null;
    const moduleRows = this.store.db.select().from(modules).where(eq(modules.courseId, courseId)).orderBy(modules.position).all();
    const lessonRows = this.store.db.select().from(lessons).where(and(eq(lessons.courseId, courseId), isNull(lessons.removedAt))).orderBy(lessons.position).all();
    const statuses = this.progressByCourse().get(courseId) ?? new Map<string, string>();
    const dir = this.courseDir(courseId);
    const courseYaml = dir ? path.join(dir, 'course.yaml') : null;
    const achievements = courseYaml && fs.existsSync(courseYaml) ? ((parseYaml(fs.readFileSync(courseYaml, 'utf8')) as { achievements?: unknown[] }).achievements ?? []) : [];
    return {
      ...summary,
      achievements,
      modules: moduleRows.map((module) => ({
        id: module.moduleId,
        title: module.title,
        lessons: lessonRows
          .filter((lesson) => lesson.moduleId === module.moduleId)
          .map((lesson) => ({
            id: lesson.lessonId,
            title: lesson.title,
            type: lesson.type,
            xp: lesson.xp,
            parTimeMinutes: (lesson.parTimeSeconds ?? 0) / 60,
            status: (statuses.get(lesson.lessonId) ?? 'not_started') as LessonOutline['status'],
            concepts: lesson.concepts,
          })),
      })),
      concepts: this.store.db
        .select({ id: concepts.conceptId, title: concepts.title, prerequisites: concepts.prerequisites, lessonId: concepts.lessonId })
        .from(concepts)
        .where(eq(concepts.courseId, courseId))
        .orderBy(concepts.position)
        .all(),
    };
  }

  courseDir(courseId: string): string | null {
    const row = this.store.db.select({ installPath: courses.installPath }).from(courses).where(eq(courses.id, courseId)).get();
    return row ? path.join(this.dataDir, row.installPath) : null;
  }
}
