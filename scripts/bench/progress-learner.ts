// What "Next up" reads, for bench:progress: the current course's path, its concepts, mastery and
// the reviews due, then recommend(). The app's own reader belongs to the path feature; this one
// reads the same tables the same way so the bench times a realistic call.
import type { Store } from '../../main/store/open-store';
import { recommend, type ConceptInfo, type Recommendation } from '../../main/learner/recommendation';

export function recommendFromStore(store: Store, courseId: string, now: number): Recommendation {
  const db = store.sqlite;
  const path = (
    db
      .prepare(
        `SELECT l.lesson_id AS lessonId, l.title, l.concepts, coalesce(p.status, '') = 'completed' AS completed
         FROM lessons l JOIN modules m ON m.course_id = l.course_id AND m.module_id = l.module_id
         LEFT JOIN lesson_progress p ON p.course_id = l.course_id AND p.lesson_id = l.lesson_id
         WHERE l.course_id = ? AND l.removed_at IS NULL ORDER BY m.position, l.position`,
      )
      .all(courseId) as { lessonId: string; title: string; concepts: string; completed: number }[]
  ).map((row) => ({ courseId, lessonId: row.lessonId, title: row.title, concepts: JSON.parse(row.concepts) as string[], completed: row.completed === 1 }));
  const concepts = new Map<string, ConceptInfo>(
    (
      db.prepare('SELECT concept_id AS id, title, prerequisites, lesson_id AS lessonId FROM concepts WHERE course_id = ?').all(courseId) as {
        id: string;
        title: string;
        prerequisites: string;
        lessonId: string | null;
      }[]
    ).map((row) => [
      row.id,
      { id: row.id, title: row.title, prerequisites: JSON.parse(row.prerequisites) as string[], ...(row.lessonId ? { lessonId: row.lessonId } : {}) },
    ]),
  );
  const mastery = new Map(
    (db.prepare('SELECT concept_id AS id, probability FROM concept_mastery WHERE course_id = ?').all(courseId) as { id: string; probability: number }[]).map(
      (row) => [row.id, row.probability],
    ),
  );
  const dueReviews = db.prepare('SELECT count(*) FROM review_cards WHERE due_at <= ?').pluck().get(now) as number;
  return recommend({ dueReviews, path, concepts, mastery, onARoll: false, onTrack: null });
}
