import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignmentReminder, DAY_MS, HOUR_MS, MAX_WINDOW_MS, MIN_WINDOW_MS, reminderText, reminderWindowMs, type ReminderLevel } from './reminder-rule';

const now = Date.UTC(2026, 11, 6, 9);
const level = (dueInMs: number | null, lessonsLeft: number) =>
  assignmentReminder({ dueAt: dueInMs === null ? null : now + dueInMs, lessonsLeft }, now)?.level ?? null;

describe('assignmentReminder', () => {
  it.each<[string, number | null, number, ReminderLevel | null]>([
    ['no deadline', null, 5, null],
    ['done before the deadline', HOUR_MS, 0, null],
    ['done after the deadline', -DAY_MS, 0, null],
    ['due this instant', 0, 1, 'overdue'],
    ['a second late', -1000, 1, 'overdue'],
    ['a second left', 1000, 1, 'due-today'],
    ['exactly a day left', DAY_MS, 1, 'due-today'],
    ['a day and a second', DAY_MS + 1000, 1, 'due-soon'],
    ['three days left, one lesson', 3 * DAY_MS, 1, 'due-soon'],
    ['three days and a second, one lesson', 3 * DAY_MS + 1000, 1, null],
    ['five days left, 15 lessons (5 days at 3 a day)', 5 * DAY_MS, 15, 'due-soon'],
    ['five days and a second, 15 lessons', 5 * DAY_MS + 1000, 15, null],
    ['fourteen days, 300 lessons: capped at two weeks', 14 * DAY_MS, 300, 'due-soon'],
    ['fifteen days, 300 lessons', 15 * DAY_MS, 300, null],
  ])('%s', (_, dueIn, left, expected) => {
    expect(level(dueIn, left)).toBe(expected);
  });

  it('never reminds of finished or undated work, and always of overdue work', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30 * DAY_MS, max: 30 * DAY_MS }), fc.integer({ min: 0, max: 500 }), (dueIn, left) => {
        const got = level(dueIn, left);
        if (left === 0) expect(got).toBeNull();
        else if (dueIn <= 0) expect(got).toBe('overdue');
        else if (dueIn <= DAY_MS) expect(got).toBe('due-today');
        else expect(got === null || got === 'due-soon').toBe(true);
        expect(level(null, left)).toBeNull();
      }),
    );
  });

  it('once reminding, keeps reminding as the deadline nears, and more work reminds earlier', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 * DAY_MS }),
        fc.integer({ min: 0, max: 30 * DAY_MS }),
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 0, max: 500 }),
        (dueIn, later, left, more) => {
          if (level(dueIn, left) !== null) expect(level(dueIn - later, left)).not.toBeNull();
          if (level(dueIn, left) !== null) expect(level(dueIn, left + more)).not.toBeNull();
        },
      ),
    );
  });

  it('keeps the window between three days and two weeks', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 10_000 }), (left) => {
        const w = reminderWindowMs(left);
        expect(w).toBeGreaterThanOrEqual(MIN_WINDOW_MS);
        expect(w).toBeLessThanOrEqual(MAX_WINDOW_MS);
      }),
    );
  });
});

describe('reminderText', () => {
  it('says how long is left, or how late, and what is left', () => {
    expect(reminderText({ level: 'due-soon', dueInMs: 2 * DAY_MS }, 'Python Basics', 4)).toBe('Python Basics is due in 2 days; 4 lessons to go.');
    expect(reminderText({ level: 'due-today', dueInMs: 5 * HOUR_MS }, 'Python Basics', 1)).toBe('Python Basics is due in 5 hours; 1 lesson to go.');
    expect(reminderText({ level: 'due-today', dueInMs: 10_000 }, 'SQL', 1)).toBe('SQL is due in 1 minute; 1 lesson to go.');
    expect(reminderText({ level: 'overdue', dueInMs: -DAY_MS }, 'SQL', 2)).toBe('SQL was due 1 day ago; 2 lessons to go.');
  });
});
