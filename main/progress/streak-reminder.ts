// The streak reminder rule (a nudge before the learner's local day ends, Duolingo-style). Pure:
// the scheduler feeds it the clock, the settings, the streak and the day it last reminded.
// A reminder is due only when the streak is alive (> 0), today has no qualifying activity yet,
// the local wall clock is at or past the reminder time, and no reminder was given today.
// Days and times are the learner's wall clock in their IANA timezone, as for streaks.
import { dayNumber, localDate, localDateAndMinute, streakStatus, type StreakState } from '../../common/rules/streaks';

const MINUTE_MS = 60_000;
/** Longer than any local day (25 h on a DST fall-back day): the next local day has begun by then. */
const LONGER_THAN_A_DAY_MINUTES = 26 * 60;

/** Minutes since midnight of an `HH:MM` time of day (24-hour clock). */
export function minuteOfDay(time: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new RangeError(`"${time}" is not a time of day (HH:MM)`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * The instant the local day of `now` ends in `timezone`: the first whole minute whose local
 * date is later. Found by bisection on the local date itself, so DST days (23 or 25 hours) and
 * zones whose midnight is skipped need no offset arithmetic. Zone offsets are whole minutes.
 */
export function localDayEnd(now: number, timezone: string): number {
  const today = dayNumber(localDate(now, timezone));
  const isLater = (minute: number) => dayNumber(localDate(minute * MINUTE_MS, timezone)) > today;
  let inToday = Math.floor(now / MINUTE_MS);
  let later = inToday + LONGER_THAN_A_DAY_MINUTES;
  while (later - inToday > 1) {
    const middle = Math.floor((inToday + later) / 2);
    if (isLater(middle)) later = middle;
    else inToday = middle;
  }
  return later * MINUTE_MS;
}

export interface StreakReminderInput {
  readonly now: number;
  readonly timezone: string;
  /** `HH:MM` on the learner's wall clock. */
  readonly reminderTime: string;
  readonly streak: StreakState;
  /** The local date (YYYY-MM-DD) a reminder was last given, or null. */
  readonly lastRemindedDate: string | null;
}

export type StreakReminderReason = 'due' | 'no-streak' | 'today-done' | 'too-early' | 'reminded-today';

export interface StreakReminderDecision {
  readonly due: boolean;
  /** Why it is (not) due; the first condition that fails, in the order listed above. */
  readonly reason: StreakReminderReason;
  /** The learner's local date now. */
  readonly date: string;
  /** The streak as the learner sees it now, and the freezes left after any gap. */
  readonly streak: number;
  readonly freezes: number;
  readonly dayEndsAt: number;
  /** Whole minutes until the local day ends, rounded up: 1 in its last minute, never 0. */
  readonly minutesLeft: number;
}

export function streakReminderDecision(input: StreakReminderInput): StreakReminderDecision {
  const { date, minuteOfDay: nowMinute } = localDateAndMinute(input.now, input.timezone);
  const status = streakStatus(input.streak, input.now, input.timezone);
  const dayEndsAt = localDayEnd(input.now, input.timezone);
  const reason: StreakReminderReason =
    !status.alive || status.current === 0
      ? 'no-streak'
      : status.todayDone
        ? 'today-done'
        : nowMinute < minuteOfDay(input.reminderTime)
          ? 'too-early'
          : input.lastRemindedDate === date
            ? 'reminded-today'
            : 'due';
  return {
    due: reason === 'due',
    reason,
    date,
    streak: status.current,
    freezes: status.freezes,
    dayEndsAt,
    minutesLeft: Math.ceil((dayEndsAt - input.now) / MINUTE_MS),
  };
}

/** "3 h 12 min", "2 h", "45 min". */
export function formatTimeLeft(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** The sentence the banner and the OS notification show. A held freeze means missing today does not end the streak. */
export function streakReminderMessage(reminder: { streak: number; freezes: number; minutesLeft: number }): string {
  const left = formatTimeLeft(reminder.minutesLeft);
  return reminder.freezes > 0
    ? `Your ${reminder.streak}-day streak needs a lesson in the next ${left}, or a streak freeze will be used.`
    : `Your ${reminder.streak}-day streak ends in ${left}. One lesson keeps it going.`;
}
