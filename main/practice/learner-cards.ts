// The learner model's cards, read from the store: authored concept-check questions for every
// concept the learner has met, and a "solve again" card for each fading concept. Practice adds
// them (keys keep one of each) when it lists the due cards and once at start-up; the work is one
// query over concept_mastery (a row per concept met), never a scan of history.
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { exerciseLessonTypes } from '../../preload/contract/courses';
import { messageOf } from '../../preload/contract/errors';
import { reviewCardItemSchema } from '../../preload/contract/practice';
import type { Store } from '../store/open-store';
import { conceptCheckCards, isFading, solveAgainCard, type AuthoredQuestion } from './concept-cards';
import type { NewCard } from './practice-service';

/** course.yaml `concepts[].questions`, as the course format writes them (a quiz question each). */
const conceptsYamlSchema = z.object({
  concepts: z
    .array(z.object({ id: z.string(), questions: z.array(z.object({ id: z.string() }).and(reviewCardItemSchema)).default([]) }).passthrough())
    .default([]),
});

/** Each concept's authored questions, by concept id, from an installed course folder; none when it has none. */
export function readConceptQuestions(courseDir: string): Map<string, AuthoredQuestion[]> {
  const file = path.join(courseDir, 'course.yaml');
  if (!fs.existsSync(file)) return new Map();
  const parsed = conceptsYamlSchema.safeParse(parseYaml(fs.readFileSync(file, 'utf8')));
  // The installer validated the course; a shape this reader does not know is told, not guessed at.
  if (!parsed.success) throw new Error(`${file}: concepts[].questions: ${parsed.error.issues[0]?.message ?? 'not understood'}`);
  return new Map(
    parsed.data.concepts.map((concept) => [
      concept.id,
      concept.questions.map(({ id, prompt, code, language, options }) => ({
        id,
        item: { prompt, options, ...(code === undefined ? {} : { code }), ...(language === undefined ? {} : { language }) },
      })),
    ]),
  );
}

export interface LearnerCardsOptions {
  readonly now: () => number;
  /** The installed course's folder (courses.catalog.courseDir), or null when it is gone. */
  readonly courseDir: (courseId: string) => string | null;
  readonly warn: (message: string) => void;
}

interface MetConcept {
  courseId: string;
  conceptId: string;
  title: string;
  lessonId: string | null;
  lastEvidenceAt: number;
  probability: number;
  successCount: number;
  lastSuccessAt: number | null;
}

const exerciseTypes: ReadonlySet<string> = exerciseLessonTypes;

export class LearnerCards {
  /** Authored questions per course, read once per installed version (the folder's course.yaml mtime). */
  private readonly questions = new Map<string, { stamp: number; byConcept: Map<string, AuthoredQuestion[]> }>();

  constructor(
    private readonly store: Store,
    private readonly options: LearnerCardsOptions,
  ) {}

  /** The cards the learner model asks for now; Practice adds them, keeping the first of each key. */
  cards(): NewCard[] {
    const now = this.options.now();
    const met = this.store.sqlite
      .prepare(
        `SELECT m.course_id AS courseId, m.concept_id AS conceptId, c.title, c.lesson_id AS lessonId, m.last_evidence_at AS lastEvidenceAt, m.probability,
          m.success_count AS successCount, m.last_success_at AS lastSuccessAt
        FROM concept_mastery m JOIN concepts c ON c.course_id = m.course_id AND c.concept_id = m.concept_id`,
      )
      .all() as MetConcept[];
    return met.flatMap((concept) => {
      const checks = conceptCheckCards(
        concept.courseId,
        concept.conceptId,
        concept.lessonId,
        this.questionsOf(concept.courseId).get(concept.conceptId) ?? [],
        concept.lastEvidenceAt,
      );
      if (!isFading(concept, now) || concept.lastSuccessAt === null) return checks;
      const lesson = this.lessonFor(concept);
      return lesson
        ? [...checks, solveAgainCard(concept.courseId, { id: concept.conceptId, title: concept.title }, lesson, concept.lastSuccessAt, now)]
        : checks;
    });
  }

  private questionsOf(courseId: string): Map<string, AuthoredQuestion[]> {
    const dir = this.options.courseDir(courseId);
    const file = dir ? path.join(dir, 'course.yaml') : null;
    const stamp = file && fs.existsSync(file) ? fs.statSync(file).mtimeMs : -1;
    const cached = this.questions.get(courseId);
    if (cached?.stamp === stamp) return cached.byConcept;
    let byConcept = new Map<string, AuthoredQuestion[]>();
    try {
      if (dir) byConcept = readConceptQuestions(dir);
    } catch (error) {
      this.options.warn(`practice: no concept-check cards from ${courseId}: ${messageOf(error)}`);
    }
    this.questions.set(courseId, { stamp, byConcept });
    return byConcept;
  }

  /** The concept's own lesson, else the first exercise (then any lesson) that teaches it. */
  private lessonFor({ courseId, conceptId, lessonId }: MetConcept): { id: string; title: string } | null {
    const rows = this.store.sqlite
      .prepare(
        `SELECT lesson_id AS id, title, type FROM lessons WHERE course_id = ? AND removed_at IS NULL
          AND (lesson_id = ? OR EXISTS (SELECT 1 FROM json_each(lessons.concepts) WHERE value = ?)) ORDER BY position`,
      )
      .all(courseId, lessonId, conceptId) as { id: string; title: string; type: string }[];
    const pick = rows.find((row) => row.id === lessonId) ?? rows.find((row) => exerciseTypes.has(row.type)) ?? rows[0];
    return pick ? { id: pick.id, title: pick.title } : null;
  }
}
