import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyBonuses, awardFor, BASE_XP, DEFAULT_CHALLENGE_HINT_XP, hintCostOf, type AwardFacts } from './xp-rules';

const ev = (event: AwardFacts): AwardFacts => event;
const noStreak = { streakActive: false };
const streak = { streakActive: true };

describe('XP per activity', () => {
  it.each([
    ['lesson, plain', ev({ kind: 'lesson-completed' }), noStreak, 50, 0],
    ['lesson, first attempt', ev({ kind: 'lesson-completed', firstAttempt: true }), noStreak, 62, 25], // 62.5 rounds down
    ['lesson, active streak', ev({ kind: 'lesson-completed', firstAttempt: false }), streak, 55, 10],
    ['lesson, first attempt on a streak: bonuses add (35 %), then round down', ev({ kind: 'lesson-completed', firstAttempt: true }), streak, 67, 35],
    ['quiz at 80 %', ev({ kind: 'quiz-passed', score: 80 }), streak, 100, 0],
    ['quiz at 99.9 %', ev({ kind: 'quiz-passed', score: 99.9 }), noStreak, 100, 0],
    ['quiz perfect', ev({ kind: 'quiz-passed', score: 100 }), noStreak, 150, 50],
    ['challenge with one hint', ev({ kind: 'challenge-completed', hintsUsed: 1 }), noStreak, 150, 0],
    ['challenge with two hints: the default 15 XP off', ev({ kind: 'challenge-completed', hintsUsed: 2 }), noStreak, 135, 0],
    ['challenge with nine hints: at most half off', ev({ kind: 'challenge-completed', hintsUsed: 9 }), noStreak, 75, 0],
    ['challenge with three hints at an authored 10 XP', ev({ kind: 'challenge-completed', hintsUsed: 3, hintXpCost: 10 }), noStreak, 130, 0],
    ['challenge with two hints at an authored 0 XP', ev({ kind: 'challenge-completed', hintsUsed: 2, hintXpCost: 0 }), noStreak, 150, 0],
    ['challenge with two hints at an authored 1000 XP: half off', ev({ kind: 'challenge-completed', hintsUsed: 2, hintXpCost: 1000 }), noStreak, 75, 0],
    ['challenge with one hint: the authored cost starts after it', ev({ kind: 'challenge-completed', hintsUsed: 1, hintXpCost: 40 }), noStreak, 150, 0],
    ['challenge without hints: the authored cost changes nothing', ev({ kind: 'challenge-completed', hintsUsed: 0, hintXpCost: 40 }), noStreak, 300, 100],
    ['challenge without hints', ev({ kind: 'challenge-completed', hintsUsed: 0 }), streak, 300, 100],
    ['challenge, hints unknown: no bonus', ev({ kind: 'challenge-completed' }), noStreak, 150, 0],
    ['module', ev({ kind: 'module-completed' }), noStreak, 300, 0],
    ['module under par', ev({ kind: 'module-completed', underPar: true }), noStreak, 375, 25],
    ['bronze', ev({ kind: 'certificate-earned', tier: 'bronze', firstAttempt: true, exceptional: true }), noStreak, 500, 0],
    ['silver', ev({ kind: 'certificate-earned', tier: 'silver' }), noStreak, 1000, 0],
    ['silver first attempt', ev({ kind: 'certificate-earned', tier: 'silver', firstAttempt: true }), noStreak, 1500, 50],
    ['gold', ev({ kind: 'certificate-earned', tier: 'gold', firstAttempt: true }), noStreak, 2500, 0],
    ['gold exceptional', ev({ kind: 'certificate-earned', tier: 'gold', exceptional: true }), noStreak, 5000, 100],
  ] as const)('%s', (_name, event, context, amount, bonusPercent) => {
    const award = awardFor(event, context)!;
    expect(award.amount).toBe(amount);
    expect(award.bonusPercent).toBe(bonusPercent);
  });

  it('the streak bonus applies to lessons only', () => {
    expect(awardFor(ev({ kind: 'quiz-passed', score: 90 }), streak)!.amount).toBe(100);
    expect(awardFor(ev({ kind: 'module-completed' }), streak)!.amount).toBe(300);
  });

  it.each([
    ev({ kind: 'quiz-passed', score: 79.9 }),
    ev({ kind: 'quiz-passed' }),
    ev({ kind: 'check-passed' }),
    ev({ kind: 'hint-revealed' }),
    ev({ kind: 'course-completed' }),
    ev({ kind: 'certificate-earned' }),
  ])('$kind (score $score) earns no XP', (event) => {
    expect(awardFor(event, streak)).toBeNull();
  });

  it('multipliers add before rounding down, never compound', () => {
    expect(
      applyBonuses(50, [
        ['a', 25],
        ['b', 10],
      ]).amount,
    ).toBe(67);
    expect(applyBonuses(33, [['a', 10]]).amount).toBe(36); // 36.3
    expect(applyBonuses(7, []).amount).toBe(7);
    expect(applyBonuses(150, [['a', 100]]).bonuses).toEqual(['a']);
  });

  it('records the certificate tier as the activity', () => {
    expect(awardFor(ev({ kind: 'certificate-earned', tier: 'gold' }), noStreak)!.activity).toBe('certificate-gold');
  });

  it('records what later hints took off as whole XP', () => {
    expect(awardFor(ev({ kind: 'challenge-completed', hintsUsed: 4, hintXpCost: 7 }), noStreak)).toMatchObject({ baseXp: 150, deductedXp: 21, amount: 129 });
    expect(awardFor(ev({ kind: 'lesson-completed', hintsUsed: 4, hintXpCost: 7 }), noStreak)).toMatchObject({ deductedXp: 0, amount: 50 });
  });
});

