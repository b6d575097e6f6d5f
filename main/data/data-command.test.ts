// `drona data export|delete` against a real data folder.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultKeyDir } from '../app/app-config';
import { runCliCaptured } from '../cli/testing-run-cli';
import { encryptedFileSecretStore } from '../secrets/secret-store';
import { keyFileFor } from '../secrets/key-location';
import { useTempDirs } from '../testing/temp-dirs';
import { parseCsv } from './csv';
import { allTables, EXCLUDED_TABLES } from './store-tables';
import { readZip } from './read-zip';
import { seedDataFolder, trickyText } from './test-data-folder';

const tempDir = useTempDirs('drona-data-');

async function folder(): Promise<{ dataDir: string; outside: string }> {
  const dataDir = path.join(tempDir(), 'data');
  await seedDataFolder(dataDir);
  return { dataDir, outside: tempDir() };
}

describe('drona data export', () => {
  it('writes every table as JSON and CSV, the workspace files, a manifest and a README', async () => {
    const { dataDir, outside } = await folder();
    const out = path.join(outside, 'export.zip');
    const run = await runCliCaptured('data', 'export', '--data-dir', dataDir, '--out', out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Exported \d+ tables \(\d+ rows\) and 2 workspace files to .*export\.zip/);

    const zip = await readZip(out);
    const sqlite = new Database(path.join(dataDir, 'drona.db'), { readonly: true });
    const tables = allTables(sqlite);
    sqlite.close();
    // A table a later migration adds is exported unless named, with a reason, in EXCLUDED_TABLES.
    const missing = tables.filter((table) => !(table in EXCLUDED_TABLES) && !(zip.has(`tables/${table}.json`) && zip.has(`tables/${table}.csv`)));
    expect(missing).toEqual([]);
    for (const table of [
      'profile',
      'settings',
      'xp_ledger',
      'review_cards',
      'review_log',
      'concept_mastery',
      'mastery_evidence',
      'journal_entries',
      'ai_sessions',
      'ai_messages',
      'certificates',
    ])
      expect(zip.has(`tables/${table}.json`), table).toBe(true);
    expect(zip.get('workspaces/python-basics/hello/main.py')?.toString()).toBe('print("hi")\n');
    expect(zip.get('workspaces/python-basics/hello/pkg/util.py')?.toString()).toBe('X = 1\n');

    const manifest = JSON.parse(zip.get('manifest.json')!.toString()) as Record<string, unknown> & { counts: { tables: Record<string, number> } };
    expect(manifest).toMatchObject({ format: 'dronacharya-export', schemaMigration: '0007_exams', counts: { workspaceFiles: 2 } });
    expect(manifest.counts.tables.profile).toBe(1);
    expect(zip.get('README.md')!.toString()).toContain('never exported');

    const journal = parseCsv(zip.get('tables/journal_entries.csv')!.toString());
    expect(journal[0]).toEqual(['id', 'course_id', 'lesson_id', 'text', 'created_at']);
    expect(journal[1]![3]).toBe(trickyText);
    expect((JSON.parse(zip.get('tables/journal_entries.json')!.toString()) as { text: string }[])[0]!.text).toBe(trickyText);
    // Secrets never leave: a token an older version kept in settings is removed.
    const everything = [...zip.values()].map((bytes) => bytes.toString()).join('\n');
    expect(everything).not.toContain('SECRET-ACCESS');
    expect(zip.get('tables/settings.json')!.toString()).toContain('[removed]');
  });

  it('never follows a link in a workspace out of the data folder', async () => {
    const { dataDir, outside } = await folder();
    fs.writeFileSync(path.join(outside, 'private.txt'), 'OUTSIDE-SECRET');
    fs.mkdirSync(path.join(outside, 'dir'));
    fs.writeFileSync(path.join(outside, 'dir', 'inner.txt'), 'OUTSIDE-DIR');
    const lesson = path.join(dataDir, 'workspaces', 'python-basics', 'hello');
    fs.symlinkSync(path.join(outside, 'private.txt'), path.join(lesson, 'link.txt'));
    fs.symlinkSync(path.join(outside, 'dir'), path.join(lesson, 'linked-dir'));
    const out = path.join(outside, 'export.zip');
    expect((await runCliCaptured('data', 'export', '--data-dir', dataDir, '--out', out)).code).toBe(0);
    const zip = await readZip(out);
    const everything = [...zip.values()].map((bytes) => bytes.toString()).join('\n');
    expect(everything).not.toContain('OUTSIDE-SECRET');
    expect(everything).not.toContain('OUTSIDE-DIR');
    const manifest = JSON.parse(zip.get('manifest.json')!.toString()) as { skipped: { path: string }[] };
    expect(manifest.skipped.map((s) => s.path).sort()).toEqual(['workspaces/python-basics/hello/link.txt', 'workspaces/python-basics/hello/linked-dir']);
  });

  it('refuses a folder with no data and an existing --out, with exit 1', async () => {
    const empty = tempDir();
    const none = await runCliCaptured('data', 'export', '--data-dir', empty, '--out', path.join(empty, 'x.zip'));
    expect(none).toMatchObject({ code: 1, stderr: expect.stringContaining('holds no Dronacharya data') });
    const { dataDir, outside } = await folder();
    fs.writeFileSync(path.join(outside, 'taken.zip'), '');
    const taken = await runCliCaptured('data', 'export', '--data-dir', dataDir, '--out', path.join(outside, 'taken.zip'));
    expect(taken).toMatchObject({ code: 1, stderr: expect.stringContaining('already exists') });
  });
});

