// The decay rule behind "solve again" cards, by properties, and the cards' keys.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WEAK } from '../learner/mastery';
import { decayedMastery, isFading, solveAgainCard } from './concept-cards';

const DAY = 86_400_000;
const p = fc.double({ min: 0, max: 1, noNaN: true });
const days = fc.double({ min: 0, max: 3650, noNaN: true });
const successes = fc.integer({ min: 0, max: 50 });

describe('decay', () => {
  it('stays in [0, p], starts at p and never rises with time', () => {
    fc.assert(
      fc.property(p, days, days, successes, (probability, a, b, n) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(decayedMastery(probability, 0, n)).toBe(probability);
        expect(decayedMastery(probability, early, n)).toBeGreaterThanOrEqual(decayedMastery(probability, late, n));
        expect(decayedMastery(probability, late, n)).toBeGreaterThanOrEqual(0);
        expect(decayedMastery(probability, late, n)).toBeLessThanOrEqual(probability);
      }),
    );
  });

  it('is slower after more successes', () => {
    fc.assert(
      fc.property(p, days, successes, (probability, d, n) => {
        expect(decayedMastery(probability, d, n + 1)).toBeGreaterThanOrEqual(decayedMastery(probability, d, n));
      }),
    );
  });

  it('fades only what the learner once had, and everything they had fades in time', () => {
    fc.assert(
      fc.property(fc.double({ min: WEAK, max: 1, noNaN: true }), fc.integer({ min: 1, max: 50 }), (probability, n) => {
        expect(isFading({ probability, successCount: n, lastSuccessAt: 0 }, 0)).toBe(false);
        expect(isFading({ probability, successCount: n, lastSuccessAt: 0 }, 10_000 * DAY)).toBe(true);
      }),
    );
    expect(isFading({ probability: WEAK - 0.01, successCount: 3, lastSuccessAt: 0 }, 10_000 * DAY)).toBe(false);
    expect(isFading({ probability: 0.9, successCount: 0, lastSuccessAt: null }, 10_000 * DAY)).toBe(false);
    // One success at 0.9: a week keeps it, a fortnight lets it fade.
    expect(isFading({ probability: 0.9, successCount: 1, lastSuccessAt: 0 }, 7 * DAY)).toBe(false);
    expect(isFading({ probability: 0.9, successCount: 1, lastSuccessAt: 0 }, 14 * DAY)).toBe(true);
  });

  it('makes one solve-again card per fading spell', () => {
    const card = (lastSuccessAt: number) => solveAgainCard('py', { id: 'for-loops', title: 'For loops' }, { id: 'loops', title: 'Loops' }, lastSuccessAt, 99);
    expect(card(1).key).toBe(card(1).key);
    expect(card(1).key).not.toBe(card(2).key);
    expect(card(1)).toMatchObject({ source: 'solve-again', lessonId: 'loops', conceptId: 'for-loops', dueAt: 99 });
  });
});
