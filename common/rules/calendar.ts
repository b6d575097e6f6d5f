// Dates in a learner's own timezone: days and ISO weeks are theirs, not the server's.

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Whether the runtime knows this IANA timezone. */
export function isTimezone(timezone: string): boolean {
  try {
    formatter(timezone);
    return true;
  } catch {
    return false;
  }
}

function formatter(timezone: string): Intl.DateTimeFormat {
  let found = formatters.get(timezone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-CA', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timezone, found);
  }
  return found;
}

/** The calendar date (YYYY-MM-DD) and the wall-clock hour and minute of an instant in a timezone, in one formatting pass. */
export function localParts(at: number, timezone: string): { date: string; hour: number; minute: number } {
  const parts = formatter(timezone).formatToParts(at);
  const get = (type: string) => parts.find((part) => part.type === type)!.value;
  return { date: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')) % 24, minute: Number(get('minute')) };
}

/** YYYY-MM-DD of an instant in a timezone. */
export const localDate = (at: number, timezone: string): string => localParts(at, timezone).date;

/** ISO-8601 week of a calendar date, as `YYYY-Www` (sorts in time order). */
export function isoWeek(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the Thursday of this week decides its year
  const year = day.getUTCFullYear();
  const week = Math.ceil(((day.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export const weekOf = (at: number, timezone: string) => isoWeek(localDate(at, timezone));

/** Whole days from date a to date b (both YYYY-MM-DD). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** An account's timezone changes at most this often (registration counts as a change). */
export const timezoneChangeDays = 7;

/** When the timezone may change again, after a change at `changedAt` (null: never changed). */
export const timezoneChangeAllowedAt = (changedAt: number | null) => (changedAt === null ? -Infinity : changedAt + timezoneChangeDays * 86_400_000);
