// A quiz question the learner got wrong comes back in Practice the next day.
import type { LessonContent } from '../../preload/contract/courses';
import { conceptsOf } from '../learner/evidence';
import { isExactAnswer } from '../learner/exact-answer';
import type { NewCard } from './practice-service';

type QuizQuestion = NonNullable<LessonContent['quiz']>['questions'][number];
export interface QuizAnswer {
  readonly questionId: string;
  readonly selected: readonly number[];
}

const DAY_MS = 86_400_000;

/** The cards for the questions answered wrong (or left out), due a day after `now`. Pure. */
export function missedQuizCards(
  courseId: string,
  lessonId: string,
  questions: readonly QuizQuestion[],
  answers: readonly QuizAnswer[],
  now: number,
  lessonConcepts: readonly string[] = [],
): NewCard[] {
  return questions.flatMap((question) => {
    if (isExactAnswer(question.options, answers.find((answer) => answer.questionId === question.id)?.selected ?? [])) return [];
    return [
      {
        key: `missed-quiz:${courseId}:${lessonId}:${question.id}`,
        source: 'missed-quiz' as const,
        courseId,
        lessonId,
        // Its review answers then move the mastery of the (first) concept the question assesses.
        conceptId: conceptsOf(question, lessonConcepts)[0] ?? null,
        item: {
          prompt: question.prompt,
          ...(question.code === undefined ? {} : { code: question.code }),
          ...(question.language === undefined ? {} : { language: question.language }),
          options: question.options.map((option) => ({
            text: option.text,
            correct: option.correct,
            ...(option.explanation ? { explanation: option.explanation } : {}),
          })),
        },
        dueAt: now + DAY_MS,
      },
    ];
  });
}
