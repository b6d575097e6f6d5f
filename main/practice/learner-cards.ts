// The learner model's cards, read from the store: authored concept-check questions for every
// concept the learner has met, and a "solve again" card for each fading concept. Practice adds
// them when it lists the due cards and once at start-up. The work is one query over
// concept_mastery (a row per concept met), never a scan of history, and only concepts whose
// facts changed since their cards were stored are derived again: listing what is due writes nothing
// when nothing is new.
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { exerciseLessonTypes } from '../../preload/contract/courses';
import { messageOf } from '../../preload/contract/errors';
import { reviewCardItemSchema } from '../../preload/contract/practice';
import type { Store } from '../store/open-store';
import { conceptCheckCards, isFading, solveAgainCard, solveAgainKeyOf, type AuthoredQuestion } from './concept-cards';
import { existingCardKeys, type NewCard } from './practice-service';

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
  /**
   * Per concept, the facts its cards were last derived from, once all of them were stored: the
   * same facts give the same cards, so only concepts whose facts changed are looked at again.
   */
  private readonly settled = new Map<string, string>();

  constructor(
    private readonly store: Store,
    private readonly options: LearnerCardsOptions,
  ) {}

  /** The cards the learner model asks for now and that are not stored yet; Practice adds them. */
  cards(): NewCard[] {
    const now = this.options.now();
    const met = this.store.sqlite
      .prepare(
        `SELECT m.course_id AS courseId, m.concept_id AS conceptId, c.title, c.lesson_id AS lessonId, m.last_evidence_at AS lastEvidenceAt, m.probability,
          m.success_count AS successCount, m.last_success_at AS lastSuccessAt
        FROM concept_mastery m JOIN concepts c ON c.course_id = m.course_id AND c.concept_id = m.concept_id`,
      )
      .all() as MetConcept[];
    const stamps = new Map<string, number>();
    const stampOf = (courseId: string) => stamps.get(courseId) ?? stamps.set(courseId, this.stampOf(courseId)).get(courseId)!;
    const candidates = met.flatMap((concept) => {
      const fading = isFading(concept, now) && concept.lastSuccessAt !== null;
      const facts = `${concept.lastEvidenceAt}|${concept.lastSuccessAt}|${fading}|${stampOf(concept.courseId)}`;
      const id = `${concept.courseId}\u0000${concept.conceptId}`;
      if (this.settled.get(id) === facts) return [];
      const checks = conceptCheckCards(
        concept.courseId,
        concept.conceptId,
        concept.lessonId,
        this.questionsOf(concept.courseId, stampOf(concept.courseId)).get(concept.conceptId) ?? [],
        concept.lastEvidenceAt,
      );
      const solveAgainKey = fading ? solveAgainKeyOf(concept.courseId, concept.conceptId, concept.lastSuccessAt!) : null;
      return [{ concept, id, facts, checks, solveAgainKey }];
    });
    const stored = existingCardKeys(
      this.store,
      candidates.flatMap(({ checks, solveAgainKey }) => [...checks.map((card) => card.key), ...(solveAgainKey ? [solveAgainKey] : [])]),
    );
    return candidates.flatMap(({ concept, id, facts, checks, solveAgainKey }) => {
      const cards = checks.filter((card) => !stored.has(card.key));
      const lesson = solveAgainKey && !stored.has(solveAgainKey) ? this.lessonFor(concept) : null;
      if (lesson) cards.push(solveAgainCard(concept.courseId, { id: concept.conceptId, title: concept.title }, lesson, concept.lastSuccessAt!, now));
      // Settled once nothing is left to add (a fading concept without a lesson has no card to add).
      if (cards.length === 0) this.settled.set(id, facts);
      return cards;
    });
  }

  private stampOf(courseId: string): number {
    const dir = this.options.courseDir(courseId);
    const file = dir ? path.join(dir, 'course.yaml') : null;
    return file && fs.existsSync(file) ? fs.statSync(file).mtimeMs : -1;
  }

  private questionsOf(courseId: string, stamp: number): Map<string, AuthoredQuestion[]> {
    const cached = this.questions.get(courseId);
    if (cached?.stamp === stamp) return cached.byConcept;
    let byConcept = new Map<string, AuthoredQuestion[]>();
    const dir = this.options.courseDir(courseId);
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
