import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startOfLocalDay } from './daily-budget';

/** The wall clock of an instant in a timezone, to the second, from a formatter built for this check alone. */
function wallClock(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short', timeStyle: 'medium', hourCycle: 'h23' }).format(at);
}

const zones = [
  'UTC',
  'Asia/Kolkata',
  'America/St_Johns',
  'Asia/Kathmandu',
  'Europe/London',
  'Pacific/Chatham',
  'America/Los_Angeles',
  'America/Havana',
  'America/Santiago',
];

describe('startOfLocalDay', () => {
  it('is local midnight of the same local date, at or before the instant, less than a day before it', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), fc.constantFrom(...zones), (at, zone) => {
        const start = startOfLocalDay(at, zone);
        expect(start).toBeLessThanOrEqual(at);
        expect(at - start).toBeLessThan(25 * 3_600_000);
        expect(wallClock(start, zone).split(', ')[0]).toBe(wallClock(at, zone).split(', ')[0]);
        // Midnight, or on a day that skips it (a DST change at 00:00), the day's first hour.
        expect(wallClock(start, zone).split(', ')[1]).toMatch(/^0[01]:00:00$/);
      }),
      {
        numRuns: 2000,
        // The mornings after DST changes: St John's springs forward at 02:00 and falls back at 02:00.
        examples: [
          [1710048600000, 'America/St_Johns'],
          [1994304600000, 'America/St_Johns'],
          [Date.UTC(2024, 10, 3, 6, 30), 'America/St_Johns'],
        ],
      },
    );
  });
});
