// The progress service's running totals (XP, achievement counts, streak, active days) and how
// start-up gets them without rescanning history. A full recomputation reads every activity row
// (~850 ms at 100k rows); instead the totals are saved in the settings table with the ids and
// keys of the last ledger and event rows they include. On open the save is checked against the
// tables (the rows it ends with still exist with the same keys, and it was made by these rules)
// and only the rows added since are applied. Anything that does not check out is recomputed in
// full, so the result always equals a full recomputation (property-tested).
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { LearningEvent } from '../../preload/contract/progress';
import { countsFor, emptyTally, tallyEvent, type Tally } from './achievements';
import { addActivity, emptyStreak, streakOrder, type StreakEvent, type StreakState } from '../../common/rules/streaks';
import { QUALIFYING_KINDS } from '../../common/rules/xp-rules';

export interface RunningTotals {
  totalXp: number;
  tally: Tally;
  streak: StreakState;
  lastQualifying: StreakEvent | null;
  /** Local dates with a qualifying event: a count, so the save stays the same size as history grows. */
  activeDays: number;
}

export const SAVED_KEY = 'progress.runningTotals';
const QUALIFYING_LIST = [...QUALIFYING_KINDS];
const IN_QUALIFYING = `kind IN (${QUALIFYING_LIST.map(() => '?').join(', ')})`;

/** The rules the totals were made by: a new app whose counting or streak rules differ recomputes. */
const RULES = createHash('sha256')
  .update(`1:${String(countsFor)}:${String(tallyEvent)}:${String(addActivity)}`)
  .digest('hex')
  .slice(0, 16);

interface Mark {
  eventId: number;
  eventKey: string | null;
  xpId: number;
  xpKey: string | null;
}

interface Saved extends Mark {
  rules: string;
  totalXp: number;
  global: Tally['global'];
  byCourse: [string, Partial<Tally['global']>][];
  streak: StreakState;
  lastQualifying: StreakEvent | null;
  activeDays?: number;
  /** Saves before the count kept every date (10,000 of them after 1M events: 20 ms to read). */
  activeDates?: string[];
}

type Flags = Record<'firstAttempt' | 'hintsUsed' | 'score' | 'underPar' | 'times', number | null>;
type Group = Record<'kind' | 'courseId' | 'tier' | 'lessonType', string | null> & Flags;

const flag = (value: number | null) => (value === null ? undefined : value === 1);
const factsOf = (group: Omit<Group, 'times'>) => ({
  kind: group.kind as LearningEvent['kind'],
  ...(group.courseId === null ? {} : { courseId: group.courseId }),
  ...(group.firstAttempt === null ? {} : { firstAttempt: flag(group.firstAttempt)! }),
  ...(group.hintsUsed === null ? {} : { hintsUsed: group.hintsUsed }),
  ...(group.score === null ? {} : { score: group.score }),
  ...(group.underPar === null ? {} : { underPar: flag(group.underPar)! }),
  ...(group.tier === null ? {} : { tier: group.tier as 'bronze' | 'silver' | 'gold' }),
  ...(group.lessonType === null ? {} : { lessonType: group.lessonType }),
});

const FACTS = `kind, course_id AS courseId, json_extract(detail, '$.firstAttempt') AS firstAttempt, json_extract(detail, '$.hintsUsed') AS hintsUsed,
  json_extract(detail, '$.score') AS score, json_extract(detail, '$.underPar') AS underPar, json_extract(detail, '$.tier') AS tier,
  json_extract(detail, '$.lessonType') AS lessonType`;

/** Adds the events with an id above `afterId` (all of them from 0): identical facts grouped in SQL, one pass. */
function tallyEvents(sqlite: Database, tally: Tally, afterId: number): void {
  const groups = sqlite.prepare(`SELECT ${FACTS}, count(*) AS times FROM activity_events WHERE id > ? GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`).all(afterId) as Group[];
  for (const group of groups) tallyEvent(tally, factsOf(group), group.times!);
}

const qualifyingAfter = (sqlite: Database, afterId: number) =>
  sqlite
    .prepare(
      `SELECT occurred_at AS occurredAt, timezone, local_date AS localDate FROM activity_events WHERE id > ? AND ${IN_QUALIFYING} ORDER BY occurred_at, timezone, local_date`,
    )
    .all(afterId, ...QUALIFYING_LIST) as StreakEvent[];

/** Folds qualifying events (in streak order) into the streak and last event. */
function addQualifying(totals: RunningTotals, events: readonly StreakEvent[]): void {
  for (const event of events) {
    totals.streak = addActivity(totals.streak, event);
    totals.lastQualifying = event;
  }
}

/** The statements on the date index, prepared once per connection. */
const preparedDays = new WeakMap<Database, ReturnType<typeof prepareDays>>();
function prepareDays(sqlite: Database) {
  return {
    all: sqlite.prepare(`SELECT count(DISTINCT local_date) FROM activity_events WHERE ${IN_QUALIFYING}`).pluck(),
    // Dates of the rows after an id that no qualifying row up to that id has: the new rows by
    // rowid, each date through the date index (the + keep SQLite from scanning the whole date
    // index instead), so the cost follows the rows added, not the history.
    newAfter: sqlite
      .prepare(
        `SELECT count(*) FROM (SELECT DISTINCT +local_date AS d FROM activity_events WHERE id > ? AND ${IN_QUALIFYING}) WHERE NOT EXISTS
         (SELECT 1 FROM activity_events b WHERE b.local_date = d AND +b.id <= ? AND b.${IN_QUALIFYING})`,
      )
      .pluck(),
    onDate: sqlite.prepare(`SELECT count(*) FROM (SELECT 1 FROM activity_events WHERE local_date = ? AND ${IN_QUALIFYING} LIMIT 2)`).pluck(),
  };
}
const days = (sqlite: Database) => preparedDays.get(sqlite) ?? preparedDays.set(sqlite, prepareDays(sqlite)).get(sqlite)!;

