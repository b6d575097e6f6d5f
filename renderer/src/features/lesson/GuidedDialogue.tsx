// A guided discovery as a dialogue: the tutor's questions one at a time, the learner's answers
// under them, the authored Socratic follow-up after a wrong answer, and the discovery at the
// end. Main judges every answer (lesson.answerStep); a check step is judged from main's own
// latest Check, asked for after each Check the learner runs here.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { CheckResult } from '../../../../preload/contract/sandbox';
import type { LessonStanding, StepAnswerInput } from '../../../../preload/contract/lesson';
import type { LessonContent } from '../../../../preload/contract/courses';
import { messageOf } from '../../../../preload/contract';
import { client } from '../../platform/client';
import { CodeSpanText } from './CodeSpanText';
import { onSubmitRun } from '../../platform/on-submit';

interface Turn {
  readonly stepId: string;
  readonly answer: string;
  readonly followUp: string | null;
}

/** An answer form for the current step: submitting (Enter or the button) never reloads the page. */
function StepForm({ onSubmit, children }: { onSubmit(): void; children: ReactNode }) {
  return (
    <form className="guided-form" onSubmit={onSubmitRun(onSubmit)}>
      {children}
    </form>
  );
}

export function GuidedDialogue({
  lesson,
  standing,
  lastCheck,
  onStanding,
}: {
  lesson: LessonContent;
  standing: LessonStanding;
  lastCheck: CheckResult | null;
  onStanding(standing: LessonStanding): void;
}) {
  const steps = lesson.guided?.steps ?? [];
  const passed = new Set(standing.stepsPassed);
  const current = steps.find((step) => !passed.has(step.id)) ?? null;
  const [turns, setTurns] = useState<Turn[]>([]);
  const [text, setText] = useState('');
  const [option, setOption] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const answer = async (input: StepAnswerInput, shown: string) => {
    if (!current) return;
    try {
      const outcome = await client().call('lesson.answerStep', { courseId: lesson.courseId, lessonId: lesson.lessonId, stepId: current.id, answer: input });
      setTurns((previous) => [...previous, { stepId: current.id, answer: shown, followUp: outcome.followUp }]);
      setText('');
      setOption(null);
      setError(null);
      onStanding(outcome.standing);
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  // A Check run while a check step is open answers it; the Check restored on opening does not,
  // nor does one run before the step opened (it is marked seen as it arrives).
  const seenCheck = useRef(lastCheck);
  const answerRef = useRef(answer);
  useEffect(() => {
    answerRef.current = answer;
  });
  useEffect(() => {
    if (!lastCheck || lastCheck === seenCheck.current) return;
    seenCheck.current = lastCheck;
    if (current?.kind !== 'check') return;
    const passing = lastCheck.tests.filter((test) => test.status === 'pass').length;
    void answerRef.current({ kind: 'check' }, `Ran Check: ${passing} of ${lastCheck.tests.length} tests passing`);
  }, [lastCheck, current?.kind]);

  const shownSteps = current ? [...steps.filter((step) => passed.has(step.id)), current] : steps;
  return (
    <section className="guided" aria-label="Guided discovery">
      <div role="log" aria-live="polite">
        <ol className="guided-log">
          {shownSteps.map((step) => (
            <li key={step.id} className="guided-step">
              <p className="guided-question">
                <span className="guided-who">Tutor</span> <CodeSpanText text={step.question} />
              </p>
              {turns
                .filter((turn) => turn.stepId === step.id)
                .map((turn, index) => (
                  <div key={index}>
                    <p className="guided-answer">
                      <span className="guided-who">You</span> {turn.answer}
                    </p>
                    {turn.followUp && (
                      <p className="guided-question guided-follow-up">
                        <span className="guided-who">Tutor</span> <CodeSpanText text={turn.followUp} />
                      </p>
                    )}
                  </div>
                ))}
              {passed.has(step.id) && <p className="guided-right">Right.</p>}
            </li>
          ))}
        </ol>
      </div>
      {standing.discovery && (
        <p className="guided-discovery" role="status">
          <strong>What you found out:</strong> <CodeSpanText text={standing.discovery} />
        </p>
      )}
      {current?.kind === 'free' && (
        <StepForm onSubmit={() => void answer({ kind: 'free', text }, text)}>
          <label htmlFor="guided-free">Your answer</label>
          <textarea id="guided-free" rows={2} value={text} onChange={(event) => setText(event.target.value)} />
          <button className="button primary" disabled={text.trim() === ''}>
            Answer
          </button>
        </StepForm>
      )}
      {current?.kind === 'choice' && (
        <StepForm onSubmit={() => option !== null && void answer({ kind: 'choice', option }, current.options?.[option] ?? '')}>
          <fieldset className="quiz-question">
            <legend className="visually-hidden">Choose one</legend>
            {current.options?.map((text, index) => (
              <label key={index} className="quiz-option">
                <input type="radio" name={`guided-${current.id}`} checked={option === index} onChange={() => setOption(index)} />
                <CodeSpanText text={text} />
              </label>
            ))}
          </fieldset>
          <button className="button primary" disabled={option === null}>
            Answer
          </button>
        </StepForm>
      )}
      {current?.kind === 'check' && <p className="muted">Write the code in the editor, then press Check: the tests answer this step.</p>}
      {error && <p className="form-error">{error}</p>}
    </section>
  );
}
