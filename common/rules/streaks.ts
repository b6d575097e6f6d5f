// Streaks (issue #7). A day is a calendar day in the learner's IANA timezone at the time of
// the activity (stored with each event as its local date). Rules:
// - Consecutive local days extend the streak; more activities on a day already counted add nothing.
// - Travel: the gap to the previous counted day is measured both in the new event's timezone and
//   in the previous event's timezone, and the smaller one counts. Flying east (the local date
//   jumps ahead) therefore never opens a false gap; flying west (a date repeats or goes back)
//   never counts a day twice. DST changes move no dates: days are compared as calendar dates.
// - Freezes: one is earned on every 7th day of a streak, at most 2 are held. A gap of missed days
//   that the held freezes cover is bridged automatically (each missed day uses one freeze;
//   frozen days keep the streak but do not add to it). Otherwise the streak restarts at 1.
// - The longest streak is kept. Everything here is derived from the events: replaying them gives
//   the same state.

import { isTimezone, localDate, localParts } from './calendar';

export const FREEZE_EVERY_DAYS = 7;
export const MAX_FREEZES = 2;
const DAY_MS = 86_400_000;

export { isTimezone as isKnownTimezone, localDate };

/** The calendar date and the hour of an instant in a timezone, in one formatting pass. */
export const localDateAndHour = localParts;
/** The hour (0–23) of an instant in a timezone. */
export const localHour = (at: number, timezone: string): number => localParts(at, timezone).hour;
/** The date and the minutes since local midnight as the wall clock shows them (0–1439). */
export function localDateAndMinute(at: number, timezone: string): { date: string; minuteOfDay: number } {
  const { date, hour, minute } = localParts(at, timezone);
  return { date, minuteOfDay: hour * 60 + minute };
}

/** Days since 1970-01-01 for a calendar date: DST-free arithmetic on dates. */
export function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export interface StreakEvent {
  readonly occurredAt: number;
  readonly timezone: string;
  readonly localDate: string;
}

export interface StreakRun {
  readonly start: string;
  readonly end: string;
  readonly days: number;
  readonly freezesUsed: number;
}

export interface StreakState {
  readonly current: number;
  readonly longest: number;
  readonly freezes: number;
  readonly freezesUsed: number;
  readonly lastDay: number | null;
  readonly lastTimezone: string | null;
  readonly runs: readonly StreakRun[];
}

export const emptyStreak: StreakState = { current: 0, longest: 0, freezes: 0, freezesUsed: 0, lastDay: null, lastTimezone: null, runs: [] };

/** Days between the last counted day and an instant, the smaller of the two timezones' views. */
function gapTo(state: StreakState, at: number, timezone: string, date = localDate(at, timezone)): number {
  const here = dayNumber(date);
  const there = state.lastTimezone && state.lastTimezone !== timezone ? dayNumber(localDate(at, state.lastTimezone)) : here;
  return Math.min(here, there) - state.lastDay!;
}

function withDay(state: StreakState, current: number, freezes: number, used: number, day: number, timezone: string, newRun: boolean): StreakState {
  const earned = current > state.current && current % FREEZE_EVERY_DAYS === 0 ? 1 : 0;
  const date = dateOfDay(day);
  const runs = newRun
    ? [...state.runs, { start: date, end: date, days: current, freezesUsed: 0 }]
    : [
        ...state.runs.slice(0, -1),
        { ...state.runs[state.runs.length - 1]!, end: date, days: current, freezesUsed: state.runs[state.runs.length - 1]!.freezesUsed + used },
      ];
  return {
    current,
    longest: Math.max(state.longest, current),
    freezes: Math.min(MAX_FREEZES, freezes + earned),
    freezesUsed: state.freezesUsed + used,
    lastDay: day,
    lastTimezone: timezone,
    runs,
  };
}

/**
 * A streak resumed from stored figures (the hosted API keeps a learner's current streak, freezes
 * and last active date, not the events): adding activities to it gives the current streak and
 * freezes that replaying every event would.
 */
export function resumeStreak(current: number, freezes: number, lastDate: string | null, timezone: string): StreakState {
  if (lastDate === null || current <= 0) return { ...emptyStreak, freezes };
  const runs = [{ start: lastDate, end: lastDate, days: current, freezesUsed: 0 }];
  return { current, longest: current, freezes, freezesUsed: 0, lastDay: dayNumber(lastDate), lastTimezone: timezone, runs };
}

/** Adds one qualifying activity. Events must arrive in `streakOrder`. */
export function addActivity(state: StreakState, event: StreakEvent): StreakState {
  const day = dayNumber(event.localDate);
  if (state.lastDay === null) return withDay(state, 1, state.freezes, 0, day, event.timezone, true);
  const gap = gapTo(state, event.occurredAt, event.timezone, event.localDate);
  if (gap <= 0) return { ...state, lastTimezone: event.timezone, lastDay: Math.max(state.lastDay, day) };
  if (gap === 1) return withDay(state, state.current + 1, state.freezes, 0, day, event.timezone, false);
  const missed = gap - 1;
  if (missed <= state.freezes) return withDay(state, state.current + 1, state.freezes - missed, missed, day, event.timezone, false);
  return withDay(state, 1, state.freezes, 0, day, event.timezone, true);
}

/** The order streaks replay events in: time, then (for the same instant) timezone and date, so any arrival order gives one answer. */
export function streakOrder(a: StreakEvent, b: StreakEvent): number {
  return (
    a.occurredAt - b.occurredAt ||
    (a.timezone < b.timezone ? -1 : a.timezone > b.timezone ? 1 : 0) ||
    (a.localDate < b.localDate ? -1 : a.localDate > b.localDate ? 1 : 0)
  );
}

export function streakFrom(events: readonly StreakEvent[]): StreakState {
  return [...events].sort(streakOrder).reduce(addActivity, emptyStreak);
}

/** The streak as the learner sees it at `now` in `timezone`: freezes that a gap will use are already spent. */
export function streakStatus(
  state: StreakState,
  now: number,
  timezone: string,
): { current: number; longest: number; freezes: number; todayDone: boolean; alive: boolean } {
  if (state.lastDay === null) return { current: 0, longest: state.longest, freezes: state.freezes, todayDone: false, alive: false };
  const gap = gapTo(state, now, timezone);
  if (gap <= 0) return { current: state.current, longest: state.longest, freezes: state.freezes, todayDone: true, alive: true };
  if (gap === 1) return { current: state.current, longest: state.longest, freezes: state.freezes, todayDone: false, alive: true };
  const missed = gap - 1;
  if (missed <= state.freezes) return { current: state.current, longest: state.longest, freezes: state.freezes - missed, todayDone: false, alive: true };
  return { current: 0, longest: state.longest, freezes: state.freezes, todayDone: false, alive: false };
}
