// `drona data export|delete`: the learner's data as a zip of JSON + CSV, and erasing all of it
// (after a typed confirmation, optionally keeping that zip as a backup first).
import Database from 'better-sqlite3';
import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { messageOf } from '../../preload/contract/errors';
import { DELETE_CONFIRMATION_WORD } from '../../preload/contract/data';
import type { EnvConfig } from '../app/app-config';
import { appVersion } from '../app/package-info';
import { CliUserError } from '../cli/cli-error';
import { exportData } from './data-export';
import { checkBackupOutside, checkErasable, confirms, eraseDataDir, EraseRefused } from './erase';
import { exportFileName } from './handlers';

const out = (text: string) => process.stdout.write(`${text}\n`);
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The database read-only (it may be open in the app meanwhile: WAL lets both read). */
function openReadOnly(dataDir: string): Database.Database {
  const file = path.join(dataDir, 'drona.db');
  if (!fs.existsSync(file)) throw new CliUserError(`${dataDir} holds no Dronacharya data (no drona.db); pass --data-dir to name another folder.`);
  try {
    return new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new CliUserError(`The progress database ${file} cannot be read: ${messageOf(error)}.`);
  }
}

async function exportTo(dataDir: string, file: string): Promise<void> {
  const target = path.resolve(file);
  if (fs.existsSync(target)) throw new CliUserError(`${file} already exists; choose another --out or remove it first.`);
  if (!fs.existsSync(path.dirname(target))) throw new CliUserError(`The folder of ${file} does not exist.`);
  const sqlite = openReadOnly(dataDir);
  const tty = process.stderr.isTTY;
  try {
    const summary = await exportData({
      sqlite,
      dataDir,
      appVersion: appVersion(),
      out: target,
      onProgress: (p) => tty && process.stderr.write(`\r  ${p.phase}: ${p.done} of ${p.total}   `),
    });
    if (tty) process.stderr.write('\n');
    const rows = Object.values(summary.tables).reduce((sum, n) => sum + n, 0);
    out(
      `Exported ${Object.keys(summary.tables).length} tables (${rows} rows) and ${summary.workspaceFiles} workspace files to ${target} (${megabytes(summary.bytes)}).`,
    );
  } finally {
    sqlite.close();
  }
}

function learnerName(dataDir: string): string | null {
  if (!fs.existsSync(path.join(dataDir, 'drona.db'))) return null;
  const sqlite = openReadOnly(dataDir);
  try {
    return (sqlite.prepare('SELECT name FROM profile WHERE id = 1').get() as { name: string } | undefined)?.name ?? null;
  } catch {
    return null; // no profile table yet: "delete" still confirms
  } finally {
    sqlite.close();
  }
}

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

interface DeleteFlags {
  dataDir?: string;
  backup?: string;
  confirm?: string;
}

async function deleteData(dataDir: string, keyDir: string, flags: DeleteFlags): Promise<void> {
  const refused = (error: unknown) => (error instanceof EraseRefused ? new CliUserError(error.message) : error);
  try {
    checkErasable(dataDir);
  } catch (error) {
    throw refused(error);
  }
  const interactive = process.stdin.isTTY && flags.confirm === undefined;
  let backup = flags.backup;
  if (backup === undefined && interactive) backup = (await ask('Keep a backup first? Type where to save the zip (Enter for no backup): ')).trim() || undefined;
  if (backup !== undefined) {
    try {
      checkBackupOutside(dataDir, backup);
    } catch (error) {
      throw refused(error);
    }
    await exportTo(dataDir, backup);
  }
  const name = learnerName(dataDir);
  const hint = `"${DELETE_CONFIRMATION_WORD}"${name ? ` or your name (${name})` : ''}`;
  let typed = flags.confirm;
  if (typed === undefined) {
    if (!interactive) throw new CliUserError(`Erasing needs a typed confirmation: pass --confirm ${DELETE_CONFIRMATION_WORD}. Nothing was erased.`);
    typed = await ask(`This erases all your progress, code, tutor sessions and saved secrets in ${dataDir}. Type ${hint} to confirm: `);
  }
  if (!confirms(typed, name)) throw new CliUserError(`The confirmation did not match ${hint}. Nothing was erased.`);
  try {
    eraseDataDir(dataDir, keyDir);
  } catch (error) {
    throw refused(error);
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  out(`Erased everything in ${dataDir} and its secrets key. Dronacharya starts fresh next time.`);
  out(backup ? `Your backup is at ${path.resolve(backup)}.` : 'No backup was kept.');
}

export function registerDataCommand(program: Command, config: EnvConfig): void {
  const data = program.command('data').description('your data: export it all, or erase it all');
  const dirOf = (flags: { dataDir?: string }) => (flags.dataDir ? path.resolve(flags.dataDir) : config.dataDir);
  data
    .command('export')
    .description('write everything (progress, ledger, reviews, journal, tutor sessions, workspace files, certificates) as a zip of JSON + CSV')
    .option('-o, --out <file>', 'where to write the zip (default: dronacharya-export-<date>.zip here)')
    .option('--data-dir <dir>', "the learner data folder (default: the desktop app's)")
    .action(async (flags: { out?: string; dataDir?: string }) => {
      await exportTo(dirOf(flags), flags.out ?? exportFileName(Date.now()));
    });
  data
    .command('delete')
    .description('erase everything (database, workspaces, tutor sessions, secrets, caches) after a typed confirmation')
    .option('--backup <file>', 'first export everything to this zip (outside the data folder)')
    .option('--confirm <text>', `the confirmation, for scripts: "${DELETE_CONFIRMATION_WORD}" or the learner's name`)
    .option('--data-dir <dir>', "the learner data folder (default: the desktop app's)")
    .action(async (flags: DeleteFlags) => {
      const dataDir = dirOf(flags);
      if (!fs.existsSync(dataDir)) {
        out(`${dataDir} does not exist: there is nothing to erase.`);
        return;
      }
      await deleteData(dataDir, config.keyDir, flags);
    });
}
