// One review session over the cards due: answer, see the right options and explanations, move
// on; a summary at the end. Main grades and schedules each answer (the card never carries it).
import { useEffect, useRef, useState } from 'react';
import type { DueCard, PracticeAnswer } from '../../../../preload/contract/practice';
import { messageOf } from '../../../../preload/contract';
import { client } from '../../platform/client';
import { CodeSpanText } from '../lesson/CodeSpanText';
import { usePracticeStore } from './practice-store';

interface Outcome {
  readonly card: DueCard;
  readonly answer: PracticeAnswer;
}

export function ReviewSession({ cards, onDone }: { cards: readonly DueCard[]; onDone(): void }) {
  const [index, setIndex] = useState(0);
  const [selected, setSelected] = useState<number[]>([]);
  const [answer, setAnswer] = useState<PracticeAnswer | null>(null);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const [error, setError] = useState<string | null>(null);
  const shownAt = useRef(0);
  const cardRef = useRef<HTMLFieldSetElement>(null);
  const card = cards[index];
  const finished = index >= cards.length;

  const focusRequest = usePracticeStore((state) => state.focusRequest);
  useEffect(() => {
    shownAt.current = performance.now();
  }, [index]);
  useEffect(() => cardRef.current?.focus(), [index, focusRequest]);

  const check = async () => {
    if (!card || selected.length === 0 || answer) return;
    try {
      const result = await client().call('practice.answer', { cardId: card.id, selected, responseMs: Math.round(performance.now() - shownAt.current) });
      setAnswer(result);
      setOutcomes((all) => [...all, { card, answer: result }]);
      setError(null);
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  const next = () => {
    setSelected([]);
    setAnswer(null);
    setIndex((i) => i + 1);
    if (index + 1 >= cards.length) onDone();
  };
  const pick = (option: number) => {
    if (!card || answer) return;
    setSelected((current) => (card.multiple ? (current.includes(option) ? current.filter((i) => i !== option) : [...current, option]) : [option]));
  };

  useEffect(() => {
    if (finished) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input[type="text"], textarea, .monaco-editor')) return;
      const digit = Number(event.key);
      if (Number.isInteger(digit) && digit >= 1 && card && digit <= card.options.length) {
        event.preventDefault();
        pick(digit - 1);
      } else if (event.key === 'Enter' && !(target instanceof HTMLButtonElement)) {
        event.preventDefault();
        if (answer) next();
        else void check();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (finished) return <ReviewSummary outcomes={outcomes} />;
  if (!card) return null;
  return (
    <section className="review" aria-label="Review session">
      <p className="muted">
        Card {index + 1} of {cards.length}
        {card.lessonTitle ? ` · from “${card.lessonTitle}”` : ''} · keys 1–{card.options.length} pick, Enter checks
      </p>
      <fieldset ref={cardRef} tabIndex={-1} className="quiz-question" disabled={answer !== null}>
        <legend className="quiz-prompt">
          <CodeSpanText text={card.prompt} />
        </legend>
        {card.code && <pre className="quiz-code">{card.code}</pre>}
        {card.options.map((text, i) => {
          const id = `card-${card.id}-${i}`;
          const state = answer ? (answer.correctOptions.includes(i) ? 'right' : selected.includes(i) ? 'wrong' : '') : '';
          const explanation = answer?.explanations[i];
          return (
            <div key={id} className={`quiz-option ${state}`}>
              <input id={id} type={card.multiple ? 'checkbox' : 'radio'} name={`card-${card.id}`} checked={selected.includes(i)} onChange={() => pick(i)} />
              <label htmlFor={id}>
                <kbd className="review-key">{i + 1}</kbd> <CodeSpanText text={text} />
              </label>
              {answer && explanation && (selected.includes(i) || answer.correctOptions.includes(i)) && (
                <p className="quiz-explanation">
                  <CodeSpanText text={explanation} />
                </p>
              )}
            </div>
          );
        })}
      </fieldset>
      {error && <p role="alert">{error}</p>}
      {answer && (
        <p role="status" className={answer.correct ? 'check-pass' : 'check-fail'}>
          {answer.correct ? 'Correct.' : 'Not quite: the right answer is marked.'} Next review {describeDue(answer.nextDueAt)}.
        </p>
      )}
      {answer ? (
        <button className="button primary" onClick={next}>
          {index + 1 < cards.length ? 'Next card' : 'Finish'}
        </button>
      ) : (
        <button className="button primary" disabled={selected.length === 0} onClick={() => void check()}>
          Check answer
        </button>
      )}
    </section>
  );
}

function describeDue(at: number): string {
  const minutes = Math.round((at - Date.now()) / 60_000);
  if (minutes < 60) return `in ${Math.max(1, minutes)} minute${minutes === 1 ? '' : 's'}`;
  const days = Math.round(minutes / 1440);
  if (days < 1) return `in ${Math.round(minutes / 60)} hours`;
  return `in ${days} day${days === 1 ? '' : 's'}`;
}

function ReviewSummary({ outcomes }: { outcomes: readonly Outcome[] }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const right = outcomes.filter((outcome) => outcome.answer.correct).length;
  const missed = outcomes.filter((outcome) => !outcome.answer.correct);
  return (
    <section className="review" aria-label="Review summary">
      <h2 ref={headingRef} tabIndex={-1}>
        Review done
      </h2>
      <p>
        You recalled {right} of {outcomes.length} {outcomes.length === 1 ? 'card' : 'cards'}.{' '}
        {missed.length === 0 ? 'Each comes back later, further apart as you keep remembering it.' : 'The ones you missed come back soon.'}
      </p>
      {missed.length > 0 && (
        <ul className="review-missed" aria-label="Cards to look at again">
          {missed.map(({ card }) => (
            <li key={card.id}>
              <CodeSpanText text={card.prompt} />
              {card.lessonTitle && <span className="muted"> · {card.lessonTitle}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
