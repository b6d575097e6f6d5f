// The open lesson asks main for the tutor's initiative once per change the learner made (a new
// Check, a new standing), not on every render: a challenge's clock redraws the canvas each second.
import { afterEach, expect, it } from 'vitest';
import type { DronaClient } from '../../../../preload/client';
import { setClient } from '../../platform/client';
import { renderHook, type RenderedHook } from '../../platform/testing/render-hook';
import { useTutorInitiative } from './use-initiative';

interface Props {
  readonly lastCheck: unknown;
  readonly standing: unknown;
  readonly tick: number;
}

let mounted: RenderedHook<Props, void> | null = null;
afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
});

it('asks again after a new Check or standing, never for a redraw alone', async () => {
  const asked: string[] = [];
  setClient({
    transport: 'serve',
    call: (async (name: string) => {
      asked.push(name);
      return { offer: null };
    }) as DronaClient['call'],
    on: () => () => undefined,
  });
  const lesson = { courseId: 'c', lessonId: 'l' };
  const standing = { status: 'started' };
  mounted = await renderHook((props: Props) => useTutorInitiative(lesson, props.lastCheck, props.standing), { lastCheck: null, standing, tick: 0 });
  expect(asked).toEqual(['tutor.nudge']);
  // The challenge clock ticks: the same Check and standing, drawn again.
  for (let tick = 1; tick <= 3; tick += 1) await mounted.rerender({ lastCheck: null, standing, tick });
  expect(asked).toHaveLength(1);
  await mounted.rerender({ lastCheck: { status: 'fail' }, standing, tick: 4 });
  await mounted.rerender({ lastCheck: { status: 'fail' }, standing: { status: 'completed' }, tick: 5 });
  expect(asked).toHaveLength(3);
});
