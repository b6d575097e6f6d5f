import { describe, expect, it } from 'vitest';
import { awardedEvent } from '../../../../preload/contract/testing/awarded-events';
import { completionSummary, describeAward, hintsPart, streakChange } from './completion';

const event = awardedEvent;

describe('completionSummary', () => {
  it('explains each award: base, bonus and its reasons', () => {
    expect(describeAward({ activity: 'lesson-completed', amount: 67, bonusPercent: 35, baseXp: 50, bonuses: ['first-attempt', 'streak'] })).toBe(
      'Lesson: 50 XP + 35% (first try, streak) = 67 XP',
    );
    expect(describeAward({ activity: 'lesson-completed', amount: 50, bonusPercent: 0, baseXp: 50, bonuses: [] })).toBe('Lesson: 50 XP');
    expect(describeAward({ activity: 'mystery', amount: 5, bonusPercent: 0 })).toBe('mystery: 5 XP');
    expect(describeAward({ activity: 'challenge-completed', amount: 130, bonusPercent: 0, baseXp: 150, bonuses: [], deductedXp: 20 })).toBe(
      'Challenge: 150 XP − 20 XP (later hints) = 130 XP',
    );
  });

  it('adds the parts, names a level reached and achievements, and ignores other kinds', () => {
    const summary = completionSummary([
      event({ kind: 'check-passed' }),
      event({ awarded: [{ activity: 'lesson-completed', amount: 55, bonusPercent: 10, baseXp: 50, bonuses: ['streak'] }], levelAfter: 2 }),
      event({
        kind: 'module-completed',
        awarded: [{ activity: 'module-completed', amount: 300, bonusPercent: 0 }],
        achievements: [{ id: 'a', title: 'First steps' }],
        levelBefore: 2,
        levelAfter: 2,
      }),
      event({ kind: 'hint-revealed', awarded: [{ activity: 'hint', amount: 99, bonusPercent: 0 }], levelAfter: 9 }),
    ]);
    expect(summary).toEqual({
      xp: 355,
      parts: ['Lesson: 50 XP + 10% (streak) = 55 XP', 'Module finished: 300 XP'],
      levelReached: 2,
      achievements: ['First steps'],
    });
    expect(completionSummary([])).toEqual({ xp: 0, parts: [], levelReached: null, achievements: [] });
  });
});

describe('hintsPart and streakChange', () => {
  it('says what the hints cost: a challenge its no-hints bonus and a share per later hint, other lessons nothing', () => {
    expect(hintsPart('challenge', 0)).toBeNull();
    expect(hintsPart('practice', 0)).toBeNull();
    expect(hintsPart('challenge', 1)).toBe('Hints: 1 used, so 150 XP less (no “no hints” bonus)');
    expect(hintsPart('challenge', 3)).toBe('Hints: 3 used, so 180 XP less (no “no hints” bonus, and 30 XP for the hints after the first)');
    expect(hintsPart('practice', 2)).toBe('Hints: 2 used, at no XP cost');
    expect(hintsPart('guided', 1)).toBe('Hints: 1 used, at no XP cost');
    // The lesson's authored cost per later hint, as the award uses it.
    expect(hintsPart('challenge', 3, 10)).toBe('Hints: 3 used, so 170 XP less (no “no hints” bonus, and 20 XP for the hints after the first)');
    expect(hintsPart('challenge', 3, 0)).toBe('Hints: 3 used, so 150 XP less (no “no hints” bonus)');
  });

  it('names a streak that started or grew, and nothing when today had already counted', () => {
    expect(streakChange(0, 1)).toBe('Streak started: day 1. Come back tomorrow to keep it going.');
    expect(streakChange(4, 5)).toBe('Streak: 5 days in a row.');
    expect(streakChange(5, 5)).toBeNull();
    expect(streakChange(null, 1)).toBeNull();
    expect(streakChange(1, null)).toBeNull();
  });
});
