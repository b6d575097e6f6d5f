import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTimeLeft, localDayEnd, minuteOfDay, streakReminderDecision, streakReminderMessage, type StreakReminderInput } from './streak-reminder';
import {
  addActivity,
  emptyStreak,
  localDate,
  localDateAndMinute,
  streakFrom,
  streakStatus,
  type StreakEvent,
  type StreakState,
} from '../../common/rules/streaks';
import { at } from '../../common/testing/wall-clock';

const HOUR = 3_600_000;
const activity = (timezone: string, occurredAt: number): StreakEvent => ({ occurredAt, timezone, localDate: localDate(occurredAt, timezone) });
/** A streak of `count` days in `timezone` whose last day is `lastDay`, one activity at noon each day. */
function streakEndingOn(timezone: string, lastDay: string, count: number): StreakState {
  const last = Date.parse(`${lastDay}T00:00:00Z`);
  return streakFrom(
    Array.from({ length: count }, (_, i) => {
      const date = new Date(last - (count - 1 - i) * 86_400_000).toISOString().slice(0, 10);
      return activity(timezone, at(timezone, `${date}T12:00`));
    }),
  );
}
/** The calendar date after `date` (YYYY-MM-DD). */
const nextDate = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const decide = (input: Partial<StreakReminderInput> & Pick<StreakReminderInput, 'now' | 'timezone' | 'streak'>) =>
  streakReminderDecision({ reminderTime: '20:00', lastRemindedDate: null, ...input });

describe('time of day', () => {
  it.each([
    ['00:00', 0],
    ['08:05', 485],
    ['20:00', 1200],
    ['23:59', 1439],
  ])('%s is minute %i of the day', (time, minute) => expect(minuteOfDay(time)).toBe(minute));

  it.each(['24:00', '7:30', '20:60', '20:00:00', '', 'noon'])('"%s" is refused', (time) => {
    expect(() => minuteOfDay(time)).toThrow(RangeError);
  });
});

describe('the end of the local day', () => {
  it.each([
    ['UTC', '2026-06-10T20:00', 240],
    ['UTC', '2026-06-10T23:59', 1],
    ['UTC', '2026-06-10T00:00', 1440],
    ['Asia/Kathmandu', '2026-06-10T23:00', 60],
    ['Pacific/Kiritimati', '2026-06-10T20:00', 240],
    ['Pacific/Pago_Pago', '2026-06-10T21:15', 165],
    // DST: the spring-forward day has 23 hours, the fall-back day 25.
    ['America/New_York', '2026-03-08T00:30', 23 * 60 - 30],
    ['America/New_York', '2026-11-01T00:30', 25 * 60 - 30],
    ['Europe/Berlin', '2026-03-29T00:00', 23 * 60],
    ['Europe/Berlin', '2026-10-25T00:00', 25 * 60],
    ['Europe/Berlin', '2026-10-25T20:00', 240],
  ])('%s at %s: the day ends at the next date’s 00:00, minutes left %i', (timezone, wall, minutes) => {
    const now = at(timezone, wall);
    expect(localDayEnd(now, timezone)).toBe(at(timezone, `${nextDate(wall.slice(0, 10))}T00:00`));
    expect(decide({ now, timezone, streak: emptyStreak }).minutesLeft).toBe(minutes);
  });

  it('a day whose midnight is skipped (America/Santiago starts DST at 24:00) ends when the next date begins, at 01:00', () => {
    const now = at('America/Santiago', '2026-09-05T23:00');
    const end = localDayEnd(now, 'America/Santiago');
    expect(end).toBe(Date.UTC(2026, 8, 6, 4, 0));
    expect(new Date(end).toLocaleString('sv-SE', { timeZone: 'America/Santiago' })).toBe('2026-09-06 01:00:00');
    expect(decide({ now, timezone: 'America/Santiago', streak: emptyStreak }).minutesLeft).toBe(60);
  });

  it('near midnight the minutes left round up, so the last minute shows 1 and midnight starts a full day', () => {
    const timezone = 'Europe/Berlin';
    expect(decide({ now: at(timezone, '2026-06-10T23:58:01'), timezone, streak: emptyStreak }).minutesLeft).toBe(2);
    expect(decide({ now: at(timezone, '2026-06-10T23:59:00'), timezone, streak: emptyStreak }).minutesLeft).toBe(1);
    expect(decide({ now: at(timezone, '2026-06-10T23:59:59') + 999, timezone, streak: emptyStreak }).minutesLeft).toBe(1);
    const midnight = decide({ now: at(timezone, '2026-06-11T00:00'), timezone, streak: emptyStreak });
    expect(midnight).toMatchObject({ date: '2026-06-11', minutesLeft: 1440 });
  });
});

