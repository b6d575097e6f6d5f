// The tutor's initiative, polled from the open lesson: main decides from its own signals whether
// to offer something; the canvas asks again after each Check or answer and every few seconds
// (confusion is "no edit for a while", which only a poll notices).
import { useEffect } from 'react';
import { messageOf } from '../../../../preload/contract/errors';
import { useAppStore } from '../../app/app-store';
import { useTutorStore, type LessonRef } from './tutor-store';

const POLL_MS = 15_000;

/**
 * `lastCheck` and `standing` move when the learner acts; each new one asks again. (Passed apart,
 * not as one array: a new array each render would ask on every render, a challenge's each second.)
 */
export function useTutorInitiative(lesson: LessonRef, lastCheck: unknown, standing: unknown): void {
  const { courseId, lessonId } = lesson;
  useEffect(() => {
    const ask = () =>
      useTutorStore
        .getState()
        .nudge({ courseId, lessonId })
        .catch((error: unknown) => useAppStore.getState().appendOutput({ level: 'error', source: 'tutor', message: messageOf(error) }));
    void ask();
    const timer = setInterval(() => void ask(), POLL_MS);
    return () => clearInterval(timer);
  }, [courseId, lessonId, lastCheck, standing]);
}