describe('drona data delete', () => {
  it('keeps the chosen backup and nothing else: the folder and its secrets key are gone', async () => {
    const { dataDir, outside } = await folder();
    encryptedFileSecretStore(dataDir, defaultKeyDir()).set('tutor.anthropicKey', 'sk-test');
    const keyFile = keyFileFor(dataDir, defaultKeyDir());
    expect(fs.existsSync(keyFile)).toBe(true);
    const backup = path.join(outside, 'backup.zip');
    const run = await runCliCaptured('data', 'delete', '--data-dir', dataDir, '--backup', backup, '--confirm', 'Asha');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Erased everything');
    expect(run.stdout).toContain(`Your backup is at ${backup}`);
    expect(fs.existsSync(dataDir)).toBe(false);
    expect(fs.existsSync(keyFile)).toBe(false);
    expect(fs.readdirSync(outside)).toEqual(['backup.zip']);
    expect((await readZip(backup)).has('tables/profile.json')).toBe(true);
  });

  it('erases nothing without the typed confirmation, or with a backup inside the folder', async () => {
    const { dataDir } = await folder();
    // Reading the database (for the learner's name) may add its -wal and -shm files.
    const listing = () =>
      fs
        .readdirSync(dataDir)
        .filter((name) => !/-(wal|shm)$/.test(name))
        .sort();
    const before = listing();
    expect(await runCliCaptured('data', 'delete', '--data-dir', dataDir)).toMatchObject({ code: 1, stderr: expect.stringContaining('--confirm delete') });
    expect(await runCliCaptured('data', 'delete', '--data-dir', dataDir, '--confirm', 'yes')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('did not match "delete" or your name (Asha)'),
    });
    expect(await runCliCaptured('data', 'delete', '--data-dir', dataDir, '--confirm', 'delete', '--backup', path.join(dataDir, 'b.zip'))).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('inside the data folder'),
    });
    expect(listing()).toEqual(before);
  });

  it('refuses while another process uses the folder, and a folder that is not Dronacharya’s', async () => {
    const { dataDir } = await folder();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      fs.mkdirSync(path.join(dataDir, 'in-use'), { recursive: true });
      fs.writeFileSync(path.join(dataDir, 'in-use', String(other.pid)), JSON.stringify({ pid: other.pid, mode: 'serve', since: 1 }));
      const run = await runCliCaptured('data', 'delete', '--data-dir', dataDir, '--confirm', 'delete');
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`process ${other.pid} (serve`);
      expect(fs.existsSync(path.join(dataDir, 'drona.db'))).toBe(true);
    } finally {
      other.kill();
    }
    const home = tempDir();
    fs.writeFileSync(path.join(home, 'notes.txt'), 'mine');
    expect(await runCliCaptured('data', 'delete', '--data-dir', home, '--confirm', 'delete')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('does not look like a Dronacharya data folder'),
    });
    expect(fs.readFileSync(path.join(home, 'notes.txt'), 'utf8')).toBe('mine');
  });
});

describe('the export exclusion list', () => {
  it('names only tables a fresh store has', async () => {
    const { dataDir } = await folder();
    const sqlite = new Database(path.join(dataDir, 'drona.db'), { readonly: true });
    const tables = new Set(allTables(sqlite));
    sqlite.close();
    expect(Object.keys(EXCLUDED_TABLES).filter((name) => !tables.has(name))).toEqual([]);
  });
});
