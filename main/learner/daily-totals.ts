// The per-day totals migration 0008 keeps (its triggers add to them in the transaction of each
// insert into the XP ledger, activity events, attempts, hint reveals and the review log), read
// for a window of days: the metrics and the Progress view read a few dozen rows, not the events.
import type { Database } from 'better-sqlite3';

const DAY_MS = 86_400_000;

/** Per local date (the learner's date when it happened). */
export interface DailyTotal {
  readonly date: string;
  readonly xp: number;
  /** Ledger rows that day (a day's XP can sum to 0 or less: hints cost XP). */
  readonly xpEntries: number;
  /** Events that keep a streak (QUALIFYING_KINDS). */
  readonly qualifying: number;
  /** Lessons, challenges and quizzes completed. */
  readonly lessons: number;
  readonly modules: number;
}

/** Per UTC day: days since the epoch, as instants are kept. */
export interface DailyInteractions {
  readonly day: number;
  readonly interactions: number;
  readonly reviews: number;
  readonly recalled: number;
  /** Bit n: an interaction in the half hour from n × 30 minutes after midnight UTC. */
  readonly slots: number;
}

/** The UTC day number of an instant, as the triggers compute it. */
export const utcDay = (at: number) => Math.floor(at / DAY_MS);

const prepared = new WeakMap<Database, ReturnType<typeof prepare>>();
function prepare(db: Database) {
  return {
    totals: db.prepare(
      `SELECT local_date AS date, xp, xp_entries AS xpEntries, qualifying, lessons, modules FROM daily_totals
       WHERE local_date BETWEEN ? AND ? ORDER BY local_date`,
    ),
    interactions: db.prepare('SELECT day, interactions, reviews, recalled, slots FROM daily_interactions WHERE day BETWEEN ? AND ? ORDER BY day'),
  };
}
const statements = (db: Database) => prepared.get(db) ?? prepared.set(db, prepare(db)).get(db)!;

/** Local dates from `from` to `to` (YYYY-MM-DD, both included) that have any total, oldest first. */
export function dailyTotals(db: Database, from: string, to = '9999-12-31'): DailyTotal[] {
  return statements(db).totals.all(from, to) as DailyTotal[];
}

/** UTC days from `from` to `to` (both included) with any interaction, oldest first. */
export function dailyInteractions(db: Database, from: number, to = Number.MAX_SAFE_INTEGER): DailyInteractions[] {
  return statements(db).interactions.all(from, to) as DailyInteractions[];
}
