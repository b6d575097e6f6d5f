import { describe, expect, it } from 'vitest';
import { activities } from '../../../../preload/contract/profile';
import { bottomSizeFor, DEFAULT_BOTTOM, foldsSide, layoutView, NARROW_WINDOW_PX, rememberBottom } from './view-layout';

describe('layoutView', () => {
  it('names the Learn canvas by what it shows and every other activity by itself', () => {
    expect(layoutView('learn', { lesson: false, exercise: false })).toBe('catalog');
    expect(layoutView('learn', { lesson: true, exercise: false })).toBe('lesson');
    expect(layoutView('learn', { lesson: true, exercise: true })).toBe('exercise');
    for (const activity of activities.filter((entry) => entry !== 'learn')) expect(layoutView(activity, { lesson: true, exercise: true })).toBe(activity);
  });
});

describe('bottom panel per view', () => {
  it('is closed by default where it has no work, and open beside a reading lesson', () => {
    for (const view of ['catalog', 'exercise', 'progress', 'certificates', 'settings', 'leaderboard', 'practice'] as const)
      expect(bottomSizeFor(view, undefined)).toBe(0);
    expect(bottomSizeFor('lesson', undefined)).toBe(DEFAULT_BOTTOM.lesson);
  });

  it('keeps what the learner chose in each view, closed included, and leaves the others alone', () => {
    let remembered = rememberBottom(undefined, 'catalog', 42.123);
    remembered = rememberBottom(remembered, 'lesson', 0);
    expect(bottomSizeFor('catalog', remembered)).toBe(42.1);
    expect(bottomSizeFor('lesson', remembered)).toBe(0);
    expect(bottomSizeFor('progress', remembered)).toBe(0);
    expect(rememberBottom({}, 'settings', 140)).toEqual({ settings: 100 });
  });
});

describe('foldsSide', () => {
  it('folds the side panel only for an exercise on a narrow window', () => {
    expect(foldsSide('exercise', NARROW_WINDOW_PX - 1)).toBe(true);
    expect(foldsSide('exercise', NARROW_WINDOW_PX)).toBe(false);
    expect(foldsSide('lesson', 1024)).toBe(false);
  });
});
