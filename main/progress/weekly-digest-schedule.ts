// When the weekly digest is announced (pure): once per week, from Monday 09:00 in the learner's
// timezone, about the week that just ended (Monday to Sunday), and only when that week had any
// activity: an empty week gets no notification (the page still shows it).
import { dateOfDay, dayNumber, localDateAndMinute } from '../../common/rules/streaks';

export const DIGEST_MINUTE = 9 * 60;

/** The Monday (YYYY-MM-DD) of the week a local date falls in. */
export function mondayOf(date: string): string {
  const day = dayNumber(date);
  const weekday = (new Date(dateOfDay(day)).getUTCDay() + 6) % 7; // Monday = 0
  return dateOfDay(day - weekday);
}

export interface DigestDecision {
  readonly due: boolean;
  /** The week the digest is about: the Monday of last week. */
  readonly weekStart: string;
  readonly reason: 'due' | 'too-early' | 'already-announced' | 'quiet-week';
}

export function digestDecision(input: {
  readonly now: number;
  readonly timezone: string;
  /** The week (its Monday) last announced, if any. */
  readonly lastAnnounced: string | null;
  /** Whether the learner did anything in a given week (its Monday). */
  readonly activeIn: (weekStart: string) => boolean;
}): DigestDecision {
  const { date, minuteOfDay } = localDateAndMinute(input.now, input.timezone);
  const thisMonday = mondayOf(date);
  const weekStart = dateOfDay(dayNumber(thisMonday) - 7);
  if (input.lastAnnounced !== null && input.lastAnnounced >= weekStart) return { due: false, weekStart, reason: 'already-announced' };
  if (date === thisMonday && minuteOfDay < DIGEST_MINUTE) return { due: false, weekStart, reason: 'too-early' };
  if (!input.activeIn(weekStart)) return { due: false, weekStart, reason: 'quiet-week' };
  return { due: true, weekStart, reason: 'due' };
}
