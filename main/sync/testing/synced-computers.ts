// For tests where several computers share one account through the real hosted API on loopback:
// each computer is an app store, its progress service and a SyncService recording restored events
// into it. Registers the file's beforeAll/afterAll: one server and one temp folder for all its
// tests, every computer stopped and closed after them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startServer, type RunningServer, type ServerOptions } from '../../../server/start';
import { cheapPasswords } from '../../../server/testing/api-harness';
import { encryptedFileSecretStore } from '../../secrets/secret-store';
import { openStore, type Store } from '../../store/open-store';
import { ProgressService } from '../../progress/progress-service';
import { SyncService, type SyncOptions } from '../sync-service';

export interface SyncedComputer {
  readonly store: Store;
  readonly progress: ProgressService;
  readonly sync: SyncService;
}

export function syncedComputers(tempPrefix: string, serverOptions: Omit<ServerOptions, 'port' | 'dataDir' | 'passwordCost'> = {}) {
  let dir: string;
  let server: RunningServer;
  const computers: SyncedComputer[] = [];
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), tempPrefix));
    server = await startServer({ ...serverOptions, port: 0, dataDir: null, passwordCost: cheapPasswords });
  });
  afterAll(async () => {
    for (const c of computers) {
      await c.sync.stop();
      c.store.close();
    }
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return {
    server: () => server,
    /** A new computer in its own folder, configured for the test server (or `url`), not signed in. */
    computer(name: string, options: Pick<SyncOptions, 'fetch' | 'onRestoreProgress'> & { url?: string } = {}): SyncedComputer {
      const folder = path.join(dir, name);
      fs.mkdirSync(folder);
      const store = openStore(path.join(folder, 'drona.db'));
      const progress = new ProgressService(store);
      const { url = server.url, ...rest } = options;
      const sync = new SyncService(store, {
        timezone: () => 'UTC',
        secrets: encryptedFileSecretStore(folder),
        timers: { setTimeout: () => 0, clearTimeout: () => {} },
        record: (event) => progress.record(event),
        ...rest,
      });
      sync.configure(url);
      const made = { store, progress, sync };
      computers.push(made);
      return made;
    },
  };
}
