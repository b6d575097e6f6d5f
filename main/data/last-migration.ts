import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { defaultMigrationsFolder } from '../store/open-store';

/** The tag of the last migration applied to the database (e.g. 0005_learner_model), or null for none. */
export function lastMigration(sqlite: Database.Database, migrationsFolder = defaultMigrationsFolder): string | null {
  const table = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  if (!table) return null;
  const { last } = sqlite.prepare('SELECT max(created_at) AS last FROM __drizzle_migrations').get() as { last: number | null };
  if (last === null) return null;
  try {
    const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number; tag: string }[] };
    return journal.entries.find((entry) => entry.when === Number(last))?.tag ?? String(last);
  } catch {
    return String(last); // the journal is not beside this build: the migration's timestamp still names it
  }
}
