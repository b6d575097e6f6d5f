// The per-learner daily budget (CS50's duck hearts): requests per local day, configurable.
import { localParts } from '../../common/rules/calendar';

export interface BudgetState {
  readonly limit: number | null;
  readonly used: number;
}

export function budgetAllows(state: BudgetState): boolean {
  return state.limit === null || state.used < state.limit;
}

/**
 * Start of the learner's local day (in their IANA timezone) for a moment, in epoch ms: its local
 * midnight, or the day's first instant when a DST change skips midnight. Today's offsets are
 * whole minutes, so the local seconds are the instant's own; the timezone's formatter is built
 * once (calendar.ts): a new Intl.DateTimeFormat on every ask cost ~2 ms (bench:tutor).
 */
export function startOfLocalDay(at: number, timeZone: string): number {
  const { date, hour, minute } = localParts(at, timeZone);
  const start = at - ((hour * 60 + minute) * 60_000 + (((at % 60_000) + 60_000) % 60_000));
  // The wall clock's time since midnight is not the time elapsed on a day with a DST change: one
  // correction by the offset found at the first guess (a day has at most one change).
  const guess = localParts(start, timeZone);
  const guessMinutes = guess.hour * 60 + guess.minute;
  if (guess.date !== date) return start + (24 * 60 - guessMinutes) * 60_000;
  return start - guessMinutes * 60_000;
}
