import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addActivity, dayNumber, emptyStreak, localDate, localHour, MAX_FREEZES, streakFrom, streakStatus, type StreakEvent } from './streaks';
import { at } from '../testing/wall-clock';

const ev = (timezone: string, wall: string): StreakEvent => {
  const occurredAt = at(timezone, wall);
  return { occurredAt, timezone, localDate: localDate(occurredAt, timezone) };
};
const days = (timezone: string, from: string, count: number, hour = '12:00'): StreakEvent[] =>
  Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10);
    return ev(timezone, `${date}T${hour}`);
  });

describe('local dates', () => {
  it.each([
    ['UTC', '2026-06-10T23:59', '2026-06-10', 23],
    ['America/Los_Angeles', '2026-06-10T23:59', '2026-06-10', 23],
    ['Asia/Kolkata', '2026-06-11T00:00', '2026-06-11', 0],
    ['Pacific/Auckland', '2026-06-11T00:30', '2026-06-11', 0],
    ['Pacific/Kiritimati', '2026-06-11T05:00', '2026-06-11', 5],
  ])('%s at %s is %s', (timezone, wall, date, hour) => {
    expect(localDate(at(timezone, wall), timezone)).toBe(date);
    expect(localHour(at(timezone, wall), timezone)).toBe(hour);
  });

  it('the same instant is a different day in different timezones', () => {
    const instant = Date.UTC(2026, 5, 10, 23, 30);
    expect(localDate(instant, 'UTC')).toBe('2026-06-10');
    expect(localDate(instant, 'Asia/Kolkata')).toBe('2026-06-11');
    expect(localDate(instant, 'America/Los_Angeles')).toBe('2026-06-10');
  });
});

