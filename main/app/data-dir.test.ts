// Attack: another account on a shared computer reads the learner's data folder. Everything the
// app creates there is private (folders 0700, files 0600) whatever the umask, and a folder an
// older version left world-readable is tightened on start.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encryptedFileSecretStore } from '../secrets/secret-store';
import { openStore } from '../store/open-store';
import { WorkspaceService } from '../workspace/workspace-service';
import { createApp, databaseFile, type DronaApp } from './create-app';
import { prepareDataDir } from './data-dir';
import { silentLogger } from './logger';

let umask = 0;
let app: DronaApp | undefined;
beforeEach(() => {
  umask = process.umask(0o022); // the usual default, under which files are created world-readable
});
afterEach(async () => {
  await app?.close();
  app = undefined;
  process.umask(umask);
});

/** Every path under `dir` (itself included) with group or other permission bits. */
function exposed(dir: string): string[] {
  const found: string[] = [];
  const visit = (file: string) => {
    const stat = fs.lstatSync(file);
    if (!stat.isSymbolicLink() && (stat.mode & 0o077) !== 0) found.push(`${path.relative(dir, file) || '.'} ${(stat.mode & 0o777).toString(8)}`);
    if (stat.isDirectory()) for (const name of fs.readdirSync(file)) visit(path.join(file, name));
  };
  visit(dir);
  return found;
}

/** A database one migration behind, so opening it takes a backup first. */
function olderDatabase(file: string) {
  const migrations = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'store', 'migrations');
  const older = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-migrations-'));
  fs.cpSync(migrations, older, { recursive: true });
  const journalFile = path.join(older, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
  fs.writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, -1) }));
  openStore(file, older).close();
  fs.rmSync(older, { recursive: true, force: true });
}

describe('the data folder', () => {
  it('is private from the start: database, WAL, backups, secrets, workspaces, trash', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-home-'));
    fs.chmodSync(home, 0o755);
    const dataDir = path.join(home, '.config', 'Dronacharya');
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    olderDatabase(databaseFile(dataDir));
    app = createApp({ dataDir, mode: 'serve', version: '0.0.0-test', logger: silentLogger, backgroundWork: false });
    const state = app.state();
    if (!('services' in state)) throw new Error('the app did not start');
    encryptedFileSecretStore(dataDir).set('tutor.anthropicKey', 'sk-ant-secret');
    const workspace = new WorkspaceService(state.services.store, dataDir, async () => [{ path: 'main.py', content: 'print(1)\n', role: 'editable' }]);
    await workspace.open('py', 'add');
    await workspace.createFile('py', 'add', 'pkg/mod.py');
    await workspace.write('py', 'add', 'pkg/mod.py', 'x = 1\n', true);
    await workspace.delete('py', 'add', 'pkg/mod.py');
    expect(fs.readdirSync(path.join(dataDir, 'backups'))).toHaveLength(1);
    expect(fs.existsSync(`${databaseFile(dataDir)}-wal`)).toBe(true);
    expect(exposed(path.join(home, '.config'))).toEqual([]);
  });

  it('made world-readable by an older version is tightened on start', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-old-'));
    openStore(databaseFile(dataDir)).close();
    fs.chmodSync(dataDir, 0o755);
    fs.chmodSync(databaseFile(dataDir), 0o644);
    app = createApp({ dataDir, mode: 'serve', version: '0.0.0-test', logger: silentLogger, backgroundWork: false });
    expect((fs.statSync(dataDir).mode & 0o777).toString(8)).toBe('700');
    for (const file of [databaseFile(dataDir), `${databaseFile(dataDir)}-wal`, `${databaseFile(dataDir)}-shm`]) {
      expect((fs.statSync(file).mode & 0o777).toString(8)).toBe('600');
    }
  });

  it('that cannot be made is refused with its name, not waited on forever', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'drona-file-')), 'a-file');
    fs.writeFileSync(file, 'not a folder');
    expect(() => prepareDataDir(path.join(file, 'data'))).toThrow(`Cannot make the data folder ${path.join(file, 'data')} (ENOTDIR).`);
    expect(() => prepareDataDir(path.join(file, 'deep', 'data'))).toThrow(`: ${path.join(file, 'deep')} could not be made (ENOTDIR).`);
    // Node's own recursive mkdirSync never returns here.
    if (process.platform === 'linux') expect(() => prepareDataDir('/proc/drona-data')).toThrow('Cannot make the data folder /proc/drona-data (ENOENT).');
  });

  it('is made with every missing folder above it, all private', () => {
    const top = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-deep-'));
    expect(prepareDataDir(path.join(top, 'a', 'b'))).toBeNull();
    for (const dir of [path.join(top, 'a'), path.join(top, 'a', 'b')]) expect((fs.statSync(dir).mode & 0o777).toString(8)).toBe('700');
    expect(prepareDataDir(path.join(top, 'a', 'b'))).toBeNull();
  });
});
