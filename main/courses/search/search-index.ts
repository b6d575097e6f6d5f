// The FTS5 rows of one course: a row per lesson for search, a row per heading section for the
// tutor's retrieval. Called inside the install transaction, so the index never lags the course.
import type { Store } from '../../store/open-store';
import type { LoadedLesson } from '../bundle/course-bundle';
import { passagesOf, plainText } from './lesson-text';

export function indexLessons(sqlite: Store['sqlite'], courseId: string, lessons: readonly LoadedLesson[]): void {
  sqlite.prepare('DELETE FROM lesson_search WHERE course_id = ?').run(courseId);
  sqlite.prepare('DELETE FROM lesson_passages WHERE course_id = ?').run(courseId);
  const addSearch = sqlite.prepare('INSERT INTO lesson_search (course_id, lesson_id, title, body) VALUES (?, ?, ?, ?)');
  const addPassage = sqlite.prepare('INSERT INTO lesson_passages (course_id, lesson_id, heading, text) VALUES (?, ?, ?, ?)');
  for (const lesson of lessons) {
    const objectives = lesson.meta.objectives.join('. ');
    addSearch.run(courseId, lesson.meta.id, lesson.meta.title, `${objectives}. ${plainText(lesson.body)}`);
    for (const passage of passagesOf(lesson.meta.title, lesson.body)) addPassage.run(courseId, lesson.meta.id, passage.heading, passage.text);
  }
}
