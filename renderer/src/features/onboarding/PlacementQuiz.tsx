// The optional placement quiz: adaptive questions over a course's concepts, about ten minutes,
// skippable at any point (what was answered is kept). Main picks each question and keeps the
// answers; the window shows the question and sends the learner's choice.
import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from '../../../../preload/contract';
import type { PlacementStep } from '../../../../preload/contract/path';
import { useAction } from '../../platform/use-action';
import { client } from '../../platform/client';

export function PlacementQuiz({ courseId, onDone }: { courseId: string; onDone: (result: PlacementStep) => void }) {
  const [step, setStep] = useState<PlacementStep | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const { busy, error, setError, act: run } = useAction();
  const shownAt = useRef(0);
  const questionRef = useRef<HTMLFieldSetElement>(null);

  /** Shows the next question (its time starts now), or ends the quiz. */
  const show = useCallback(
    (next: PlacementStep) => {
      if (!next.question) return onDone(next);
      shownAt.current = Date.now();
      setSelected([]);
      setStep(next);
    },
    [onDone],
  );

  useEffect(() => {
    let current = true;
    client()
      .call('path.startPlacement', { courseId })
      .then((first) => current && show(first))
      .catch((caught: unknown) => current && setError(messageOf(caught)));
    return () => {
      current = false;
    };
  }, [courseId, show, setError]);

  useEffect(() => questionRef.current?.focus(), [step?.question?.questionId]);

  const act = async (action: () => Promise<PlacementStep>) => {
    const next = await run(action);
    if (next) show(next);
  };

  if (error) {
    return (
      <p className="form-error" role="alert">
        The placement quiz could not go on: {error}
      </p>
    );
  }
  const question = step?.question;
  if (!step || !question) return <p className="muted">Preparing the placement quiz…</p>;
  const pick = (index: number) =>
    setSelected((current) => (question.multiple ? (current.includes(index) ? current.filter((i) => i !== index) : [...current, index]) : [index]));
  const placementId = step.placementId;
  return (
    <section className="placement" aria-label="Placement quiz">
      <p className="muted">
        Question {step.asked + 1} of at most {step.limit} · about {question.conceptTitle}
      </p>
      <fieldset ref={questionRef} tabIndex={-1} className="quiz-question" disabled={busy}>
        <legend className="quiz-prompt">{question.prompt}</legend>
        {question.code && <pre className="quiz-code">{question.code}</pre>}
        {question.options.map((text, i) => (
          <label key={`${question.questionId}-${i}`} className="choice">
            <input
              type={question.multiple ? 'checkbox' : 'radio'}
              name={`placement-${question.questionId}`}
              checked={selected.includes(i)}
              onChange={() => pick(i)}
            />
            {text}
          </label>
        ))}
      </fieldset>
      <div className="placement-actions">
        <button type="button" className="button" disabled={busy} onClick={() => void act(() => client().call('path.finishPlacement', { placementId }))}>
          Skip the rest
        </button>
        <button
          type="button"
          className="button primary"
          disabled={busy || selected.length === 0}
          onClick={() => void act(() => client().call('path.answerPlacement', { placementId, selected, responseMs: Date.now() - shownAt.current }))}
        >
          Next question
        </button>
      </div>
    </section>
  );
}
