// Saves an answer shortly after the learner stops typing; exam steps send what is still waiting
// before they run (exam-store.ts), so no keystroke is lost and none reaches a closed section.
import { useCallback } from 'react';
import type { CallInput } from '../../../../preload/contract';
import { saveSoon } from './exam-store';

export function useAutosave(itemId: string): (answer: CallInput<'exam.answer'>['answer']) => void {
  return useCallback((answer) => saveSoon(itemId, answer), [itemId]);
}
