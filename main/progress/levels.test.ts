import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { levelFor, levelProgress, MAX_LEVEL, xpForLevel } from './levels';

describe('levels', () => {
  it.each([
    [1, 0],
    [10, 5_000],
    [25, 25_000],
    [50, 100_000],
    [100, 500_000],
  ])('level %i starts at %i XP', (level, xp) => {
    expect(xpForLevel(level)).toBe(xp);
    expect(levelFor(xp)).toBe(level);
    if (xp > 0) expect(levelFor(xp - 1)).toBe(level - 1);
  });

  it('caps at level 100 and keeps the XP beyond it', () => {
    expect(levelFor(500_000)).toBe(MAX_LEVEL);
    expect(levelFor(10_000_000)).toBe(MAX_LEVEL);
    expect(levelProgress(750_000)).toEqual({ level: 100, levelStartXp: 500_000, nextLevelXp: null });
  });

  it('each level costs at least as much as the one before (strictly increasing thresholds)', () => {
    let previousCost = 0;
    for (let level = 2; level <= MAX_LEVEL; level++) {
      const cost = xpForLevel(level) - xpForLevel(level - 1);
      expect(cost).toBeGreaterThan(0);
      expect(cost).toBeGreaterThanOrEqual(previousCost - 1); // rounding may shave one XP inside a segment
      previousCost = cost;
    }
  });

  it('rejects levels outside 1–100', () => {
    expect(() => xpForLevel(0)).toThrow(RangeError);
    expect(() => xpForLevel(101)).toThrow(RangeError);
    expect(() => xpForLevel(2.5)).toThrow(RangeError);
  });

  it('the bar sits inside the level', () => {
    expect(levelProgress(0)).toEqual({ level: 1, levelStartXp: 0, nextLevelXp: xpForLevel(2) });
    expect(levelProgress(5_000)).toEqual({ level: 10, levelStartXp: 5_000, nextLevelXp: xpForLevel(11) });
  });

  it('property: level is monotonic in XP and agrees with the thresholds', () => {
    fc.assert(
      fc.property(fc.nat(2_000_000), fc.nat(2_000_000), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(levelFor(low)).toBeLessThanOrEqual(levelFor(high));
        const { level, levelStartXp, nextLevelXp } = levelProgress(a);
        expect(levelStartXp).toBeLessThanOrEqual(a);
        if (nextLevelXp !== null) expect(a).toBeLessThan(nextLevelXp);
        expect(level).toBeGreaterThanOrEqual(1);
        expect(level).toBeLessThanOrEqual(MAX_LEVEL);
      }),
      { numRuns: 2000 },
    );
  });
});
