// Time spent in a lesson counts only while the learner is there: the window visible and
// focused, and some input (keys, pointer, scroll) within the idle limit.
import { useEffect } from 'react';
import { client } from '../../platform/client';

export const TICK_SECONDS = 15;
export const IDLE_AFTER_SECONDS = 60;
const FLUSH_EVERY_SECONDS = 60;

export interface Presence {
  readonly visible: boolean;
  readonly focused: boolean;
  readonly lastInputAt: number;
}

/** Seconds of one tick that count as active: all of it, or none when away or idle. */
export function activeSecondsOfTick(presence: Presence, now: number, tickSeconds = TICK_SECONDS, idleAfterSeconds = IDLE_AFTER_SECONDS): number {
  if (!presence.visible || !presence.focused) return 0;
  return now - presence.lastInputAt <= idleAfterSeconds * 1000 ? tickSeconds : 0;
}

/** Adds the learner's active time in this lesson to their progress, in batches, and on leaving it. */
export function useActiveTime(courseId: string, lessonId: string): void {
  useEffect(() => {
    let lastInputAt = Date.now();
    let pending = 0;
    const onInput = () => {
      lastInputAt = Date.now();
    };
    const flush = () => {
      const seconds = Math.min(pending, 120);
      if (seconds < 1) return;
      pending -= seconds;
      void client()
        .call('lesson.addActiveTime', { courseId, lessonId, seconds })
        .catch(() => {
          pending += seconds; // kept for the next flush
        });
    };
    const events = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'scroll'] as const;
    for (const name of events) window.addEventListener(name, onInput, { passive: true, capture: true });
    const tick = window.setInterval(() => {
      pending += activeSecondsOfTick({ visible: document.visibilityState === 'visible', focused: document.hasFocus(), lastInputAt }, Date.now());
      if (pending >= FLUSH_EVERY_SECONDS) flush();
    }, TICK_SECONDS * 1000);
    return () => {
      window.clearInterval(tick);
      for (const name of events) window.removeEventListener(name, onInput, { capture: true });
      flush();
    };
  }, [courseId, lessonId]);
}
