// A finished quiz: the score, then each question missed with the learner's answer, the right
// one and why, so a failed attempt says what to read again (the same questions come back in Practice).
import type { RefObject } from 'react';
import type { CallOutput } from '../../../../preload/contract';
import type { LessonContent } from '../../../../preload/contract/courses';
import type { QuizProgress } from '../../../../preload/contract/lesson';
import { CodeSpanText } from './CodeSpanText';

export type QuizOutcome = CallOutput<'lesson.submitQuiz'> & { readonly answers: QuizProgress['answers'] };

type Question = NonNullable<LessonContent['quiz']>['questions'][number];

function OptionList({ question, indexes, empty }: { question: Question; indexes: readonly number[]; empty: string }) {
  if (indexes.length === 0) return <span>{empty}</span>;
  return (
    <>
      {indexes.map((i, n) => (
        <span key={i}>
          {n > 0 && ', '}
          <CodeSpanText text={question.options[i]?.text ?? ''} />
        </span>
      ))}
    </>
  );
}

function MissedQuestion({ question, chosen }: { question: Question; chosen: readonly number[] }) {
  const right = question.options.flatMap((option, i) => (option.correct ? [i] : []));
  // Why the right answer is right, then why a wrong pick was wrong.
  const why = [...right, ...chosen.filter((i) => !right.includes(i))].flatMap((i) => question.options[i]?.explanation ?? []);
  return (
    <li className="quiz-review-item">
      <p className="quiz-prompt">
        <CodeSpanText text={question.prompt} />
      </p>
      {question.code && <pre className="quiz-code">{question.code}</pre>}
      <dl className="quiz-review-answers">
        <dt>Your answer</dt>
        <dd className="check-fail">
          <OptionList question={question} indexes={chosen} empty="No answer" />
        </dd>
        <dt>Right answer</dt>
        <dd className="check-pass">
          <OptionList question={question} indexes={right} empty="None" />
        </dd>
      </dl>
      {why.map((text) => (
        <p key={text} className="quiz-explanation">
          <CodeSpanText text={text} />
        </p>
      ))}
    </li>
  );
}

export function QuizResult({
  lesson,
  result,
  headingRef,
  onRetry,
}: {
  lesson: LessonContent;
  result: QuizOutcome;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onRetry(): void;
}) {
  const questions = lesson.quiz?.questions ?? [];
  const missed = result.missed.flatMap((id) => questions.filter((question) => question.id === id));
  return (
    <section className="quiz" aria-label="Quiz result">
      <h2 ref={headingRef} tabIndex={-1}>
        {result.passed ? 'Quiz passed' : 'Not yet'}
      </h2>
      <p>
        You scored {result.score}% (pass mark {result.passPercent}%). {result.passed ? 'The lesson is complete.' : 'Read the explanations again and retry.'}
      </p>
      {missed.length > 0 && (
        <section className="quiz-review" aria-labelledby={`${lesson.lessonId}-review`}>
          <h3 id={`${lesson.lessonId}-review`}>{missed.length === 1 ? 'The question you missed' : `The ${missed.length} questions you missed`}</h3>
          <p className="muted">They come back in Practice tomorrow.</p>
          <ol className="quiz-review-list">
            {missed.map((question) => (
              <MissedQuestion
                key={question.id}
                question={question}
                chosen={result.answers.find((answer) => answer.questionId === question.id)?.selected ?? []}
              />
            ))}
          </ol>
        </section>
      )}
      {!result.passed && (
        <div className="quiz-actions">
          <button className="button primary" onClick={onRetry}>
            Try the quiz again
          </button>
        </div>
      )}
    </section>
  );
}
