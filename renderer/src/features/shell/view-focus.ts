// What the canvas is showing, for the shell's layout: an exercise wants the editor to have the
// room, so the bottom panel folds to its tab strip (and, on a narrow window, the side panel
// folds away) while it is open, and both come back as they were when the learner leaves it.
import { useEffect } from 'react';
import { create } from 'zustand';

interface ViewFocusState {
  /** True while an exercise (instructions | editor) fills the canvas. */
  exercise: boolean;
}

export const useViewFocus = create<ViewFocusState>(() => ({ exercise: false }));

/** Marks the canvas as an exercise for as long as the calling component shows one. */
export function useExerciseFocus(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    useViewFocus.setState({ exercise: true });
    return () => useViewFocus.setState({ exercise: false });
  }, [active]);
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
