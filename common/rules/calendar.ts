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

/** One formatter per zone and style: building one costs far more than formatting with it. */
function cachedFormatter(cache: Map<string, Intl.DateTimeFormat>, timezone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let found = cache.get(timezone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, hourCycle: 'h23', ...options });
    cache.set(timezone, found);
  }
  return found;
}

const formatter = (timezone: string) =>
  cachedFormatter(formatters, timezone, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

/** The calendar date (YYYY-MM-DD) and the wall-clock hour and minute of an instant in a timezone, in one formatting pass. */
export function localParts(at: number, timezone: string): { date: string; hour: number; minute: number } {
  const parts = formatter(timezone).formatToParts(at);
  const get = (type: string) => parts.find((part) => part.type === type)!.value;
  return { date: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')) % 24, minute: Number(get('minute')) };
}

/** YYYY-MM-DD of an instant in a timezone, by Intl alone (what localDate must always agree with). */
export const intlLocalDate = (at: number, timezone: string): string => localParts(at, timezone).date;

const hourMs = 3_600_000;
/** Instants the offset cache serves (1900 to 2200); any other goes to Intl. */
const cachedFrom = Date.UTC(1900, 0, 1);
const cachedTo = Date.UTC(2200, 0, 1);
/** Each zone's UTC offset (ms) by UTC hour; null: the offset changes within that hour. */
const offsets = new Map<string, Map<number, number | null>>();
let cachedHours = 0;
/** Beyond this many cached hours (a few hundred kB) the cache starts over: a long-running server never grows it without bound. */
const maxCachedHours = 50_000;

const secondsFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's UTC offset at a whole-second instant: its wall clock, read as UTC, minus the instant. */
function offsetAt(at: number, timezone: string): number {
  const parts = cachedFormatter(secondsFormatters, timezone, {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((part) => part.type === type)!.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second')) - at;
}

/**
 * The zone's offset throughout the UTC hour that holds `at`, or null if it changes within it.
 * Zones change offset at whole seconds and never twice within an hour, so an hour whose first and
 * last seconds share an offset has it throughout (Asia/Kathmandu's +5:45 and Lord Howe's
 * half-hour DST included: a change at a half hour makes its hour null, answered by Intl).
 */
function hourOffset(at: number, timezone: string): number | null {
  const hour = Math.floor(at / hourMs);
  const known = offsets.get(timezone)?.get(hour);
  if (known !== undefined) return known;
  const start = hour * hourMs;
  const first = offsetAt(start, timezone);
  const offset = first === offsetAt(start + hourMs - 1000, timezone) ? first : null;
  if (++cachedHours > maxCachedHours) {
    offsets.clear();
    cachedHours = 1;
  }
  let zone = offsets.get(timezone);
  if (!zone) offsets.set(timezone, (zone = new Map()));
  zone.set(hour, offset);
  return offset;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** YYYY-MM-DD of an instant in a timezone (Intl formats each zone's hour once; ingestion asks for many). */
export function localDate(at: number, timezone: string): string {
  if (!(at >= cachedFrom && at < cachedTo)) return intlLocalDate(at, timezone);
  const offset = hourOffset(at, timezone);
  if (offset === null) return intlLocalDate(at, timezone);
  const local = new Date(at + offset);
  return `${local.getUTCFullYear()}-${pad2(local.getUTCMonth() + 1)}-${pad2(local.getUTCDate())}`;
}

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
