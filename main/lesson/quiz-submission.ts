// A quiz's submission: scored against the key, kept as an attempt with the mastery evidence of
// each question in one transaction, and the missed questions queued for spaced review. The
// lesson's completion and its XP event stay with LessonActivity, which calls this.
import { and, eq } from 'drizzle-orm';
import { isExactAnswer } from '../learner/exact-answer';
import { lessonConcepts, quizEvidence } from '../learner/evidence';
import { missedQuizCards } from '../practice/missed-questions';
import type { Store } from '../store/open-store';
import { attempts } from '../store/schema';
import type { LessonFacts, LessonSources } from './lesson-sources';
import type { QuizProgressStore } from './quiz-progress';

type Questions = NonNullable<LessonFacts['quiz']>['questions'];
type Answers = readonly { questionId: string; selected: readonly number[] }[];

const selectedFor = (answers: Answers, questionId: string) => answers.find((answer) => answer.questionId === questionId)?.selected ?? [];

/** The share of questions answered exactly right, 0–100. Pure, for the quiz rules. */
export function scoreQuiz(questions: Questions, answers: Answers): number {
  if (questions.length === 0) return 0;
  const right = questions.filter((question) => isExactAnswer(question.options, selectedFor(answers, question.id))).length;
  return Math.round((right / questions.length) * 1000) / 10;
}

/** Records one submission of `quiz`; returns its score, whether it passed, whether it was the first, and the missed question ids. */
export function recordQuizAttempt(
  store: Store,
  sources: Pick<LessonSources, 'mastery' | 'review'>,
  quizzes: QuizProgressStore,
  input: { courseId: string; lessonId: string; quiz: NonNullable<LessonFacts['quiz']>; answers: Answers; timeRatio: number | undefined; now: number },
): { score: number; passed: boolean; firstAttempt: boolean; missed: string[] } {
  const { courseId, lessonId, quiz, answers, timeRatio, now } = input;
  const score = scoreQuiz(quiz.questions, answers);
  const passed = score >= quiz.passPercent;
  const previous = store.db
    .select({ id: attempts.id })
    .from(attempts)
    .where(and(eq(attempts.courseId, courseId), eq(attempts.lessonId, lessonId), eq(attempts.kind, 'quiz')))
    .all().length;
  const concepts = lessonConcepts(store, courseId, lessonId);
  const questions = quiz.questions;
  store.transaction((tx) => {
    quizzes.clear(courseId, lessonId);
    const { id } = tx
      .insert(attempts)
      .values({ courseId, lessonId, kind: 'quiz', passed, score, detail: { answers }, createdAt: now })
      .returning({ id: attempts.id })
      .get();
    sources.mastery?.apply(quizEvidence({ courseId, attemptId: id, questions, answers, lessonConcepts: concepts, timeRatio, at: now }));
  });
  sources.review?.(missedQuizCards(courseId, lessonId, questions, answers, now, concepts));
  const missed = questions.filter((question) => !isExactAnswer(question.options, selectedFor(answers, question.id))).map(({ id }) => id);
  return { score, passed, firstAttempt: previous === 0, missed };
}
