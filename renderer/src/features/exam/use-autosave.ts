// Saves an answer shortly after the learner stops typing, and at once when the view goes away,
// so no keystroke is lost between saves.
import { useEffect, useRef } from 'react';
import type { CallInput } from '../../../../preload/contract';
import { saveAnswer } from './exam-store';

const QUIET_MS = 500;

export function useAutosave(itemId: string): (answer: CallInput<'exam.answer'>['answer']) => void {
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; answer: CallInput<'exam.answer'>['answer'] } | null>(null);
  useEffect(
    () => () => {
      if (!pending.current) return;
      clearTimeout(pending.current.timer);
      void saveAnswer(itemId, pending.current.answer);
    },
    [itemId],
  );
  return (answer) => {
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = {
      answer,
      timer: setTimeout(() => {
        pending.current = null;
        void saveAnswer(itemId, answer);
      }, QUIET_MS),
    };
  };
}
