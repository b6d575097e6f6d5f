// An installed course's rows: domain, track, course, modules, lessons and concepts, and its search
// index, in one transaction. Lessons dropped upstream keep their row with removed_at set, so
// progress (keyed by lesson id) survives an upgrade.
import path from 'node:path';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Store } from '../../store/open-store';
import { concepts, courses, domains, lessons, modules, tracks } from '../../store/schema';
import type { LoadedCourse } from '../bundle/course-bundle';
import { indexLessons } from '../search/search-index';

/** Writes the course's rows; returns the ids of lessons the new version no longer has. */
export function writeCourseRows(store: Store, course: LoadedCourse, digest: string, builtIn: boolean, at: number): string[] {
  const { manifest } = course;
  return store.transaction((db) => {
    db.insert(domains).values({ id: manifest.domain.id, title: manifest.domain.title }).onConflictDoUpdate({ target: domains.id, set: { title: manifest.domain.title } }).run();
    db.insert(tracks)
      .values({ id: manifest.track.id, domainId: manifest.domain.id, title: manifest.track.title })
      .onConflictDoUpdate({ target: tracks.id, set: { title: manifest.track.title, domainId: manifest.domain.id } })
      .run();
    const row = {
      trackId: manifest.track.id,
      title: manifest.title,
      version: manifest.version,
      summary: manifest.summary,
      difficulty: manifest.difficulty,
      languages: manifest.languages,
      estimatedHours: manifest.estimatedHours,
      prerequisites: manifest.prerequisites,
      authors: manifest.authors,
      license: manifest.license,
      installPath: path.join('courses', manifest.id),
      manifestDigest: digest,
      builtIn,
      updatedAt: at,
    };
    db.insert(courses).values({ id: manifest.id, installedAt: at, ...row }).onConflictDoUpdate({ target: courses.id, set: row }).run();
    db.delete(modules).where(eq(modules.courseId, manifest.id)).run();
    manifest.modules.forEach((module, position) => db.insert(modules).values({ courseId: manifest.id, moduleId: module.id, title: module.title, position }).run());
    const keep = new Set(course.lessons.map((lesson) => lesson.meta.id));
    const previous = db.select({ lessonId: lessons.lessonId }).from(lessons).where(and(eq(lessons.courseId, manifest.id), isNull(lessons.removedAt))).all();
    const removed = previous.map((lesson) => lesson.lessonId).filter((id) => !keep.has(id));
    if (removed.length) db.update(lessons).set({ removedAt: at }).where(and(eq(lessons.courseId, manifest.id), inArray(lessons.lessonId, removed))).run();
    for (const lesson of course.lessons) {
      const values = {
        moduleId: lesson.moduleId,
        title: lesson.meta.title,
        type: lesson.meta.type,
        xp: lesson.meta.xp,
        parTimeSeconds: Math.round(lesson.meta.parTimeMinutes * 60),
        position: lesson.position,
        path: lesson.path,
        removedAt: null,
        concepts: lesson.meta.concepts,
      };
      db.insert(lessons).values({ courseId: manifest.id, lessonId: lesson.meta.id, ...values }).onConflictDoUpdate({ target: [lessons.courseId, lessons.lessonId], set: values }).run();
    }
    // Concepts follow the bundle exactly; mastery (keyed by concept id) lives in its own table and stays.
    db.delete(concepts).where(eq(concepts.courseId, manifest.id)).run();
    manifest.concepts.forEach((concept, position) =>
      db
        .insert(concepts)
        .values({ courseId: manifest.id, conceptId: concept.id, title: concept.title, prerequisites: concept.prerequisites, lessonId: concept.lesson ?? null, position })
        .run(),
    );
    indexLessons(store.sqlite, manifest.id, course.lessons);
    return removed;
  });
}
