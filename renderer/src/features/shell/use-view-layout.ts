// Applies view-layout to the shell's panels: on entering a view the bottom panel takes the
// height remembered for it (or its default), an exercise on a narrow window folds the side
// panel (given back on leaving), and the learner's own resizes are remembered per view.
import { useEffect, useRef } from 'react';
import type { Layout as PanelSizes, usePanelRef } from 'react-resizable-panels';
import { useAppStore } from '../../app/app-store';
import { useViewFocus } from './view-focus';
import { bottomSizeFor, foldsSide, layoutView, rememberBottom, type LayoutView } from './view-layout';

type PanelHandle = ReturnType<typeof usePanelRef>;

/** Opens a folded panel at `percent` of its group (when given), else where the library left it. */
export function openPanel(panel: PanelHandle['current'], percent?: number) {
  if (!panel) return;
  if (panel.isCollapsed()) panel.expand();
  if (percent) panel.resize(`${percent}%`);
}

/** Opens the side panel at the width it had when last open. */
export function openSide(panel: PanelHandle['current']) {
  if (panel?.isCollapsed()) openPanel(panel, useAppStore.getState().settings?.layout.sideWidth);
}

export function useViewLayout(sideRef: PanelHandle, bottomRef: PanelHandle) {
  const activity = useAppStore((state) => state.settings!.layout.activity);
  const focus = useViewFocus();
  const view = layoutView(activity, focus);
  // The view a resize belongs to; set before the panels move, so the move is filed under it.
  const current = useRef<LayoutView>(view);
  const foldedSide = useRef(false);
  // The groups report their default layout on mount, before this view's layout is applied: that is not the learner's choice.
  const applied = useRef(false);

  useEffect(() => {
    current.current = view;
    const apply = () => {
      const side = sideRef.current;
      const bottom = bottomRef.current;
      if (!side || !bottom) return;
      const size = bottomSizeFor(view, useAppStore.getState().settings?.layout.bottomByView);
      if (size === 0) bottom.collapse();
      else openPanel(bottom, size);
      if (foldsSide(view, window.innerWidth)) {
        if (!side.isCollapsed()) {
          side.collapse();
          foldedSide.current = true;
        }
      } else if (foldedSide.current) {
        foldedSide.current = false;
        openSide(side);
      }
    };
    apply();
    // On the first paint the panels may not have measured their group yet: once more after it.
    const frame = requestAnimationFrame(() => {
      apply();
      applied.current = true;
    });
    return () => cancelAnimationFrame(frame);
  }, [view, sideRef, bottomRef]);

  return {
    /** The centre's split changed: remember the bottom panel's height for this view. */
    onVerticalChanged(vertical: PanelSizes) {
      const { settings, updateLayout } = useAppStore.getState();
      if (!settings) return;
      if (!applied.current) return void updateLayout({ vertical });
      const bottom = bottomRef.current?.isCollapsed() ? 0 : (vertical.bottom ?? 0);
      void updateLayout({ vertical, bottomByView: rememberBottom(settings.layout.bottomByView, current.current, bottom) });
    },
    /** The side split changed: remember the side panel's width while it is open. */
    onHorizontalChanged(horizontal: PanelSizes) {
      const side = horizontal.side ?? 0;
      void useAppStore.getState().updateLayout(side > 0 ? { horizontal, sideWidth: side } : { horizontal });
    },
  };
}
