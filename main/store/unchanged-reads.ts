// Reads kept until the store changes. Next up, the six metrics, the Mentor and the Progress view
// ask for the same figures many times between two learning events, and reading them costs a few
// milliseconds on a long history and a large course. "Unchanged" is SQLite's own word, so no
// writer has to remember to invalidate anything: total_changes() counts every row this connection
// inserted, updated or deleted (triggers included) and data_version moves when another connection
// commits. Nothing is kept inside a transaction (it may roll back), nor from a read that wrote.
import type { Database, Statement } from 'better-sqlite3';

interface Kept {
  readonly version: Statement;
  at: string;
  readonly values: Map<string, unknown>;
}

/** Keys kept per version at most: keys name their parameters (a course, a date), so few differ. */
const MAX_KEPT = 64;

const kept = new WeakMap<Database, Kept>();

function keptFor(db: Database): Kept {
  let entry = kept.get(db);
  if (!entry) {
    const version = db.prepare(`SELECT total_changes() || ':' || (SELECT data_version FROM pragma_data_version())`).pluck();
    entry = { version, at: '', values: new Map() };
    kept.set(db, entry);
  }
  return entry;
}

/**
 * The value `read` returns, read once per state of the store. `key` must name everything the
 * read depends on besides the store (course id, date, time zone); callers must not mutate the value.
 */
export function unchangedRead<T>(db: Database, key: string, read: () => T): T {
  if (db.inTransaction) return read();
  const entry = keptFor(db);
  const before = entry.version.get() as string;
  if (before !== entry.at) {
    entry.at = before;
    entry.values.clear();
  }
  if (entry.values.has(key)) return entry.values.get(key) as T;
  const value = read();
  if (entry.version.get() !== before) return value;
  if (entry.values.size >= MAX_KEPT) entry.values.clear();
  entry.values.set(key, value);
  return value;
}
