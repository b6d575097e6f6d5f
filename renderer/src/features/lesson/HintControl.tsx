// The lesson's hints, one control: each hint revealed in order (each reveal recorded), its XP
// cost said before it is taken (main reads it off the XP rules), and the last hint, the one
// that gives the answer away, asks first in an app dialog.
import * as Dialog from '@radix-ui/react-dialog';
import { Lightbulb } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { messageOf } from '../../../../preload/contract';
import type { LessonContent } from '../../../../preload/contract/courses';
import type { LessonStanding } from '../../../../preload/contract/lesson';
import { useAppStore } from '../../app/app-store';
import { client } from '../../platform/client';
import { SafeChoiceDialog } from '../../platform/SafeChoiceDialog';
import { CodeSpanText } from './CodeSpanText';
import { useHintRequest } from './hint-request';

/** What the next hint costs, in the learner's words. Pure. */
export function hintCostText(next: NonNullable<LessonStanding['nextHint']>): string {
  const cost = next.xpCost > 0 ? `Costs ${next.xpCost} XP of this lesson’s award.` : 'Costs no XP.';
  return next.givesAnswer ? `${cost} The last hint gives the answer away.` : cost;
}

export function Hints({ lesson, standing, onStanding }: { lesson: LessonContent; standing: LessonStanding; onStanding(standing: LessonStanding): void }) {
  const total = standing.exercise?.hintCount ?? 0;
  const shown = standing.revealedHints;
  const next = standing.nextHint;
  const [confirming, setConfirming] = useState(false);
  const costId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const reveal = async () => {
    setConfirming(false);
    try {
      onStanding(await client().call('lesson.revealHint', { courseId: lesson.courseId, lessonId: lesson.lessonId }));
    } catch (error) {
      useAppStore.getState().appendOutput({ level: 'error', source: 'hints', message: messageOf(error) });
    }
  };
  const take = () => (!next ? undefined : next.givesAnswer ? setConfirming(true) : void reveal());
  // The tutor's offer asks for a hint through this control (a subscription: the request is an event, not state).
  const latest = useRef(take);
  useEffect(() => {
    latest.current = take;
  });
  useEffect(
    () =>
      useHintRequest.subscribe((state, previous) => {
        if (state.asked === previous.asked) return;
        button.current?.scrollIntoView({ block: 'nearest' });
        button.current?.focus();
        latest.current();
      }),
    [],
  );
  if (total === 0) return null;
  return (
    <section className="hints" aria-label="Hints">
      <ol className="hint-list">
        {shown.map((hint, index) => (
          <li key={index}>
            <CodeSpanText text={hint} />
          </li>
        ))}
      </ol>
      {next && (
        <div className="hint-take">
          <button ref={button} className="button" onClick={take} aria-describedby={costId}>
            <Lightbulb size={14} aria-hidden="true" /> {shown.length === 0 ? 'Show a hint' : 'Show the next hint'} ({shown.length}/{total})
          </button>
          <span id={costId} className="muted hint-cost">
            {hintCostText(next)}
          </span>
        </div>
      )}
      {confirming && next && (
        <SafeChoiceDialog
          className="hint-dialog"
          titleClassName="hint-dialog-title"
          safeChoiceId="hint-keep-trying"
          onDismiss={() => setConfirming(false)}
          title={
            <>
              <Lightbulb size={18} aria-hidden="true" /> Show the last hint?
            </>
          }
        >
          <Dialog.Description>
            It gives the answer away, so you will learn less from solving it. {next.xpCost > 0 ? `It costs ${next.xpCost} XP.` : 'It costs no XP.'}
          </Dialog.Description>
          <div className="hint-dialog-actions">
            <button id="hint-keep-trying" type="button" className="button" onClick={() => setConfirming(false)}>
              Keep trying
            </button>
            <button type="button" className="button primary" onClick={() => void reveal()}>
              Show the last hint
            </button>
          </div>
        </SafeChoiceDialog>
      )}
    </section>
  );
}