describe('a challenge hint costs what the author set, else the default', () => {
  const base = BASE_XP['challenge-completed'];
  const challenge = (hintsUsed: number, hintXpCost?: number) =>
    awardFor(ev({ kind: 'challenge-completed', hintsUsed, ...(hintXpCost === undefined ? {} : { hintXpCost }) }), noStreak)!.amount;
  const cost = fc.integer({ min: 0, max: 1000 });
  const hints = fc.integer({ min: 1, max: 50 });

  it('each hint after the first takes exactly the authored cost, to at most half the base', () => {
    fc.assert(
      fc.property(hints, cost, (used, xp) => {
        expect(challenge(used, xp)).toBe(base - Math.min(base / 2, (used - 1) * xp));
      }),
    );
  });

  it('no authored cost is the default cost, the one the format fills in', () => {
    fc.assert(
      fc.property(hints, (used) => {
        expect(challenge(used)).toBe(challenge(used, DEFAULT_CHALLENGE_HINT_XP));
      }),
    );
    expect(DEFAULT_CHALLENGE_HINT_XP).toBe(15);
  });

  it('a hint never adds XP and never takes the award below half its base, whatever the cost', () => {
    fc.assert(
      fc.property(hints, cost, (used, xp) => {
        expect(challenge(used + 1, xp)).toBeLessThanOrEqual(challenge(used, xp));
        expect(challenge(used, xp)).toBeGreaterThanOrEqual(base / 2);
        expect(challenge(used, xp)).toBeLessThanOrEqual(base);
      }),
    );
  });

  it('an odd cost from a client (negative, fractional, not a number) earns no more than the default', () => {
    fc.assert(
      fc.property(hints, fc.oneof(fc.integer({ max: -1 }), fc.double({ noInteger: true }), fc.constant(Number.NaN)), (used, odd) => {
        expect(hintCostOf(odd)).toBe(DEFAULT_CHALLENGE_HINT_XP);
        expect(challenge(used, odd)).toBe(challenge(used));
      }),
    );
  });
});
