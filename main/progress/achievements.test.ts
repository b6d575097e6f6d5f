import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { achievementCategories, achievementDefinitionSchema, type AchievementDefinition } from '../../preload/contract/progress';
import { emptyTally, evaluate, newlyEarned, tallyEvent, type EvaluatedEvent } from './achievements';
import builtin from './builtin-achievements.json';

const definitions = z.array(achievementDefinitionSchema).parse(builtin);
const byId = (id: string) => definitions.find((definition) => definition.id === id)!;
const event = (facts: Partial<NonNullable<EvaluatedEvent>> & Pick<NonNullable<EvaluatedEvent>, 'kind'>): EvaluatedEvent => ({ localHour: 12, ...facts });

describe('built-in achievements', () => {
  it('are at least 25, valid, uniquely named, across the five categories', () => {
    expect(definitions.length).toBeGreaterThanOrEqual(25);
    expect(new Set(definitions.map((d) => d.id)).size).toBe(definitions.length);
    expect(new Set(definitions.map((d) => d.category))).toEqual(new Set(achievementCategories));
    for (const name of [
      'First Steps',
      'Week Warrior',
      'Monthly Habit',
      'Bug Hunter',
      'No Hints Needed',
      'Speed Demon',
      'Early Bird',
      'Night Owl',
      'Completionist',
    ]) {
      expect(definitions.map((d) => d.title)).toContain(name);
    }
    expect(definitions.some((d) => d.hidden)).toBe(true);
  });

  it('First Steps on the first completed lesson, not on a hint or a check', () => {
    const tally = emptyTally();
    tallyEvent(tally, { kind: 'hint-revealed' });
    tallyEvent(tally, { kind: 'check-passed' });
    expect(newlyEarned([byId('first-steps')], new Set(), tally, null)).toEqual([]);
    tallyEvent(tally, { kind: 'lesson-completed', courseId: 'c' });
    expect(newlyEarned([byId('first-steps')], new Set(), tally, null).map((d) => d.id)).toEqual(['first-steps']);
    expect(newlyEarned([byId('first-steps')], new Set(['first-steps']), tally, null)).toEqual([]);
  });

  it('No Hints Needed only for a challenge with zero hints', () => {
    const tally = emptyTally();
    tallyEvent(tally, { kind: 'challenge-completed', hintsUsed: 1 });
    expect(evaluate(byId('no-hints-needed').condition, tally, null).met).toBe(false);
    tallyEvent(tally, { kind: 'challenge-completed', hintsUsed: 0 });
    expect(evaluate(byId('no-hints-needed').condition, tally, null).met).toBe(true);
  });

  it('Early Bird and Night Owl read the local hour, Night Owl wrapping midnight', () => {
    const tally = emptyTally();
    const early = byId('early-bird').condition;
    const owl = byId('night-owl').condition;
    expect(evaluate(early, tally, event({ kind: 'lesson-completed', localHour: 5 })).met).toBe(true);
    expect(evaluate(early, tally, event({ kind: 'lesson-completed', localHour: 7 })).met).toBe(false);
    expect(evaluate(early, tally, event({ kind: 'hint-revealed', localHour: 5 })).met).toBe(false);
    for (const hour of [22, 23, 0, 3]) expect(evaluate(owl, tally, event({ kind: 'quiz-passed', localHour: hour })).met).toBe(true);
    for (const hour of [4, 12, 21]) expect(evaluate(owl, tally, event({ kind: 'quiz-passed', localHour: hour })).met).toBe(false);
  });

  it('shows how far a count goal is, capped at the goal', () => {
    const tally = emptyTally();
    for (let i = 0; i < 3; i++) tallyEvent(tally, { kind: 'lesson-completed', firstAttempt: false });
    expect(evaluate(byId('ten-lessons').condition, tally, null)).toEqual({ met: false, progress: 0.3, label: '3 / 10' });
    expect(evaluate(byId('bug-hunter').condition, tally, null).label).toBe('3 / 5');
    tally.global.longestStreak = 40;
    expect(evaluate(byId('streak-30').condition, tally, null)).toEqual({ met: true, progress: 1, label: '30 / 30' });
  });

  it('all / any combine, and course goals count that course only', () => {
    const tally = emptyTally();
    tallyEvent(tally, { kind: 'lesson-completed', courseId: 'a' });
    tallyEvent(tally, { kind: 'lesson-completed', courseId: 'b' });
    const courseGoal: AchievementDefinition['condition'] = { stat: 'lessonsCompleted', atLeast: 2, courseId: 'a' };
    expect(evaluate(courseGoal, tally, null).met).toBe(false);
    tallyEvent(tally, { kind: 'lesson-completed', courseId: 'a' });
    expect(evaluate(courseGoal, tally, null).met).toBe(true);
    expect(evaluate({ all: [courseGoal, { stat: 'quizzesPassed', atLeast: 1 }] }, tally, null)).toMatchObject({ met: false, progress: 0.5 });
    expect(evaluate({ any: [courseGoal, { stat: 'quizzesPassed', atLeast: 1 }] }, tally, null)).toMatchObject({ met: true });
    expect(evaluate(byId('curious-mind').condition, tally, event({ kind: 'lesson-completed', firstAttempt: false })).met).toBe(false);
    tallyEvent(tally, { kind: 'hint-revealed' });
    expect(evaluate(byId('curious-mind').condition, tally, event({ kind: 'lesson-completed', firstAttempt: false })).met).toBe(true);
  });

  it('quiz, certificate and module counts', () => {
    const tally = emptyTally();
    tallyEvent(tally, { kind: 'quiz-passed', score: 100, firstAttempt: true });
    tallyEvent(tally, { kind: 'certificate-earned', tier: 'silver' });
    tallyEvent(tally, { kind: 'module-completed', underPar: true });
    tallyEvent(tally, { kind: 'course-completed' });
    expect(tally.global).toMatchObject({
      quizzesPassed: 1,
      perfectQuizzes: 1,
      lessonsCompleted: 1,
      firstAttemptPasses: 1,
      certificates: 1,
      silverCertificates: 1,
      modulesCompleted: 1,
      underParModules: 1,
      coursesCompleted: 1,
    });
    expect(evaluate(byId('flawless').condition, tally, event({ kind: 'quiz-passed', score: 100, firstAttempt: true })).met).toBe(true);
    expect(evaluate(byId('flawless').condition, tally, event({ kind: 'quiz-passed', score: 90, firstAttempt: true })).met).toBe(false);
  });

  it('the definition format rejects unknown stats and fields', () => {
    expect(
      achievementDefinitionSchema.safeParse({ id: 'x', title: 'X', description: 'd', category: 'Mastery', condition: { stat: 'nope', atLeast: 1 } }).success,
    ).toBe(false);
    expect(
      achievementDefinitionSchema.safeParse({ id: 'x', title: 'X', description: 'd', category: 'Community', condition: { stat: 'level', atLeast: 1 } }).success,
    ).toBe(false);
    expect(
      achievementDefinitionSchema.safeParse({
        id: 'x',
        title: 'X',
        description: 'd',
        category: 'Mastery',
        condition: { event: { kind: 'quiz-passed', extra: 1 } },
      }).success,
    ).toBe(false);
  });
});
