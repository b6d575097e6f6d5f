// A small course written straight into the store, with concepts on its lessons, for the learner
// model's integration tests (they need the rows an install writes, not a bundle on disk).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore, type Store } from '../../store/open-store';
import { concepts, courses, domains, lessons, modules, tracks } from '../../store/schema';

export const COURSE = 'py';

/** Two modules: basics (variables, then loops with an exercise and a quiz) and text (strings). */
export const fixtureConcepts = [
  { conceptId: 'variables', title: 'Variables', prerequisites: [], lessonId: 'names' },
  { conceptId: 'for-loops', title: 'For loops', prerequisites: ['variables'], lessonId: 'loops' },
  { conceptId: 'strings', title: 'Strings', prerequisites: ['variables'], lessonId: 'text' },
] as const;

export const fixtureLessons = [
  { lessonId: 'names', moduleId: 'basics', title: 'Names', type: 'concept', concepts: ['variables'] },
  { lessonId: 'loops', moduleId: 'basics', title: 'Loops', type: 'practice', concepts: ['for-loops'], parTimeSeconds: 600 },
  { lessonId: 'loop-quiz', moduleId: 'basics', title: 'Loop quiz', type: 'quiz', concepts: ['for-loops', 'variables'] },
  { lessonId: 'text', moduleId: 'text', title: 'Text', type: 'practice', concepts: ['strings'] },
] as const;

export function writeConceptCourse(store: Store, courseId = COURSE, title = 'Python'): void {
  const at = 1;
  store.transaction((db) => {
    db.insert(domains).values({ id: 'd', title: 'Programming' }).onConflictDoNothing().run();
    db.insert(tracks).values({ id: 't', domainId: 'd', title: 'Python' }).onConflictDoNothing().run();
    db.insert(courses)
      .values({
        id: courseId,
        trackId: 't',
        title,
        version: '1.0.0',
        difficulty: 'beginner',
        languages: ['python'],
        prerequisites: [],
        authors: [],
        installPath: `courses/${courseId}`,
        installedAt: at,
        updatedAt: at,
      })
      .run();
    db.insert(modules)
      .values([
        { courseId, moduleId: 'basics', title: 'Basics', position: 0 },
        { courseId, moduleId: 'text', title: 'Working with text', position: 1 },
      ])
      .run();
    db.insert(lessons)
      .values(fixtureLessons.map((lesson, position) => ({ ...lesson, concepts: [...lesson.concepts], courseId, position, path: `${lesson.lessonId}.md` })))
      .run();
    db.insert(concepts)
      .values(fixtureConcepts.map((concept, position) => ({ ...concept, prerequisites: [...concept.prerequisites], courseId, position })))
      .run();
  });
}

/** A fresh store in a temp folder with the fixture course written in. */
export function openConceptStore(): Store {
  const store = openStore(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'drona-learner-')), 'drona.db'));
  writeConceptCourse(store);
  return store;
}