describe('streaks', () => {
  it('counts consecutive days and ignores repeats on a day', () => {
    const s = streakFrom([...days('UTC', '2026-06-01', 3), ev('UTC', '2026-06-03T20:00'), ev('UTC', '2026-06-03T21:00')]);
    expect(s.current).toBe(3);
    expect(s.longest).toBe(3);
  });

  it.each(['UTC', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Auckland', 'Europe/Berlin'])(
    'across midnight in %s: 23:59 then 00:01 is two days',
    (timezone) => {
      const s = streakFrom([ev(timezone, '2026-06-10T23:59'), ev(timezone, '2026-06-11T00:01')]);
      expect(s.current).toBe(2);
      const status = streakStatus(s, at(timezone, '2026-06-11T23:59'), timezone);
      expect(status).toMatchObject({ current: 2, todayDone: true, alive: true });
      expect(streakStatus(s, at(timezone, '2026-06-12T23:59'), timezone)).toMatchObject({ current: 2, todayDone: false, alive: true });
      expect(streakStatus(s, at(timezone, '2026-06-13T00:01'), timezone)).toMatchObject({ current: 0, alive: false });
    },
  );

  it.each([
    ['America/New_York spring forward', 'America/New_York', '2026-03-07'],
    ['America/New_York fall back', 'America/New_York', '2026-10-31'],
    ['Europe/London spring forward', 'Europe/London', '2026-03-28'],
    ['Australia/Sydney fall back', 'Australia/Sydney', '2026-04-04'],
  ])('DST (%s): late-evening activities keep one per day', (_name, timezone, from) => {
    const s = streakFrom(days(timezone, from, 4, '23:30'));
    expect(s.current).toBe(4);
    const early = streakFrom(days(timezone, from, 4, '00:30'));
    expect(early.current).toBe(4);
  });

  it('travel east (the date jumps ahead) does not break the streak', () => {
    // Monday evening in Los Angeles, then Wednesday morning in Tokyo (Tuesday afternoon in LA).
    const s = streakFrom([ev('America/Los_Angeles', '2026-06-08T20:00'), ev('Asia/Tokyo', '2026-06-10T09:00')]);
    expect(s.current).toBe(2);
    expect(
      streakFrom([...[ev('America/Los_Angeles', '2026-06-08T20:00'), ev('Asia/Tokyo', '2026-06-10T09:00')], ev('Asia/Tokyo', '2026-06-11T09:00')]).current,
    ).toBe(3);
  });

  it('travel west (a date repeats) does not count a day twice', () => {
    // Tuesday 01:00 in Tokyo, then Monday 10:00 in Los Angeles (later in real time).
    const s = streakFrom([ev('Asia/Tokyo', '2026-06-08T20:00'), ev('Asia/Tokyo', '2026-06-09T01:00'), ev('America/Los_Angeles', '2026-06-08T20:00')]);
    expect(s.current).toBe(2);
    const next = addActivity(s, ev('America/Los_Angeles', '2026-06-09T20:00'));
    expect(next.current).toBe(2); // Tuesday was already counted in Tokyo
    expect(addActivity(next, ev('America/Los_Angeles', '2026-06-10T20:00')).current).toBe(3);
  });

  it('a day with two timezones is one day', () => {
    const s = streakFrom([ev('Europe/London', '2026-06-10T09:00'), ev('America/New_York', '2026-06-10T20:00')]);
    expect(s.current).toBe(1);
    expect(addActivity(s, ev('America/New_York', '2026-06-11T09:00')).current).toBe(2);
  });

  it('a gap with no freeze restarts at 1 and keeps the longest', () => {
    const s = streakFrom([...days('UTC', '2026-06-01', 5), ...days('UTC', '2026-06-08', 2)]);
    expect(s.current).toBe(2);
    expect(s.longest).toBe(5);
    expect(s.runs.map((run) => [run.start, run.end, run.days])).toEqual([
      ['2026-06-01', '2026-06-05', 5],
      ['2026-06-08', '2026-06-09', 2],
    ]);
  });

  it('freezes: one earned per 7 days, at most 2 held, covering missed days automatically', () => {
    const week = streakFrom(days('UTC', '2026-06-01', 7));
    expect(week.freezes).toBe(1);
    // Miss 2026-06-08, come back 06-09: the freeze covers it.
    const bridged = addActivity(week, ev('UTC', '2026-06-09T12:00'));
    expect(bridged).toMatchObject({ current: 8, freezes: 0, freezesUsed: 1 });
    expect(bridged.runs.at(-1)!.freezesUsed).toBe(1);
    // Two missed days with one freeze: restart.
    expect(addActivity(week, ev('UTC', '2026-06-10T12:00'))).toMatchObject({ current: 1, freezes: 1, longest: 7 });
    const many = streakFrom(days('UTC', '2026-06-01', 35));
    expect(many.freezes).toBe(MAX_FREEZES);
    // Two missed days, two freezes: bridged.
    expect(addActivity(many, ev('UTC', '2026-07-08T12:00'))).toMatchObject({ current: 36, freezes: 0 });
  });

  it('the status spends the freezes a gap will use, before the learner returns', () => {
    const week = streakFrom(days('UTC', '2026-06-01', 7));
    expect(streakStatus(week, at('UTC', '2026-06-09T08:00'), 'UTC')).toMatchObject({ current: 7, freezes: 0, alive: true });
    expect(streakStatus(week, at('UTC', '2026-06-10T08:00'), 'UTC')).toMatchObject({ current: 0, alive: false });
  });

  it('an empty history has no streak', () => {
    expect(streakStatus(emptyStreak, 0, 'UTC')).toMatchObject({ current: 0, alive: false, todayDone: false });
  });

  it('property: order of arrival does not matter, replaying twice changes nothing, longest ≥ current', () => {
    const zones = ['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Asia/Kolkata', 'Europe/London', 'Pacific/Auckland'];
    const eventArb = fc.record({ minutes: fc.integer({ min: 0, max: 60 * 24 * 40 }), zone: fc.constantFrom(...zones) }).map(({ minutes, zone }) => {
      const occurredAt = Date.UTC(2026, 2, 1) + minutes * 60_000;
      return { occurredAt, timezone: zone, localDate: localDate(occurredAt, zone) };
    });
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 60 }), (events) => {
        const once = streakFrom(events);
        expect(streakFrom([...events].reverse())).toEqual(once);
        expect(once.longest).toBeGreaterThanOrEqual(once.current);
        expect(once.freezes).toBeLessThanOrEqual(MAX_FREEZES);
        // Days counted never exceed distinct local dates.
        expect(once.longest).toBeLessThanOrEqual(new Set(events.map((e) => e.localDate)).size);
        if (events.length) expect(once.current).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('day numbers are calendar arithmetic', () => {
    expect(dayNumber('2026-03-09') - dayNumber('2026-03-08')).toBe(1);
    expect(dayNumber('2026-01-01') - dayNumber('2025-12-31')).toBe(1);
  });
});
