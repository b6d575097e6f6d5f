import { describe, expect, it, vi } from 'vitest';
import { awardedEvent } from '../../../../preload/contract/testing/awarded-events';

// The store module talks to main through the client; these rules never do.
vi.mock('../../platform/client', () => ({ client: () => ({}) }));
const { quietedByOpenLesson, toastsFor } = await import('./progress-store');

const event = awardedEvent;

describe('toasts', () => {
  it('say why the XP was given: each part with its base and bonuses', () => {
    const toasts = toastsFor(
      event({ courseId: 'c', lessonId: 'l', awarded: [{ activity: 'lesson-completed', amount: 55, bonusPercent: 10, baseXp: 50, bonuses: ['streak'] }] }),
    );
    expect(toasts).toEqual([{ kind: 'xp', text: '+55 XP · Lesson: 50 XP + 10% (streak) = 55 XP', source: 'lesson-completed', courseId: 'c', lessonId: 'l' }]);
  });

  it('an open lesson quiets only its own completion toasts', () => {
    const open = { courseId: 'c', lessonId: 'l' };
    const own = { source: 'lesson-completed' as const, courseId: 'c', lessonId: 'l' };
    expect(quietedByOpenLesson(own, open)).toBe(true);
    expect(quietedByOpenLesson({ ...own, lessonId: 'other' }, open)).toBe(false);
    expect(quietedByOpenLesson({ ...own, courseId: 'other' }, open)).toBe(false);
    expect(quietedByOpenLesson(own, null)).toBe(false);
    expect(quietedByOpenLesson({ ...own, source: 'hint-revealed' }, open)).toBe(false);
    // An award main could not tie to a lesson is never hidden.
    expect(quietedByOpenLesson({ source: 'lesson-completed' }, open)).toBe(false);
  });
});
