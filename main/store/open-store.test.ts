import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listBackups, needsIntegrityCheck, openStore, recoverStore, sealFileFor, StoreOpenError, defaultMigrationsFolder } from './open-store';
import { profile } from './schema';

const dirs: string[] = [];
function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-store-'));
  dirs.push(dir);
  return path.join(dir, 'drona.db');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const journal = () =>
  JSON.parse(fs.readFileSync(path.join(defaultMigrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number; tag: string }[];
  };

function openError(file: string): StoreOpenError {
  try {
    openStore(file).close();
  } catch (error) {
    if (error instanceof StoreOpenError) return error;
    throw error;
  }
  throw new Error('expected the store to refuse to open');
}

describe('openStore', () => {
  it('has every migration dated after the one before (drizzle skips an earlier-dated one on upgrade)', () => {
    const dates = journal().entries.map((entry) => entry.when);
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    expect(new Set(dates).size).toBe(dates.length);
  });

  it('creates every table from an empty folder, in WAL mode with foreign keys on', () => {
    const file = tempFile();
    const store = openStore(file);
    const tables = store.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((row) => (row as { name: string }).name);
    for (const table of [
      'profile',
      'settings',
      'courses',
      'lessons',
      'lesson_progress',
      'xp_ledger',
      'achievements',
      'ai_sessions',
      'ai_messages',
      'code_executions',
      'workspace_snapshots',
      'certificates',
      'sync_outbox',
    ]) {
      expect(tables).toContain(table);
    }
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    const applied = store.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number };
    expect(applied.n).toBe(journal().entries.length);
    store.close();
    expect(listBackups(file)).toEqual([]); // nothing to back up for a new file
  });

  it('a second start is a no-op: same migrations, data kept, no backup taken', () => {
    const file = tempFile();
    const first = openStore(file);
    first.db.insert(profile).values({ id: 1, name: 'Asha', experienceLevel: 'new', gamificationMode: 'full', timezone: 'UTC', createdAt: 1 }).run();
    first.close();
    const second = openStore(file);
    expect(second.db.select().from(profile).all()).toHaveLength(1);
    const applied = second.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number };
    expect(applied.n).toBe(journal().entries.length);
    second.close();
    expect(listBackups(file)).toEqual([]);
  });

  it('backs the file up before applying pending migrations', () => {
    const file = tempFile();
    const store = openStore(file);
    store.db.insert(profile).values({ id: 1, name: 'Asha', experienceLevel: 'new', gamificationMode: 'full', timezone: 'UTC', createdAt: 1 }).run();
    // Pretend the newest migration has not been applied yet.
    const last = journal().entries.at(-1)!;
    store.sqlite.prepare('DELETE FROM __drizzle_migrations WHERE created_at = ?').run(last.when);
    store.close();
    // Re-applying the last migration fails on its existing tables, but only after the backup.
    try {
      openStore(file).close();
    } catch {
      // The migration runs inside one transaction, so a failure leaves the file as it was.
    }
    const backups = listBackups(file);
    expect(backups).toHaveLength(1);
    const copy = new Database(backups[0]!.file, { readonly: true });
    expect(copy.prepare('SELECT name FROM profile').get()).toEqual({ name: 'Asha' });
    copy.close();
  });

  it('refuses a corrupt file with a clear message and leaves it untouched', () => {
    const file = tempFile();
    const garbage = Buffer.from('this is not a database, just some text that ended up here '.repeat(200));
    fs.writeFileSync(file, garbage);
    const error = openError(file);
    expect(error.problem.kind).toBe('corrupt');
    expect(error.problem.detail).toContain(file);
    expect(error.problem.detail).toMatch(/damaged|cannot be opened/);
    expect(fs.readFileSync(file).equals(garbage)).toBe(true);
  });

  it('refuses a file damaged inside its pages', () => {
    const file = tempFile();
    const store = openStore(file);
    store.sqlite.pragma('journal_mode = DELETE');
    store.close();
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    // Overwrite the second page (the first table's b-tree) with noise.
    for (let i = pageSize; i < pageSize * 2; i++) bytes[i] = (i * 31) & 0xff;
    fs.writeFileSync(file, bytes);
    const before = fs.readFileSync(file);
    expect(openError(file).problem.kind).toBe('corrupt');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('skips the full check only for a file closed cleanly and unchanged since', () => {
    const file = tempFile();
    expect(needsIntegrityCheck(file)).toBe(true);
    const store = openStore(file);
    expect(needsIntegrityCheck(file)).toBe(true); // open: a crash now must mean a check
    store.close();
    expect(needsIntegrityCheck(file)).toBe(false);
    // Any write by someone else (even the same size) breaks the seal.
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes);
    expect(needsIntegrityCheck(file)).toBe(true);
  });

  it('a crash (no clean close) leaves no seal, so damage after it is still found', () => {
    const file = tempFile();
    openStore(file).close();
    const crashed = openStore(file);
    crashed.sqlite.pragma('journal_mode = DELETE');
    crashed.sqlite.close(); // the process dies: Store.close never runs
    expect(fs.existsSync(sealFileFor(file))).toBe(false);
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    for (let i = pageSize; i < pageSize * 2; i++) bytes[i] = (i * 31) & 0xff;
    fs.writeFileSync(file, bytes);
    expect(openError(file).problem.kind).toBe('corrupt');
  });

  it('refuses a database written by a newer version, untouched', () => {
    const file = tempFile();
    openStore(file).close();
    const raw = new Database(file);
    raw.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', journal().entries.at(-1)!.when + 1000);
    raw.close();
    const error = openError(file);
    expect(error.problem.kind).toBe('newer');
    expect(error.problem.detail).toContain('newer version of Dronacharya');
    const after = new Database(file, { readonly: true });
    expect(after.prepare("SELECT count(*) AS n FROM __drizzle_migrations WHERE hash = 'future'").get()).toEqual({ n: 1 });
    after.close();
  });
});

