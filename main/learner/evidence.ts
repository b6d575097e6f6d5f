// What each recorded event tells the learner model: pure builders of the evidence records that
// the recording transaction hands to `MasteryStore.apply`, and the one reader of a lesson's
// concepts. Keys name the event and the concept, so replaying an event adds nothing.
import type { Store } from '../store/open-store';
import { isExactAnswer } from './exact-answer';
import type { EvidenceRecord } from './mastery-store';

/** Which concepts an item assesses: its own list when it has one, else the lesson's. Pure. */
// Typed as any object: quiz questions and test results gain `concepts` with the course format's tags.
export function conceptsOf(item: object, lessonConcepts: readonly string[]): readonly string[] {
  const own = 'concepts' in item && Array.isArray(item.concepts) ? item.concepts.filter((id): id is string => typeof id === 'string') : [];
  return own.length > 0 ? own : lessonConcepts;
}

/**
 * Seconds spent against par, when both are known; undefined otherwise (the model then ignores
 * time). Only successes carry it: a slow failure says nothing more than a failure. Pure.
 */
export function timeRatioOf(spentSeconds: number | undefined, parSeconds: number | null | undefined): number | undefined {
  if (spentSeconds === undefined || !parSeconds || parSeconds <= 0 || spentSeconds <= 0) return undefined;
  return spentSeconds / parSeconds;
}

const timed = (correct: boolean, timeRatio: number | undefined) => (correct && timeRatio !== undefined ? { timeRatio } : {});

export interface QuizEvidenceInput {
  readonly courseId: string;
  readonly attemptId: number;
  readonly questions: readonly { readonly id: string; readonly options: readonly { readonly correct: boolean }[] }[];
  readonly answers: readonly { readonly questionId: string; readonly selected: readonly number[] }[];
  readonly lessonConcepts: readonly string[];
  readonly timeRatio?: number | undefined;
  readonly at: number;
}

/** One record per question and concept it assesses; a question left out counts as wrong. Pure. */
export function quizEvidence(input: QuizEvidenceInput): EvidenceRecord[] {
  return input.questions.flatMap((question) => {
    const selected = input.answers.find((answer) => answer.questionId === question.id)?.selected ?? [];
    const correct = isExactAnswer(question.options, selected);
    return conceptsOf(question, input.lessonConcepts).map((conceptId) => ({
      key: `quiz:${input.attemptId}:${question.id}:${conceptId}`,
      courseId: input.courseId,
      conceptId,
      kind: 'quiz-answer' as const,
      correct,
      ...timed(correct, input.timeRatio),
      occurredAt: input.at,
    }));
  });
}

export interface CheckEvidenceInput {
  readonly courseId: string;
  readonly checkId: number;
  /** The grader's verdict: every test passed. */
  readonly passed: boolean;
  readonly tests: readonly { readonly status: string }[];
  readonly lessonConcepts: readonly string[];
  readonly timeRatio?: number | undefined;
  readonly at: number;
}

/** The attempt itself on each lesson concept, and each test on the concepts it assesses. Pure. */
export function checkEvidence(input: CheckEvidenceInput): EvidenceRecord[] {
  const base = { courseId: input.courseId, occurredAt: input.at };
  const attempt = input.lessonConcepts.map((conceptId) => ({
    ...base,
    key: `check:${input.checkId}:attempt:${conceptId}`,
    conceptId,
    kind: 'check-attempt' as const,
    correct: input.passed,
    ...timed(input.passed, input.timeRatio),
  }));
  const tests = input.tests.flatMap((test, index) =>
    conceptsOf(test, input.lessonConcepts).map((conceptId) => ({
      ...base,
      key: `check:${input.checkId}:test:${index}:${conceptId}`,
      conceptId,
      kind: 'test-result' as const,
      correct: test.status === 'pass',
      ...timed(test.status === 'pass', input.timeRatio),
    })),
  );
  return [...attempt, ...tests];
}

/** A revealed hint is weak evidence against each concept the lesson teaches. Pure. */
export function hintEvidence(courseId: string, lessonId: string, hintIndex: number, lessonConcepts: readonly string[], at: number): EvidenceRecord[] {
  return lessonConcepts.map((conceptId) => ({
    key: `hint:${courseId}:${lessonId}:${hintIndex}:${conceptId}`,
    courseId,
    conceptId,
    kind: 'hint-revealed' as const,
    correct: false,
    occurredAt: at,
  }));
}

/** A Practice answer on a card that names its concept; cards without one teach the model nothing. Pure. */
export function reviewEvidence(
  card: { readonly courseId: string | null; readonly conceptId: string | null },
  logId: number,
  correct: boolean,
  timeRatio: number | undefined,
  at: number,
): EvidenceRecord[] {
  if (!card.courseId || !card.conceptId) return [];
  return [
    {
      key: `review:${logId}:${card.conceptId}`,
      courseId: card.courseId,
      conceptId: card.conceptId,
      kind: 'review',
      correct,
      ...timed(correct, timeRatio),
      occurredAt: at,
    },
  ];
}

/** The concepts a lesson teaches (`lessons.concepts`); none when the lesson or its tags are missing. */
export function lessonConcepts(store: Pick<Store, 'sqlite'>, courseId: string, lessonId: string): string[] {
  const row = store.sqlite.prepare('SELECT concepts FROM lessons WHERE course_id = ? AND lesson_id = ?').get(courseId, lessonId) as
    { concepts: string } | undefined;
  if (!row) return [];
  const parsed: unknown = JSON.parse(row.concepts);
  return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
}
