// The shell's layout follows what the canvas shows: the bottom panel (tutor, terminal, output)
// is closed where it has no work (the catalog, Progress, Certificates, Settings...) and keeps the
// height the learner gave it in each view; the side panel reopens at its last width.
import type { Layout } from '../../../../preload/contract/profile';

export type LayoutView = 'catalog' | 'lesson' | 'exercise' | Exclude<Layout['activity'], 'learn'>;

export function layoutView(activity: Layout['activity'], focus: { lesson: boolean; exercise: boolean }): LayoutView {
  if (activity !== 'learn') return activity;
  return focus.exercise ? 'exercise' : focus.lesson ? 'lesson' : 'catalog';
}

/** The bottom panel's height where the learner has not chosen one: open only beside a reading lesson (the tutor's place). */
export const DEFAULT_BOTTOM: Readonly<Record<LayoutView, number>> = {
  catalog: 0,
  lesson: 30,
  // The exercise has its own results under the editor; the editor gets the height.
  exercise: 0,
  practice: 0,
  progress: 0,
  certificates: 0,
  leaderboard: 0,
  settings: 0,
};

/** The bottom panel's height (percent of the centre, 0 = closed) for a view. */
export function bottomSizeFor(view: LayoutView, remembered: Layout['bottomByView']): number {
  return remembered?.[view] ?? DEFAULT_BOTTOM[view];
}

/** The remembered heights with this view's new one (0 when the learner closed it). */
export function rememberBottom(remembered: Layout['bottomByView'], view: LayoutView, size: number): Record<string, number> {
  return { ...remembered, [view]: Math.round(Math.max(0, Math.min(100, size)) * 10) / 10 };
}

/** Windows narrower than this give an exercise the side panel's width too. */
export const NARROW_WINDOW_PX = 1200;

/** The side panel is never narrower than this when open: lesson names stay on one or two lines. */
export const SIDE_MIN_PX = 240;

/** Whether an exercise on a window this wide folds the side panel away. */
export const foldsSide = (view: LayoutView, windowWidth: number) => view === 'exercise' && windowWidth < NARROW_WINDOW_PX;
