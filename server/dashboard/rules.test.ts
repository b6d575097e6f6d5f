// The dashboard's figures: properties over any activity, and the cases that name each risk.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, dayMs, median, predictedCompletion, progressPercent, riskOf, struggleIndex, type CourseActivity } from './rules';

const now = Date.UTC(2026, 11, 6);
const activity = fc
  .record({
    total: fc.option(fc.integer({ min: 1, max: 300 }), { nil: null }),
    done: fc.integer({ min: 0, max: 300 }),
    hints: fc.integer({ min: 0, max: 1000 }),
    activeSeconds: fc.integer({ min: 0, max: 10_000_000 }),
    since: fc.integer({ min: 0, max: 365 * dayMs }),
    idle: fc.integer({ min: 0, max: 365 * dayMs }),
    dueIn: fc.option(fc.integer({ min: -60 * dayMs, max: 120 * dayMs }), { nil: null }),
  })
  .map(({ since, idle, dueIn, ...rest }): CourseActivity => {
    const started = rest.done > 0 || rest.hints > 0;
    const firstAt = started ? now - since : null;
    return { ...rest, firstAt, lastAt: firstAt === null ? null : Math.max(firstAt, now - idle), dueAt: dueIn === null ? null : now + dueIn };
  });

describe('dashboard rules', () => {
  it('keeps every figure in range whatever the activity', () => {
    fc.assert(
      fc.property(activity, fc.option(fc.double({ min: 1, max: 100_000, noNaN: true }), { nil: null }), (a, pace) => {
        const percent = progressPercent(a);
        expect(percent).toBeGreaterThanOrEqual(0);
        expect(percent).toBeLessThanOrEqual(100);
        const struggle = struggleIndex(a, pace);
        expect(Number.isInteger(struggle) && struggle >= 0 && struggle <= 100).toBe(true);
        const predicted = predictedCompletion(a, now);
        if (predicted !== null && a.total !== null && a.done < a.total) expect(predicted).toBeGreaterThan(now);
        // A finished course is never at risk; an unfinished one past its due date always is.
        const risk = riskOf(a, struggle, now);
        if (a.total !== null && a.done >= a.total) expect(risk).toBeNull();
        else if (a.dueAt !== null && now > a.dueAt) expect(risk).toBe('overdue');
      }),
    );
  });

  it('predicts from the pace so far', () => {
    const a = { total: 10, done: 5, hints: 0, activeSeconds: 0, firstAt: now - 5 * dayMs, lastAt: now, dueAt: now + 3 * dayMs };
    expect(predictedCompletion(a, now)).toBe(now + 5 * dayMs);
    expect(riskOf(a, 0, now)).toBe('behind-due-date');
    expect(riskOf({ ...a, dueAt: now + 10 * dayMs }, 0, now)).toBeNull();
    expect(riskOf({ ...a, dueAt: null, lastAt: now - 8 * dayMs }, 0, now)).toBe('idle');
    expect(riskOf({ ...a, dueAt: null }, 80, now)).toBe('struggling');
    expect(riskOf({ ...a, done: 0, firstAt: null, lastAt: null }, 0, now)).toBe('behind-due-date');
    expect(riskOf({ ...a, done: 0, firstAt: null, lastAt: null, dueAt: now + 30 * dayMs }, 0, now)).toBe('not-started');
  });

  it('scores struggle from hints and time against the cohort', () => {
    expect(struggleIndex({ done: 4, hints: 0, activeSeconds: 400 }, 100)).toBe(0);
    expect(struggleIndex({ done: 4, hints: 8, activeSeconds: 400 }, 100)).toBe(50);
    expect(struggleIndex({ done: 4, hints: 8, activeSeconds: 1200 }, 100)).toBe(100);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('writes CSV fields a spreadsheet cannot run', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
  });
});
