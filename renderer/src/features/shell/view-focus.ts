// What the canvas is showing, for the shell's layout (view-layout): a lesson, and whether it is
// an exercise (instructions | editor), which wants the room.
import { useEffect } from 'react';
import { create } from 'zustand';

interface ViewFocusState {
  /** True while a lesson is open: it celebrates its own completion, so corner toasts keep quiet. */
  lesson: boolean;
  /** True while an exercise (instructions | editor) fills the canvas. */
  exercise: boolean;
}

export const useViewFocus = create<ViewFocusState>(() => ({ lesson: false, exercise: false }));

/** Marks the canvas as a lesson (an exercise or not) for as long as the calling component shows it. */
export function useLessonFocus(exercise: boolean): void {
  useEffect(() => {
    useViewFocus.setState({ lesson: true, exercise });
    return () => useViewFocus.setState({ lesson: false, exercise: false });
  }, [exercise]);
}