/** Whether the qualifying event just recorded on `localDate` is the first of that date (inside the recording transaction). */
export function firstActiveDay(sqlite: Database, localDate: string): boolean {
  return days(sqlite).onDate.get(localDate, ...QUALIFYING_LIST) === 1;
}

/** Every total from the tables alone. */
export function recomputeTotals(sqlite: Database): RunningTotals {
  const totals: RunningTotals = { totalXp: 0, tally: emptyTally(), streak: emptyStreak, lastQualifying: null, activeDays: 0 };
  totals.totalXp = (sqlite.prepare('SELECT coalesce(sum(amount), 0) AS total FROM xp_ledger').get() as { total: number }).total;
  tallyEvents(sqlite, totals.tally, 0);
  addQualifying(totals, qualifyingAfter(sqlite, 0));
  totals.activeDays = days(sqlite).all.get(...QUALIFYING_LIST) as number;
  return totals;
}

function markNow(sqlite: Database): Mark {
  const last = (table: string) =>
    (sqlite.prepare(`SELECT id, idempotency_key AS key FROM ${table} ORDER BY id DESC LIMIT 1`).get() as { id: number; key: string } | undefined) ?? {
      id: 0,
      key: null,
    };
  const event = last('activity_events');
  const xp = last('xp_ledger');
  return { eventId: event.id, eventKey: event.key, xpId: xp.id, xpKey: xp.key };
}

/** The saved totals when they still describe a prefix of the tables, else null. */
function readSaved(sqlite: Database): Saved | null {
  const row = sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(SAVED_KEY) as { value: string } | undefined;
  if (!row) return null;
  let saved: Saved;
  try {
    saved = JSON.parse(row.value) as Saved;
  } catch {
    return null; // unreadable: recomputed in full and saved again, so nothing is lost
  }
  if (saved.rules !== RULES || (saved.activeDays ?? saved.activeDates?.length) === undefined) return null;
  const keyAt = (table: string, id: number) =>
    id === 0 ? null : ((sqlite.prepare(`SELECT idempotency_key AS key FROM ${table} WHERE id = ?`).get(id) as { key: string } | undefined)?.key ?? undefined);
  if (keyAt('activity_events', saved.eventId) !== saved.eventKey || keyAt('xp_ledger', saved.xpId) !== saved.xpKey) return null;
  return saved;
}

/** Applies the rows added after the saved mark; false when an older event arrived (the streak must replay). */
function applySince(sqlite: Database, saved: Saved): RunningTotals | null {
  const totals: RunningTotals = {
    totalXp: saved.totalXp,
    tally: { global: saved.global, byCourse: new Map(saved.byCourse) },
    streak: saved.streak,
    lastQualifying: saved.lastQualifying,
    activeDays: saved.activeDays ?? saved.activeDates!.length,
  };
  totals.totalXp += (sqlite.prepare('SELECT coalesce(sum(amount), 0) AS total FROM xp_ledger WHERE id > ?').get(saved.xpId) as { total: number }).total;
  tallyEvents(sqlite, totals.tally, saved.eventId);
  const added = qualifyingAfter(sqlite, saved.eventId);
  if (added.length > 0 && totals.lastQualifying && streakOrder(totals.lastQualifying, added[0]!) > 0) return null;
  addQualifying(totals, added);
  if (added.length > 0) totals.activeDays += days(sqlite).newAfter.get(saved.eventId, ...QUALIFYING_LIST, saved.eventId, ...QUALIFYING_LIST) as number;
  return totals;
}

export function saveTotals(sqlite: Database, totals: RunningTotals, at: number, mark: Mark = markNow(sqlite)): void {
  const saved: Saved = {
    rules: RULES,
    ...mark,
    totalXp: totals.totalXp,
    global: totals.tally.global,
    byCourse: [...totals.tally.byCourse],
    streak: totals.streak,
    lastQualifying: totals.lastQualifying,
    activeDays: totals.activeDays,
  };
  sqlite
    .prepare(
      'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    )
    .run(SAVED_KEY, JSON.stringify(saved), at);
}

/**
 * The totals now: the saved ones plus what was added since, or a full recomputation when there
 * is no valid save. Saves the result when it read any new row, in one transaction with the reads
 * so the mark matches what was counted.
 */
export function loadTotals(sqlite: Database, at: number): RunningTotals {
  return sqlite.transaction(() => {
    const mark = markNow(sqlite);
    const saved = readSaved(sqlite);
    if (saved && saved.activeDays !== undefined && saved.eventId === mark.eventId && saved.xpId === mark.xpId) return applySince(sqlite, saved)!;
    const totals = (saved && applySince(sqlite, saved)) ?? recomputeTotals(sqlite);
    saveTotals(sqlite, totals, at, mark);
    return totals;
  })();
}
