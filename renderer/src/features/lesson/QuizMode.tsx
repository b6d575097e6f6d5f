// One question at a time, immediate feedback with the explanation, then the score and a review of
// the questions missed; main re-scores the answers and completes the lesson at the pass mark.
// Each step is kept in main, so a reload carries on at the same question.
import { useEffect, useRef, useState } from 'react';
import type { LessonStanding, QuizProgress } from '../../../../preload/contract/lesson';
import { useAppStore } from '../../app/app-store';
import { client } from '../../platform/client';
import { useCall } from '../../platform/use-call';
import { CodeSpanText } from './CodeSpanText';
import type { LessonContent } from '../../../../preload/contract/courses';
import { messageOf } from '../../../../preload/contract';
import { QuizResult, type QuizOutcome } from './QuizReview';

const fresh: QuizProgress = { index: 0, answers: [], selected: [], answered: false };
const sayError = (error: unknown) => useAppStore.getState().appendOutput({ level: 'error', source: 'quiz', message: messageOf(error) });

export function QuizMode({ lesson, onStanding }: { lesson: LessonContent; onStanding(standing: LessonStanding): void }) {
  const ref = { courseId: lesson.courseId, lessonId: lesson.lessonId };
  const saved = useCall('lesson.quizProgress', ref);
  // Until main answers, the quiz waits (a fresh start would flash, then jump to the saved question).
  const restoring = saved.loading && saved.data === null && saved.error === null;
  return restoring ? (
    <p className="muted" role="status">
      Loading the quiz…
    </p>
  ) : (
    <QuizSteps lesson={lesson} initial={saved.data ?? fresh} onStanding={onStanding} />
  );
}

function QuizSteps({ lesson, initial, onStanding }: { lesson: LessonContent; initial: QuizProgress; onStanding(standing: LessonStanding): void }) {
  const questions = lesson.quiz?.questions ?? [];
  const [progress, setProgress] = useState<QuizProgress>(initial);
  const [result, setResult] = useState<QuizOutcome | null>(null);
  const { index, selected, answered, answers } = progress;
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

  const step = (next: QuizProgress) => {
    setProgress(next);
    client().call('lesson.saveQuizProgress', { courseId: lesson.courseId, lessonId: lesson.lessonId, progress: next }).catch(sayError);
  };

  if (questions.length === 0) return <p className="muted">This quiz has no questions.</p>;

  if (result) {
    return (
      <QuizResult
        lesson={lesson}
        result={result}
        headingRef={resultRef}
        onRetry={() => {
          focusNext.current = 'question';
          step(fresh);
          setResult(null);
        }}
      />
    );
  }
  if (!question) return null;

  const multiple = question.kind === 'multiple';
  const correct = question.options.flatMap((option, i) => (option.correct ? [i] : []));
  const right = answered && selected.length === correct.length && correct.every((i) => selected.includes(i));

  const submit = async (all: QuizProgress['answers']) => {
    try {
      const outcome = await client().call('lesson.submitQuiz', { courseId: lesson.courseId, lessonId: lesson.lessonId, answers: all });
      focusNext.current = 'result';
      setResult({ ...outcome, answers: all });
      onStanding(outcome.standing);
    } catch (error) {
      sayError(error);
    }
  };

  const moveOn = () => {
    const all = [...answers, { questionId: question.id, selected }];
    if (index + 1 < questions.length) {
      focusNext.current = 'question';
      step({ index: index + 1, answers: all, selected: [], answered: false });
    } else void submit(all);
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
              {/* The whole row is the label, so the target is the row, not the 13 px control. */}
              <label htmlFor={id} className="quiz-option-target">
                <input
                  id={id}
                  type={multiple ? 'checkbox' : 'radio'}
                  name={question.id}
                  checked={selected.includes(i)}
                  onChange={(event) =>
                    step({ ...progress, selected: multiple ? (event.target.checked ? [...selected, i] : selected.filter((s) => s !== i)) : [i] })
                  }
                />
                <span>
                  <CodeSpanText text={option.text} />
                </span>
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
      {/* Sticks to the foot of the lesson's scroll area: never below the fold or behind the bottom panel. */}
      <div className="quiz-actions">
        {answered && (
          <p role="status" className={right ? 'check-pass' : 'check-fail'}>
            {right ? 'Correct.' : 'Not quite: see the explanations above.'}
          </p>
        )}
        {!answered ? (
          <button className="button primary" disabled={selected.length === 0} onClick={() => step({ ...progress, answered: true })}>
            Check answer
          </button>
        ) : (
          <button className="button primary" onClick={moveOn}>
            {index + 1 < questions.length ? 'Next question' : 'See my score'}
          </button>
        )}
      </div>
    </section>
  );
}
