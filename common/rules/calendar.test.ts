import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intlLocalDate, localDate } from './calendar';

// Zones whose offsets are not whole hours, whose DST moves by half an hour, or that skipped a day.
const oddZones = [
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/St_Johns',
  'Asia/Kolkata',
  'Pacific/Apia',
  'Pacific/Kiritimati',
  'Europe/London',
  'America/New_York',
  'Australia/Adelaide',
  'Africa/Casablanca',
  'Antarctica/Troll',
];
const zones = [...new Set([...oddZones, ...Intl.supportedValuesOf('timeZone'), 'UTC'])];

describe('localDate', () => {
  it('agrees with Intl at any instant in any zone', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: Date.UTC(1890, 0, 1), max: Date.UTC(2210, 0, 1) }), (zone, at) => {
        expect(localDate(at, zone)).toBe(intlLocalDate(at, zone));
      }),
      { numRuns: 20_000 },
    );
  });

  it('agrees with Intl around every change of offset in odd zones (DST, half hours, 45 minutes)', () => {
    // At steps over spans with changes, and a second before each step: Lord Howe's and Chatham's
    // DST in 2026, St John's at -3:30 changing at 00:01 local in 2010 (a change at the half hour
    // that moves the date), Kathmandu's move to +5:45 (1 Jan 1986), Apia skipping 30 Dec 2011, and
    // Monrovia's -0:44:30 in 1960 (an offset with seconds).
    const spans: [string, number, number, number][] = [
      ['Australia/Lord_Howe', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1), 900_000],
      ['Pacific/Chatham', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1), 900_000],
      ['America/St_Johns', Date.UTC(2010, 0, 1), Date.UTC(2011, 0, 1), 900_000],
      ['Asia/Kathmandu', Date.UTC(1985, 11, 30), Date.UTC(1986, 0, 3), 900_000],
      ['Pacific/Apia', Date.UTC(2011, 11, 28), Date.UTC(2012, 0, 2), 900_000],
      ['Africa/Monrovia', Date.UTC(1960, 0, 1), Date.UTC(1960, 0, 2), 10_000],
    ];
    const wrong: string[] = [];
    for (const [zone, from, to, step] of spans)
      for (let at = from; at < to; at += step)
        for (const t of [at - 1000, at])
          if (localDate(t, zone) !== intlLocalDate(t, zone)) wrong.push(`${zone} ${new Date(t).toISOString()}: ${localDate(t, zone)}`);
    expect(wrong).toEqual([]);
  }, 60_000);

  it('refuses an unknown zone as Intl does', () => {
    expect(() => localDate(Date.UTC(2026, 0, 1), 'Mars/Olympus')).toThrow(RangeError);
  });
});
