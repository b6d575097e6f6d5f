import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hintsXpLost, hintXpCost } from './hint-cost';
import { awardFor, BASE_XP, CHALLENGE_HINT_PERCENT } from './xp-rules';

describe('hintXpCost', () => {
  it('charges a challenge its no-hints bonus for the first hint, then a share of its base for each hint up to half', () => {
    const base = BASE_XP['challenge-completed'];
    expect(hintXpCost('challenge', 0)).toBe(base);
    expect(hintXpCost('challenge', 1)).toBe((base * CHALLENGE_HINT_PERCENT) / 100);
    expect(hintXpCost('challenge', 5)).toBe((base * CHALLENGE_HINT_PERCENT) / 100);
    expect(hintXpCost('challenge', 6)).toBe(0);
  });

  it('costs nothing where the award does not read hints', () => {
    for (const type of ['guided', 'practice', 'code-along', 'project']) expect(hintXpCost(type, 0)).toBe(0);
  });

  it('adds up to exactly what the hints take off the completion award', () => {
    fc.assert(
      fc.property(fc.constantFrom('challenge', 'guided', 'practice'), fc.nat(6), (type, total) => {
        const kind = type === 'challenge' ? 'challenge-completed' : 'lesson-completed';
        const xp = (hints: number) => awardFor({ kind, hintsUsed: hints }, { streakActive: false })!.amount;
        const costs = Array.from({ length: total }, (_, used) => hintXpCost(type, used));
        expect(costs.every((cost) => cost >= 0)).toBe(true);
        expect(costs.reduce((sum, cost) => sum + cost, 0)).toBe(xp(0) - xp(total));
        expect(hintsXpLost(type, total)).toBe(xp(0) - xp(total));
      }),
    );
  });

  it("uses the lesson's authored cost for each hint after the first, as the award does", () => {
    fc.assert(
      fc.property(fc.nat(8), fc.integer({ min: 0, max: 1000 }), (total, authored) => {
        const xp = (hints: number) => awardFor({ kind: 'challenge-completed', hintsUsed: hints, hintXpCost: authored }, { streakActive: false })!.amount;
        const costs = Array.from({ length: total }, (_, used) => hintXpCost('challenge', used, authored));
        expect(costs.reduce((sum, cost) => sum + cost, 0)).toBe(xp(0) - xp(total));
        if (total >= 2) expect(costs[1]).toBe(Math.min(authored, BASE_XP['challenge-completed'] / 2));
      }),
    );
  });
});
