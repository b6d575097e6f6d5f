import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import fs from 'node:fs';
import path from 'node:path';
import type { StoreProblem } from '../../preload/contract/app';
import { messageOf } from '../../preload/contract/errors';

export type StoreDb = BetterSQLite3Database;

export interface Store {
  readonly file: string;
  readonly sqlite: Database.Database;
  readonly db: StoreDb;
  /** Runs fn in one SQLite transaction (better-sqlite3 transactions are synchronous). */
  transaction<T>(fn: (db: StoreDb) => T): T;
  close(): void;
}

/** The database cannot be opened as is: the learner chooses what happens (see recoverStore). */
export class StoreOpenError extends Error {
  constructor(readonly problem: StoreProblem) {
    super(problem.detail);
    this.name = 'StoreOpenError';
  }
}

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

export const defaultMigrationsFolder = path.join(path.dirname(new URL(import.meta.url).pathname), 'migrations');

function readJournal(migrationsFolder: string): JournalEntry[] {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  return journal.entries;
}

export function backupDirFor(file: string): string {
  return path.join(path.dirname(file), 'backups');
}

export function listBackups(file: string): { file: string; takenAt: number }[] {
  const dir = backupDirFor(file);
  if (!fs.existsSync(dir)) return [];
  const base = path.basename(file);
  return fs
    .readdirSync(dir)
    .filter((name) => name.startsWith(`${base}.`) && name.endsWith('.bak'))
    .map((name) => ({ file: path.join(dir, name), takenAt: fs.statSync(path.join(dir, name)).mtimeMs }))
    .sort((a, b) => b.takenAt - a.takenAt);
}

/** 0600 for files an older version (or SQLite under a loose umask) left readable by other accounts. */
function makePrivate(...files: string[]): void {
  if (process.platform === 'win32') return;
  for (const file of files) {
    try {
      if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
    } catch {
      // not there (no WAL yet), or not ours: the 0700 data folder still guards it
    }
  }
}

function problem(kind: StoreProblem['kind'], file: string, detail: string): StoreOpenError {
  return new StoreOpenError({ kind, file, detail, backups: listBackups(file) });
}

/** Where a clean close records what the file looked like; see needsIntegrityCheck. */
export function sealFileFor(file: string): string {
  return `${file}.sealed`;
}

function fileIdentity(file: string): string {
  const stat = fs.statSync(file, { bigint: true });
  return JSON.stringify([String(stat.ino), String(stat.size), String(stat.mtimeNs), String(stat.ctimeNs)]);
}

/**
 * A full quick_check reads every page (about 4 s at a million rows), so it runs only when the
 * file may have changed since Dronacharya last closed it cleanly: no seal (first start, crash,
 * power loss), a WAL left behind, or a file whose size, times or inode differ from the seal's.
 */
export function needsIntegrityCheck(file: string): boolean {
  try {
    const wal = `${file}-wal`;
    if (fs.existsSync(wal) && fs.statSync(wal).size > 0) return true;
    return fs.readFileSync(sealFileFor(file), 'utf8') !== fileIdentity(file);
  } catch {
    return true; // no seal, or it cannot be read: check
  }
}

function closeAndSeal(sqlite: Database.Database, file: string): void {
  sqlite.close();
  try {
    if (!fs.existsSync(`${file}-wal`)) fs.writeFileSync(sealFileFor(file), fileIdentity(file), { mode: 0o600 });
  } catch (error) {
    // Without a seal the next start runs the full check: slower, never wrong.
    console.warn(`Could not record a clean close of ${file}: ${messageOf(error)}`);
  }
}

function lastAppliedMigration(sqlite: Database.Database): number | null {
  const table = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  if (!table) return null;
  const row = sqlite.prepare('SELECT max(created_at) AS last FROM __drizzle_migrations').get() as {
    last: number | null;
  };
  return row.last === null ? null : Number(row.last);
}

/**
 * Opens (creating if needed) the learner's database: WAL, foreign keys on, pending
 * migrations applied in one transaction after a backup of the file. A file that is not a
 * healthy SQLite database, or one written by a newer Dronacharya, throws StoreOpenError
 * and is left exactly as it was.
 */
export function openStore(file: string, migrationsFolder = defaultMigrationsFolder): Store {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const existed = fs.existsSync(file) && fs.statSync(file).size > 0;
  // SQLite creates the -wal and -shm files with the database's mode: 0600 makes all three private.
  if (!fs.existsSync(file)) fs.closeSync(fs.openSync(file, 'a', 0o600));
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file);
  } catch (error) {
    throw problem('corrupt', file, `The progress database ${file} cannot be opened: ${messageOf(error)}`);
  }
  const mustCheck = needsIntegrityCheck(file);
  // From here a crash must mean a check next time.
  fs.rmSync(sealFileFor(file), { force: true });
  try {
    if (mustCheck) {
      const check = sqlite.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(String(check));
    }
  } catch (error) {
    sqlite.close();
    throw problem('corrupt', file, `The progress database ${file} is damaged (${messageOf(error)}).`);
  }

  const journal = readJournal(migrationsFolder);
  const lastKnown = journal.length ? journal[journal.length - 1]!.when : 0;
  const lastApplied = lastAppliedMigration(sqlite);
  if (lastApplied !== null && lastApplied > lastKnown) {
    sqlite.close();
    throw problem('newer', file, `The progress database ${file} was written by a newer version of Dronacharya. Update the app, or restore a backup.`);
  }

  sqlite.pragma('journal_mode = WAL');
  makePrivate(file, `${file}-wal`, `${file}-shm`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');

  if (existed && (lastApplied ?? 0) < lastKnown) {
    const dir = backupDirFor(file);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const target = path.join(dir, `${path.basename(file)}.${new Date().toISOString().replace(/[:.]/g, '-')}.bak`);
    sqlite.prepare('VACUUM INTO ?').run(target);
    makePrivate(target);
  }

  // No relational query API (db.query): building its config from the schema cost ~40 ms of every start (bench:startup).
  const db = drizzle(sqlite);
  // Up to date (every start but the first after an update): nothing to read or hash in the migrations folder.
  if (lastApplied === null || lastApplied < lastKnown) migrate(db, { migrationsFolder });
  return {
    file,
    sqlite,
    db,
    transaction: (fn) => sqlite.transaction(() => fn(db)).immediate(),
    close: () => closeAndSeal(sqlite, file),
  };
}

/**
 * What the learner chose for a database that would not open. The bad file (with its WAL and
 * SHM companions) is always kept aside, never deleted or overwritten.
 */
export function recoverStore(file: string, choice: { action: 'restore'; backupFile: string } | { action: 'fresh' }): { keptAside: string | null } {
  if (choice.action === 'restore') {
    const known = listBackups(file).some((b) => path.resolve(b.file) === path.resolve(choice.backupFile));
    if (!known) throw new Error(`${choice.backupFile} is not one of this database's backups.`);
  }
  let keptAside: string | null = null;
  if (fs.existsSync(file)) {
    keptAside = `${file}.broken-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    for (const suffix of ['', '-wal', '-shm']) {
      if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, keptAside + suffix);
    }
  }
  if (choice.action === 'restore') fs.copyFileSync(choice.backupFile, file);
  return { keptAside };
}
