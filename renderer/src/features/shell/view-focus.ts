// What the canvas is showing, for the shell's layout: an exercise wants the editor to have the
// room, so the bottom panel folds to its tab strip (and, on a narrow window, the side panel
// folds away) while it is open, and both come back as they were when the learner leaves it.
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

/** Windows narrower than this give an exercise the side panel's width too. */
export const NARROW_WINDOW_PX = 1200;

/** Pure: what the shell does to its panels when the exercise focus changes. */
export function panelPlan(input: { exercise: boolean; windowWidth: number; bottomOpen: boolean; sideOpen: boolean }) {
  if (input.exercise) {
    return { collapseBottom: input.bottomOpen, collapseSide: input.sideOpen && input.windowWidth < NARROW_WINDOW_PX };
  }
  return { collapseBottom: false, collapseSide: false };
}
