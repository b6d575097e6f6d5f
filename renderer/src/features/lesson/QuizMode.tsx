// One question at a time, immediate feedback with the explanation, then the score; main
// re-scores the answers and completes the lesson when the pass mark is reached.
import { useEffect, useRef, useState } from 'react';
import type { LessonStanding } from '../../../../preload/contract/lesson';
import { useAppStore } from '../../app/app-store';
import { client } from '../../platform/client';
import { CodeSpanText } from './CodeSpanText';
import type { LessonContent } from '../../../../preload/contract/courses';
import { messageOf } from '../../../../preload/contract';

export function QuizMode({ lesson, onStanding }: { lesson: LessonContent; onStanding(standing: LessonStanding): void }) {
  const questions = lesson.quiz?.questions ?? [];
  const [index, setIndex] = useState(0);
  const [selected, setSelected] = useState<number[]>([]);
  const [answered, setAnswered] = useState(false);
  const [answers, setAnswers] = useState<{ questionId: string; selected: number[] }[]>([]);
  const [result, setResult] = useState<{ score: number; passed: boolean; passPercent: number } | null>(null);
  const question = questions[index];
  // The button that moved on is gone or disabled once the next view renders: focus goes to that
  // view (the new question, or the score) so a keyboard or screen-reader user carries on from there.
  const questionRef = useRef<HTMLFieldSetElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const focusNext = useRef<'question' | 'result' | null>(null);
  useEffect(() => {
    const target = focusNext.current === 'question' ? questionRef.current : focusNext.current === 'result' ? resultRef.current : null;
    if (!target) return;
    focusNext.current = null;
    target.focus();
  });

  if (questions.length === 0) return <p className="muted">This quiz has no questions.</p>;

  if (result) {
    return (
      <section className="quiz" aria-label="Quiz result">
        <h2 ref={resultRef} tabIndex={-1}>
          {result.passed ? 'Quiz passed' : 'Not yet'}
        </h2>
        <p>
          You scored {result.score}% (pass mark {result.passPercent}%). {result.passed ? 'The lesson is complete.' : 'Read the explanations again and retry.'}
        </p>
        {!result.passed && (
          <button
            className="button primary"
            onClick={() => {
              focusNext.current = 'question';
              setIndex(0);
              setAnswers([]);
              setSelected([]);
              setAnswered(false);
              setResult(null);
            }}
          >
            Try the quiz again
          </button>
        )}
      </section>
    );
  }
  if (!question) return null;

  const multiple = question.kind === 'multiple';
  const correct = question.options.flatMap((option, i) => (option.correct ? [i] : []));
  const right = answered && selected.length === correct.length && correct.every((i) => selected.includes(i));

  const submit = async (all: { questionId: string; selected: number[] }[]) => {
    try {
      const outcome = await client().call('lesson.submitQuiz', { courseId: lesson.courseId, lessonId: lesson.lessonId, answers: all });
      focusNext.current = 'result';
      setResult(outcome);
      onStanding(outcome.standing);
    } catch (error) {
      useAppStore.getState().appendOutput({ level: 'error', source: 'quiz', message: messageOf(error) });
    }
  };

  return (
    <section className="quiz" aria-label="Quiz">
      <p className="muted">
        Question {index + 1} of {questions.length}
      </p>
      <fieldset ref={questionRef} tabIndex={-1} className="quiz-question" disabled={answered}>
        <legend className="quiz-prompt">
          <CodeSpanText text={question.prompt} />
        </legend>
        {question.code && <pre className="quiz-code">{question.code}</pre>}
        {question.options.map((option, i) => {
          const id = `${question.id}-${i}`;
          const state = answered ? (option.correct ? 'right' : selected.includes(i) ? 'wrong' : '') : '';
          return (
            <div key={id} className={`quiz-option ${state}`}>
              <input
                id={id}
                type={multiple ? 'checkbox' : 'radio'}
                name={question.id}
                checked={selected.includes(i)}
                onChange={(event) => setSelected(multiple ? (event.target.checked ? [...selected, i] : selected.filter((s) => s !== i)) : [i])}
              />
              <label htmlFor={id}>
                <CodeSpanText text={option.text} />
              </label>
              {answered && (selected.includes(i) || option.correct) && option.explanation && (
                <p className="quiz-explanation">
                  <CodeSpanText text={option.explanation} />
                </p>
              )}
            </div>
          );
        })}
      </fieldset>
      {answered && (
        <p role="status" className={right ? 'check-pass' : 'check-fail'}>
          {right ? 'Correct.' : 'Not quite: see the explanations above.'}
        </p>
      )}
      {!answered ? (
        <button className="button primary" disabled={selected.length === 0} onClick={() => setAnswered(true)}>
          Check answer
        </button>
      ) : (
        <button
          className="button primary"
          onClick={() => {
            const all = [...answers, { questionId: question.id, selected }];
            setAnswers(all);
            setSelected([]);
            setAnswered(false);
            if (index + 1 < questions.length) {
              focusNext.current = 'question';
              setIndex(index + 1);
            } else void submit(all);
          }}
        >
          {index + 1 < questions.length ? 'Next question' : 'See my score'}
        </button>
      )}
    </section>
  );
}
