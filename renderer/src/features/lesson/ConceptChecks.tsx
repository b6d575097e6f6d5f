// A concept intro's "check your understanding" questions, inline before Mark complete: each
// answered with its explanation shown, retried until right; Mark complete waits for all of them.
import { useState } from 'react';
import type { LessonContent } from '../../../../preload/contract/courses';
import { CodeSpanText } from './CodeSpanText';

export function ConceptChecks({ lesson, onAllRight }: { lesson: LessonContent; onAllRight(allRight: boolean): void }) {
  const questions = lesson.checks ?? [];
  const [chosen, setChosen] = useState<Record<string, number>>({});
  const choose = (questionId: string, option: number) => {
    const next = { ...chosen, [questionId]: option };
    setChosen(next);
    onAllRight(questions.every((question) => question.options[next[question.id] ?? -1]?.correct === true));
  };
  if (questions.length === 0) return null;
  return (
    <section className="concept-checks" aria-labelledby="concept-checks-title">
      <h2 id="concept-checks-title" className="code-along-title">
        Check your understanding
      </h2>
      {questions.map((question) => {
        const picked = chosen[question.id];
        const option = picked === undefined ? undefined : question.options[picked];
        return (
          <fieldset key={question.id} className="quiz-question">
            <legend className="quiz-prompt">
              <CodeSpanText text={question.prompt} />
            </legend>
            {question.options.map((choice, index) => (
              <label key={index} className={`quiz-option${picked === index ? (choice.correct ? ' right' : ' wrong') : ''}`}>
                <input type="radio" name={`check-${question.id}`} checked={picked === index} onChange={() => choose(question.id, index)} />
                <CodeSpanText text={choice.text} />
              </label>
            ))}
            {option && (
              <p className="quiz-explanation" role="status">
                {option.correct ? 'Right. ' : 'Not quite. '}
                {option.explanation}
              </p>
            )}
          </fieldset>
        );
      })}
    </section>
  );
}
