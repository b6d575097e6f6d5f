// Which tables of the learner's database an export holds: every table SQLite lists, except the
// few named here with the reason. Generic on purpose: a table a later migration adds is exported
// without anyone remembering to (store-tables.test.ts fails on a table neither exported nor named).
import type Database from 'better-sqlite3';

const ftsShadows = (table: string) => ['data', 'idx', 'content', 'docsize', 'config'].map((part) => `${table}_${part}`);
const searchIndex = 'a search index rebuilt from the installed courses';

/** Table name → why it is left out. */
export const EXCLUDED_TABLES: Readonly<Record<string, string>> = {
  sqlite_sequence: "SQLite's own AUTOINCREMENT counters",
  __drizzle_migrations: 'schema bookkeeping; the manifest names the last migration applied',
  lesson_search: searchIndex,
  lesson_passages: searchIndex,
  ...Object.fromEntries([...ftsShadows('lesson_search'), ...ftsShadows('lesson_passages')].map((name) => [name, `part of ${searchIndex}`])),
};

export function allTables(sqlite: Database.Database): string[] {
  const rows = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  return rows.map((row) => row.name);
}

export const exportedTables = (sqlite: Database.Database): string[] => allTables(sqlite).filter((name) => !(name in EXCLUDED_TABLES));

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function rowCount(sqlite: Database.Database, table: string): number {
  return (sqlite.prepare(`SELECT count(*) AS n FROM ${quoted(table)}`).get() as { n: number }).n;
}

/** Keys in settings values that may hold a credential (older versions kept sync tokens there). */
const SECRET_KEY = /token|secret|password|passphrase|api[-_]?key|credential/i;

/** The value with every credential-like field replaced, at any depth. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, SECRET_KEY.test(key) && inner !== null ? '[removed]' : redactSecrets(inner)]));
  return value;
}

/** A settings row as exported: its JSON value without credentials (text that is not JSON stays). */
function cleanSettingsRow(row: Record<string, unknown>): Record<string, unknown> {
  if (typeof row.value !== 'string') return row;
  try {
    return { ...row, value: JSON.stringify(redactSecrets(JSON.parse(row.value))) };
  } catch {
    return row; // not JSON: nothing structured to redact
  }
}

const PAGE_ROWS = 500;

/**
 * The table's rows, a page at a time in rowid order (every app table has a rowid), so a million
 * rows never sit in memory at once and the caller can yield between pages.
 */
export function* tablePages(sqlite: Database.Database, table: string): Generator<{ columns: string[]; rows: Record<string, unknown>[] }> {
  const statement = sqlite.prepare(`SELECT rowid AS "__export_rowid", * FROM ${quoted(table)} WHERE rowid > ? ORDER BY rowid LIMIT ${PAGE_ROWS}`);
  const columns = statement
    .columns()
    .map((column) => column.name)
    .slice(1);
  let after = Number.MIN_SAFE_INTEGER;
  for (;;) {
    const page = statement.all(after) as Record<string, unknown>[];
    if (page.length === 0) return;
    after = page[page.length - 1]!.__export_rowid as number;
    const rows = page.map((row) => {
      delete row.__export_rowid;
      return table === 'settings' ? cleanSettingsRow(row) : row;
    });
    yield { columns, rows };
    if (page.length < PAGE_ROWS) return;
  }
}
