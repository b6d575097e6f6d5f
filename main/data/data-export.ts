// Export everything the learner has as one zip of JSON + CSV: every table of the store (see
// store-tables.ts for the few left out and why), the current files of each lesson workspace, a
// manifest and a README. Secrets (the tutor's API key, sync tokens) live in the secret store,
// never in a table, and credential-like fields of settings are removed: the README says so.
import type Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import yazl from 'yazl';
import type { DataExportProgress, DataExportSummary } from '../../preload/contract/data';
import { messageOf } from '../../preload/contract/errors';
import { csvRow } from './csv';
import { allTables, EXCLUDED_TABLES, exportedTables, rowCount, tablePages } from './store-tables';
import { readNoFollow, scanWorkspaces } from './workspace-files';
import { exportReadme } from './export-readme';
import { lastMigration } from './last-migration';

export interface ExportOptions {
  readonly sqlite: Database.Database;
  readonly dataDir: string;
  readonly appVersion: string;
  /** Where the zip is written (created 0600; replaced if it exists). */
  readonly out: string;
  readonly now?: () => number;
  readonly onProgress?: (progress: DataExportProgress) => void;
}

const safeName = (name: string) => name.replace(/[^A-Za-z0-9_.-]/g, '_');
/** Bytes as base64 in JSON, as in CSV. */
const jsonValue = (_key: string, value: unknown) =>
  value && typeof value === 'object' && (value as { type?: unknown }).type === 'Buffer'
    ? Buffer.from((value as { data: number[] }).data).toString('base64')
    : value;

/** Writes the table as JSON and CSV files in `dir`, a page at a time, yielding between pages. */
async function dumpTable(sqlite: Database.Database, table: string, dir: string, progressed: (rows: number) => void): Promise<{ json: string; csv: string }> {
  const json = path.join(dir, `${safeName(table)}.json`);
  const csv = path.join(dir, `${safeName(table)}.csv`);
  const jsonFd = fs.openSync(json, 'w', 0o600);
  const csvFd = fs.openSync(csv, 'w', 0o600);
  try {
    let first = true;
    let header = false;
    fs.writeSync(jsonFd, '[');
    for (const { columns, rows } of tablePages(sqlite, table)) {
      if (!header) fs.writeSync(csvFd, csvRow(columns));
      header = true;
      const text = rows.map((row) => JSON.stringify(row, jsonValue)).join(',\n');
      fs.writeSync(jsonFd, `${first ? '\n' : ',\n'}${text}`);
      fs.writeSync(csvFd, rows.map((row) => csvRow(columns.map((column) => row[column]))).join(''));
      first = false;
      progressed(rows.length);
      await nextTurn();
    }
    if (!header) fs.writeSync(csvFd, csvRow(columnsOf(sqlite, table)));
    fs.writeSync(jsonFd, first ? ']\n' : '\n]\n');
  } finally {
    fs.closeSync(jsonFd);
    fs.closeSync(csvFd);
  }
  return { json, csv };
}

const columnsOf = (sqlite: Database.Database, table: string) =>
  (sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((row) => row.name);

export async function exportData(options: ExportOptions): Promise<DataExportSummary> {
  const { sqlite, dataDir, out } = options;
  const now = options.now ?? Date.now;
  const tables = exportedTables(sqlite);
  const counts = Object.fromEntries(tables.map((table) => [table, rowCount(sqlite, table)]));
  const workspace = scanWorkspaces(dataDir);
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0) + workspace.files.length;
  let done = 0;
  const report = (phase: DataExportProgress['phase']) => options.onProgress?.({ phase, done, total });

  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-export-'));
  try {
    const zip = new yazl.ZipFile();
    for (const table of tables) {
      const files = await dumpTable(sqlite, table, temp, (rows) => {
        done += rows;
        report('tables');
      });
      zip.addFile(files.json, `tables/${safeName(table)}.json`);
      zip.addFile(files.csv, `tables/${safeName(table)}.csv`);
    }
    const skipped = workspace.skipped.map((name) => ({ path: name, reason: 'a link or special file: never followed' }));
    let added = 0;
    for (const file of workspace.files) {
      try {
        zip.addBuffer(readNoFollow(file.full), file.name);
        added++;
      } catch (error) {
        skipped.push({ path: file.name, reason: messageOf(error) });
      }
      done++;
      if (done % 50 === 0) report('workspaces');
    }
    const manifest = {
      format: 'dronacharya-export',
      formatVersion: 1,
      appVersion: options.appVersion,
      schemaMigration: lastMigration(sqlite),
      createdAt: new Date(now()).toISOString(),
      counts: { tables: counts, workspaceFiles: added },
      excludedTables: Object.fromEntries(allTables(sqlite).flatMap((name) => (EXCLUDED_TABLES[name] ? [[name, EXCLUDED_TABLES[name]]] : []))),
      skipped,
    };
    zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), 'manifest.json');
    zip.addBuffer(Buffer.from(exportReadme(manifest)), 'README.md');
    report('writing');
    await writeZip(zip, out);
    done = total;
    report('done');
    return { file: out, bytes: fs.statSync(out).size, tables: counts, workspaceFiles: added };
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

/** Through a temp file beside `out`, then a rename: a failed export never leaves half a zip. */
async function writeZip(zip: yazl.ZipFile, out: string): Promise<void> {
  const partial = `${out}.partial`;
  try {
    await new Promise<void>((resolve, reject) => {
      const stream = fs.createWriteStream(partial, { mode: 0o600 });
      stream.on('error', reject).on('close', resolve);
      zip.outputStream.on('error', reject).pipe(stream);
      zip.end();
    });
    fs.renameSync(partial, out);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}