describe('when a reminder is due', () => {
  const timezone = 'Europe/Berlin';
  const sixDays = streakEndingOn(timezone, '2026-06-09', 6);

  it('is due at the reminder time on a day with no activity yet, with the streak and the minutes left', () => {
    expect(decide({ now: at(timezone, '2026-06-10T20:00'), timezone, streak: sixDays })).toEqual({
      due: true,
      reason: 'due',
      date: '2026-06-10',
      streak: 6,
      freezes: 0,
      dayEndsAt: at(timezone, '2026-06-11T00:00'),
      minutesLeft: 240,
    });
  });

  it('is not due before the reminder time, and due at any later minute of the day', () => {
    expect(decide({ now: at(timezone, '2026-06-10T19:59:59'), timezone, streak: sixDays })).toMatchObject({ due: false, reason: 'too-early' });
    expect(decide({ now: at(timezone, '2026-06-10T23:59'), timezone, streak: sixDays })).toMatchObject({ due: true, minutesLeft: 1 });
    expect(decide({ now: at(timezone, '2026-06-10T08:00'), timezone, streak: sixDays, reminderTime: '07:30' })).toMatchObject({
      due: true,
      minutesLeft: 16 * 60,
    });
    expect(decide({ now: at(timezone, '2026-06-10T00:00'), timezone, streak: sixDays, reminderTime: '00:00' })).toMatchObject({ due: true });
  });

  it('is not due twice on one local day, and due again the next day', () => {
    expect(decide({ now: at(timezone, '2026-06-10T21:00'), timezone, streak: sixDays, lastRemindedDate: '2026-06-10' })).toMatchObject({
      due: false,
      reason: 'reminded-today',
    });
    expect(decide({ now: at(timezone, '2026-06-10T21:00'), timezone, streak: sixDays, lastRemindedDate: '2026-06-09' })).toMatchObject({ due: true });
  });

  it('is never due once today counts', () => {
    const done = addActivity(sixDays, activity(timezone, at(timezone, '2026-06-10T07:00')));
    expect(decide({ now: at(timezone, '2026-06-10T20:00'), timezone, streak: done })).toMatchObject({ due: false, reason: 'today-done', streak: 7 });
  });

  it('is never due without a streak: none yet, or one already broken', () => {
    expect(decide({ now: at(timezone, '2026-06-10T22:00'), timezone, streak: emptyStreak })).toMatchObject({ due: false, reason: 'no-streak', streak: 0 });
    // Last active on the 7th: the 8th was missed with no freeze, so the streak is gone on the 10th.
    const broken = streakEndingOn(timezone, '2026-06-07', 3);
    expect(decide({ now: at(timezone, '2026-06-10T22:00'), timezone, streak: broken })).toMatchObject({ due: false, reason: 'no-streak' });
  });

  it('counts a streak kept by a freeze, and says the freeze will be used', () => {
    // Seven days earn a freeze; the 8th is missed, so on the 9th the freeze already covers the 8th.
    const week = streakEndingOn(timezone, '2026-06-07', 7);
    expect(decide({ now: at(timezone, '2026-06-08T20:00'), timezone, streak: week })).toMatchObject({ due: true, streak: 7, freezes: 1 });
    expect(decide({ now: at(timezone, '2026-06-09T20:00'), timezone, streak: week })).toMatchObject({ due: true, streak: 7, freezes: 0 });
  });

  describe('DST change days', () => {
    it('America/New_York spring forward: a reminder time inside the skipped hour fires at 03:00', () => {
      const ny = 'America/New_York';
      const streak = streakEndingOn(ny, '2026-03-07', 4);
      expect(decide({ now: at(ny, '2026-03-08T01:59'), timezone: ny, streak, reminderTime: '02:30' })).toMatchObject({ due: false, reason: 'too-early' });
      expect(decide({ now: at(ny, '2026-03-08T03:00'), timezone: ny, streak, reminderTime: '02:30' })).toMatchObject({ due: true, minutesLeft: 21 * 60 });
    });

    it('America/New_York fall back: a reminder time in the repeated hour fires once', () => {
      const ny = 'America/New_York';
      const streak = streakEndingOn(ny, '2026-10-31', 4);
      const firstPass = Date.UTC(2026, 10, 1, 5, 30); // 01:30 EDT
      const secondPass = Date.UTC(2026, 10, 1, 6, 30); // 01:30 EST, an hour later
      const first = decide({ now: firstPass, timezone: ny, streak, reminderTime: '01:30' });
      expect(first).toMatchObject({ due: true, date: '2026-11-01', minutesLeft: 23 * 60 + 30 });
      expect(decide({ now: secondPass, timezone: ny, streak, reminderTime: '01:30', lastRemindedDate: first.date })).toMatchObject({
        due: false,
        reason: 'reminded-today',
        minutesLeft: 22 * 60 + 30,
      });
    });

    it.each([
      ['spring forward', '2026-03-28', '2026-03-29'],
      ['fall back', '2026-10-24', '2026-10-25'],
    ])('Europe/Berlin %s: 20:00 is 20:00 on the wall clock with 4 hours left', (_name, lastDay, today) => {
      const streak = streakEndingOn(timezone, lastDay, 3);
      expect(decide({ now: at(timezone, `${today}T19:59`), timezone, streak })).toMatchObject({ due: false, reason: 'too-early' });
      expect(decide({ now: at(timezone, `${today}T20:00`), timezone, streak })).toMatchObject({ due: true, date: today, minutesLeft: 240 });
    });
  });

  describe('far east and far west', () => {
    it.each([
      ['Pacific/Kiritimati', 'UTC+14', 'the UTC morning', '2026-06-10T20:00', '2026-06-10T06:00:00.000Z', 240],
      ['Pacific/Pago_Pago', 'UTC−11', 'the next UTC day', '2026-06-10T23:30', '2026-06-11T10:30:00.000Z', 30],
    ])('%s (%s): the local evening is %s, and the local date decides', (timezone, _offset, _utcDay, wall, utc, minutesLeft) => {
      const streak = streakEndingOn(timezone, '2026-06-09', 2);
      const now = at(timezone, wall);
      expect(new Date(now).toISOString()).toBe(utc);
      expect(decide({ now, timezone, streak })).toMatchObject({ due: true, date: '2026-06-10', minutesLeft });
      expect(decide({ now, timezone, streak, lastRemindedDate: '2026-06-10' })).toMatchObject({ reason: 'reminded-today' });
    });
  });
});