describe('recoverStore', () => {
  it('starts fresh with the bad file kept aside', () => {
    const file = tempFile();
    fs.writeFileSync(file, 'garbage');
    const { keptAside } = recoverStore(file, { action: 'fresh' });
    expect(keptAside).not.toBeNull();
    expect(fs.readFileSync(keptAside!, 'utf8')).toBe('garbage');
    expect(fs.existsSync(file)).toBe(false);
    openStore(file).close();
  });

  it('restores a listed backup and keeps the bad file aside', () => {
    const file = tempFile();
    const store = openStore(file);
    store.db.insert(profile).values({ id: 1, name: 'Ravi', experienceLevel: 'some', gamificationMode: 'off', timezone: 'UTC', createdAt: 1 }).run();
    fs.mkdirSync(path.join(path.dirname(file), 'backups'));
    const backup = path.join(path.dirname(file), 'backups', 'drona.db.2026-01-01.bak');
    store.sqlite.prepare('VACUUM INTO ?').run(backup);
    store.close();
    fs.writeFileSync(file, 'garbage');
    fs.rmSync(`${file}-wal`, { force: true });
    fs.rmSync(`${file}-shm`, { force: true });
    const { keptAside } = recoverStore(file, { action: 'restore', backupFile: backup });
    expect(fs.readFileSync(keptAside!, 'utf8')).toBe('garbage');
    const restored = openStore(file);
    expect(restored.db.select().from(profile).get()?.name).toBe('Ravi');
    restored.close();
  });

  it('refuses a file that is not one of the backups, changing nothing', () => {
    const file = tempFile();
    fs.writeFileSync(file, 'garbage');
    expect(() => recoverStore(file, { action: 'restore', backupFile: '/etc/passwd' })).toThrow(/not one of this database's backups/);
    expect(fs.readFileSync(file, 'utf8')).toBe('garbage');
  });
});
