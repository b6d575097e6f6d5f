import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FREE_ATTEMPTS, pinAttempts, pinWaitMs } from './pin-attempts';

describe('waiting after wrong PINs', () => {
  it('lets the first few through, then waits 30 s doubling up to 15 minutes', () => {
    expect(Array.from({ length: 12 }, (_, n) => pinWaitMs(n) / 1000)).toEqual([0, 0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900]);
  });

  it('never shortens as failures grow, and a success starts again (any sequence)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ ok: fc.boolean(), after: fc.integer({ min: 0, max: 2_000_000 }) }), { maxLength: 40 }), (steps) => {
        let now = 0;
        let failures = 0;
        const attempts = pinAttempts(() => now);
        for (const step of steps) {
          now += step.after;
          if (step.ok) {
            attempts.succeeded('a');
            failures = 0;
          } else {
            attempts.failed('a');
            failures++;
          }
          expect(pinWaitMs(failures + 1)).toBeGreaterThanOrEqual(pinWaitMs(failures));
          expect(attempts.waitMs('a')).toBe(pinWaitMs(failures));
          expect(attempts.waitMs('b')).toBe(0);
        }
      }),
    );
  });

  it('counts the wait from the last wrong PIN', () => {
    let now = 1000;
    const attempts = pinAttempts(() => now);
    for (let i = 0; i < FREE_ATTEMPTS; i++) attempts.failed('a');
    now += 10_000;
    expect(attempts.waitMs('a')).toBe(20_000);
    now += 20_000;
    expect(attempts.waitMs('a')).toBe(0);
  });
});