describe('the message', () => {
  it.each([
    [192, '3 h 12 min'],
    [120, '2 h'],
    [45, '45 min'],
    [1, '1 min'],
    [1500, '25 h'],
  ])('%i minutes read "%s"', (minutes, text) => expect(formatTimeLeft(minutes)).toBe(text));

  it('says when the streak ends, or that a freeze will be used', () => {
    expect(streakReminderMessage({ streak: 6, freezes: 0, minutesLeft: 192 })).toBe('Your 6-day streak ends in 3 h 12 min. One lesson keeps it going.');
    expect(streakReminderMessage({ streak: 9, freezes: 1, minutesLeft: 30 })).toBe(
      'Your 9-day streak needs a lesson in the next 30 min, or a streak freeze will be used.',
    );
  });
});

describe('properties', () => {
  const zones = [
    'UTC',
    'America/New_York',
    'Europe/Berlin',
    'Pacific/Kiritimati',
    'Pacific/Pago_Pago',
    'Asia/Kathmandu',
    'Australia/Lord_Howe',
    'America/Santiago',
  ];
  const START = Date.UTC(2026, 0, 1);
  const SPAN_MINUTES = 60 * 24 * 365; // a year, so every zone's DST changes are inside
  const timeArb = fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
  /** A history of up to 20 activities in the 20 days before `now`, in time order, and `now`. */
  const scenarioArb = fc.record({
    zone: fc.constantFrom(...zones),
    nowMinute: fc.integer({ min: 60 * 24 * 20, max: SPAN_MINUTES }),
    offsets: fc.array(fc.integer({ min: 1, max: 60 * 24 * 20 }), { maxLength: 20 }),
    reminderTime: timeArb,
  });
  const build = ({ zone, nowMinute, offsets }: { zone: string; nowMinute: number; offsets: number[] }) => {
    const now = START + nowMinute * 60_000;
    const streak = streakFrom(offsets.map((minutes) => activity(zone, now - minutes * 60_000)));
    return { now, streak };
  };

  it('at most one reminder per local day, over three days of checks at irregular intervals', () => {
    fc.assert(
      fc.property(scenarioArb, fc.array(fc.integer({ min: 1, max: 180 }), { minLength: 1, maxLength: 60 }), (scenario, steps) => {
        const { streak, now: start } = build(scenario);
        let now = start;
        let lastRemindedDate: string | null = null;
        const reminded: string[] = [];
        for (const step of steps) {
          const decision = streakReminderDecision({ now, timezone: scenario.zone, reminderTime: scenario.reminderTime, streak, lastRemindedDate });
          if (decision.due) {
            expect(localDateAndMinute(now, scenario.zone).minuteOfDay).toBeGreaterThanOrEqual(minuteOfDay(scenario.reminderTime));
            reminded.push(decision.date);
            lastRemindedDate = decision.date;
          }
          now += step * 60_000;
        }
        expect(new Set(reminded).size).toBe(reminded.length);
      }),
      { numRuns: 200 },
    );
  });

  it('never due once today has a qualifying activity', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 24 * 60 }), fc.boolean(), (scenario, minutesAgo, remindedBefore) => {
        const now = START + scenario.nowMinute * 60_000;
        const earlier = now - minutesAgo * 60_000;
        if (localDate(earlier, scenario.zone) !== localDate(now, scenario.zone)) return;
        const history = scenario.offsets.map((minutes) => activity(scenario.zone, now - minutes * 60_000));
        const streak = streakFrom([...history, activity(scenario.zone, earlier)]);
        const decision = streakReminderDecision({
          now,
          timezone: scenario.zone,
          reminderTime: scenario.reminderTime,
          streak,
          lastRemindedDate: remindedBefore ? '2025-12-31' : null,
        });
        expect(decision).toMatchObject({ due: false, reason: 'today-done' });
      }),
      { numRuns: 300 },
    );
  });

  it('never due with a zero streak', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const { now, streak } = build(scenario);
        const input = { now, timezone: scenario.zone, reminderTime: scenario.reminderTime, lastRemindedDate: null };
        expect(streakReminderDecision({ ...input, streak: emptyStreak }).due).toBe(false);
        if (streakStatus(streak, now, scenario.zone).current === 0)
          expect(streakReminderDecision({ ...input, streak })).toMatchObject({ due: false, reason: 'no-streak' });
      }),
      { numRuns: 300 },
    );
  });

  it('the day ends at the first minute with a later local date, between 1 minute and 25 hours away', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: 0, max: SPAN_MINUTES * 60 }), (zone, seconds) => {
        const now = START + seconds * 1000;
        const decision = streakReminderDecision({ now, timezone: zone, reminderTime: '20:00', streak: emptyStreak, lastRemindedDate: null });
        expect(decision.minutesLeft).toBeGreaterThanOrEqual(1);
        expect(decision.minutesLeft).toBeLessThanOrEqual(25 * 60);
        expect(localDate(decision.dayEndsAt - 1, zone)).toBe(decision.date);
        expect(localDate(decision.dayEndsAt, zone) > decision.date).toBe(true);
        expect(decision.dayEndsAt % 60_000).toBe(0);
      }),
      { numRuns: 500 },
    );
  });

  it('every local day of a year lasts 23, 24 or 25 hours (Lord Howe moves its clocks by 30 minutes)', () => {
    for (const zone of zones) {
      const lengths = new Set<number>();
      for (let day = 0; day < 365; day++) {
        const start = localDayEnd(START + day * 86_400_000, zone);
        lengths.add((localDayEnd(start, zone) - start) / HOUR);
      }
      const allowed = zone === 'Australia/Lord_Howe' ? [23.5, 24, 24.5] : [23, 24, 25];
      for (const length of lengths) expect(allowed).toContain(length);
    }
  });
});
