// The data calls: build an export for this window and hand it over in chunks; erase everything.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DATA_EXPORT_CHUNK_BYTES, type dataCalls } from '../../preload/contract/data';
import { DronaError } from '../../preload/contract/errors';
import type { ServicesAccess } from '../app/services';
import type { Handlers } from '../ipc/handlers';
import { exportData } from './data-export';
import { checkErasable, confirms, eraseDataDir, EraseRefused } from './erase';

export interface DataHandlerDeps {
  readonly services: ServicesAccess;
  readonly dataDir: string;
  readonly keyDir: string;
  readonly version: string;
  readonly now: () => number;
  /** Stops every service, runs `erase`, then starts them again on the fresh folder. */
  readonly restart: (erase: () => void) => Promise<void>;
}

/** A built export not fetched to its end within this long is removed. */
const DOWNLOAD_TTL_MS = 30 * 60_000;

export const exportFileName = (now: number) => `dronacharya-export-${new Date(now).toISOString().slice(0, 10)}.zip`;

export function dataHandlers(deps: DataHandlerDeps): Pick<Handlers, keyof typeof dataCalls> {
  const downloads = new Map<string, { file: string; dir: string; timer: NodeJS.Timeout }>();
  const drop = (id: string) => {
    const download = downloads.get(id);
    if (!download) return;
    clearTimeout(download.timer);
    fs.rmSync(download.dir, { recursive: true, force: true });
    downloads.delete(id);
  };

  return {
    'data.export': async (_input, ctx) => {
      const store = deps.services().store;
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-download-'));
      const fileName = exportFileName(deps.now());
      const file = path.join(dir, fileName);
      try {
        const summary = await exportData({
          sqlite: store.sqlite,
          dataDir: deps.dataDir,
          appVersion: deps.version,
          out: file,
          now: deps.now,
          onProgress: (progress) => ctx.events.emit('data.exportProgress', progress, ctx.sessionId),
        });
        const downloadId = randomUUID();
        downloads.set(downloadId, { file, dir, timer: setTimeout(() => drop(downloadId), DOWNLOAD_TTL_MS).unref() });
        return { downloadId, fileName, bytes: summary.bytes, tables: Object.keys(summary.tables).length, workspaceFiles: summary.workspaceFiles };
      } catch (error) {
        fs.rmSync(dir, { recursive: true, force: true });
        throw error;
      }
    },
    'data.exportChunk': ({ downloadId, offset }) => {
      const download = downloads.get(downloadId);
      if (!download) throw new DronaError('not_found', 'That export is no longer here (it was fetched or expired); export again.');
      const fd = fs.openSync(download.file, 'r');
      try {
        const size = fs.fstatSync(fd).size;
        const buffer = Buffer.alloc(Math.max(0, Math.min(DATA_EXPORT_CHUNK_BYTES, size - offset)));
        const read = buffer.length ? fs.readSync(fd, buffer, 0, buffer.length, offset) : 0;
        const next = offset + read;
        return { base64: buffer.subarray(0, read).toString('base64'), nextOffset: next < size ? next : null };
      } finally {
        fs.closeSync(fd);
        if (offset + DATA_EXPORT_CHUNK_BYTES >= fs.statSync(download.file).size) drop(downloadId);
      }
    },
    'data.delete': async ({ confirmation }) => {
      const name = deps.services().profile.get().name;
      if (!confirms(confirmation, name || null))
        throw new DronaError('invalid_input', `Type "delete"${name ? ` or your name (${name})` : ''} to confirm; nothing was erased.`);
      try {
        checkErasable(deps.dataDir);
      } catch (error) {
        if (error instanceof EraseRefused) throw new DronaError('conflict', error.message);
        throw error;
      }
      for (const id of [...downloads.keys()]) drop(id);
      await deps.restart(() => eraseDataDir(deps.dataDir, deps.keyDir));
      return { erased: true as const };
    },
  };
}
