import { describe, expect, it } from 'vitest';
import { NARROW_WINDOW_PX, panelPlan } from './view-focus';

describe('panelPlan', () => {
  it('folds only what is open, and the side panel only on a narrow window', () => {
    for (const bottomOpen of [true, false])
      for (const sideOpen of [true, false])
        for (const windowWidth of [1024, NARROW_WINDOW_PX - 1, NARROW_WINDOW_PX, 1440]) {
          expect(panelPlan({ exercise: true, windowWidth, bottomOpen, sideOpen })).toEqual({
            collapseBottom: bottomOpen,
            collapseSide: sideOpen && windowWidth < NARROW_WINDOW_PX,
          });
          expect(panelPlan({ exercise: false, windowWidth, bottomOpen, sideOpen })).toEqual({ collapseBottom: false, collapseSide: false });
        }
  });
});
