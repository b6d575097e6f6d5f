// The skill map: every concept of every started course with its mastery, grouped by the module
// of the lesson that teaches it, with its lessons and its review cards. `groupSkillMap` is the
// rule (pure); `readSkillMap` reads the rows it needs, a handful of queries per started course.
import type { SkillMap, SkillMapConcept } from '../../preload/contract/learner';
import type { ReviewCardSource } from '../../preload/contract/practice';
import type { Store } from '../store/open-store';
import { bandOf } from './mastery';

type LessonStatus = SkillMapConcept['lessons'][number]['status'];

export interface SkillMapInput {
  readonly modules: readonly { readonly id: string; readonly title: string }[];
  /** In course order. */
  readonly lessons: readonly {
    readonly id: string;
    readonly title: string;
    readonly moduleId: string;
    readonly concepts: readonly string[];
    readonly status: LessonStatus;
  }[];
  /** In course.yaml order. */
  readonly concepts: readonly { readonly id: string; readonly title: string; readonly prerequisites: readonly string[]; readonly lessonId: string | null }[];
  readonly mastery: ReadonlyMap<string, number>;
  /** Soonest first. */
  readonly cards: readonly {
    readonly id: number;
    readonly conceptId: string;
    readonly source: ReviewCardSource;
    readonly prompt: string;
    readonly dueAt: number;
  }[];
  /** A card due at or before this is due today. */
  readonly dueBy: number;
}

export const UNGROUPED_TITLE = 'Other concepts';

/** Each concept exactly once, under the module of its own lesson (else the first lesson that teaches it). Pure. */
export function groupSkillMap(input: SkillMapInput): SkillMap['courses'][number]['modules'] {
  const grouped = new Map<string | null, SkillMapConcept[]>();
  for (const concept of input.concepts) {
    const own = input.lessons.find((lesson) => lesson.id === concept.lessonId);
    const teaching = input.lessons.filter((lesson) => lesson !== own && lesson.concepts.includes(concept.id));
    const lessons = own ? [own, ...teaching] : teaching;
    const cards = input.cards.filter((card) => card.conceptId === concept.id).map(({ id, source, prompt, dueAt }) => ({ id, source, prompt, dueAt }));
    const probability = input.mastery.get(concept.id);
    const moduleId = lessons[0]?.moduleId ?? null;
    grouped.set(moduleId, [
      ...(grouped.get(moduleId) ?? []),
      {
        id: concept.id,
        title: concept.title,
        band: bandOf(probability),
        probability: probability ?? null,
        prerequisites: [...concept.prerequisites],
        lessons: lessons.map(({ id, title, status }) => ({ id, title, status })),
        cards,
        dueCards: cards.filter((card) => card.dueAt <= input.dueBy).length,
      },
    ]);
  }
  const modules = input.modules.flatMap((module) => {
    const concepts = grouped.get(module.id);
    return concepts ? [{ id: module.id, title: module.title, concepts }] : [];
  });
  const other = grouped.get(null);
  return other ? [...modules, { id: null, title: UNGROUPED_TITLE, concepts: other }] : modules;
}

const json = (text: string): string[] => {
  const parsed: unknown = JSON.parse(text);
  return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];
};

/** The skill map of every course the learner has started (some progress or some evidence), by title. */
export function readSkillMap(store: Pick<Store, 'sqlite'>, dueBy: number): SkillMap {
  const db = store.sqlite;
  const started = db
    .prepare(
      `SELECT id, title FROM courses WHERE id IN (SELECT course_id FROM lesson_progress UNION SELECT course_id FROM concept_mastery)
        AND EXISTS (SELECT 1 FROM concepts WHERE concepts.course_id = courses.id) ORDER BY title`,
    )
    .all() as { id: string; title: string }[];
  return {
    courses: started.map((course) => {
      const modules = db.prepare('SELECT module_id AS id, title FROM modules WHERE course_id = ? ORDER BY position').all(course.id) as {
        id: string;
        title: string;
      }[];
      const lessons = (
        db
          .prepare(
            `SELECT l.lesson_id AS id, l.title, l.module_id AS moduleId, l.concepts, coalesce(p.status, 'not_started') AS status FROM lessons l
              LEFT JOIN lesson_progress p ON p.course_id = l.course_id AND p.lesson_id = l.lesson_id
              WHERE l.course_id = ? AND l.removed_at IS NULL ORDER BY l.position`,
          )
          .all(course.id) as { id: string; title: string; moduleId: string; concepts: string; status: LessonStatus }[]
      ).map((lesson) => ({ ...lesson, concepts: json(lesson.concepts) }));
      const concepts = (
        db
          .prepare('SELECT concept_id AS id, title, prerequisites, lesson_id AS lessonId FROM concepts WHERE course_id = ? ORDER BY position')
          .all(course.id) as {
          id: string;
          title: string;
          prerequisites: string;
          lessonId: string | null;
        }[]
      ).map((concept) => ({ ...concept, prerequisites: json(concept.prerequisites) }));
      const mastery = new Map(
        (
          db.prepare('SELECT concept_id AS id, probability FROM concept_mastery WHERE course_id = ?').all(course.id) as { id: string; probability: number }[]
        ).map((row) => [row.id, row.probability]),
      );
      const cards = (
        db
          .prepare(
            `SELECT id, concept_id AS conceptId, source, item, due_at AS dueAt FROM review_cards WHERE course_id = ? AND concept_id IS NOT NULL ORDER BY due_at, id`,
          )
          .all(course.id) as { id: number; conceptId: string; source: ReviewCardSource; item: string; dueAt: number }[]
      ).map(({ item, ...card }) => ({ ...card, prompt: (JSON.parse(item) as { prompt: string }).prompt }));
      return { id: course.id, title: course.title, modules: groupSkillMap({ modules, lessons, concepts, mastery, cards, dueBy }) };
    }),
  };
}
