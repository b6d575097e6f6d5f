// For the restore tests: "computers" (an app store, its progress service and a SyncService, each
// in its own folder) against one hosted API on loopback, with the default plausibility rules.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer } from '../../../server/start';
import { cheapPasswords } from '../../../server/testing/api-harness';
import { encryptedFileSecretStore } from '../../secrets/secret-store';
import { openStore, type Store } from '../../store/open-store';
import { ProgressService } from '../../progress/progress-service';
import { SyncService } from '../sync-service';

export interface Computer {
  store: Store;
  progress: ProgressService;
  sync: SyncService;
}

/** Call start() in beforeAll and close() in afterAll; computer(name) in between. */
export function loopbackComputers(prefix: string) {
  let dir = '';
  let server: RunningServer | undefined;
  const opened: Computer[] = [];
  return {
    async start() {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
      server = await startServer({ port: 0, dataDir: null, passwordCost: cheapPasswords });
    },
    computer(name: string): Computer {
      const folder = path.join(dir, name);
      fs.mkdirSync(folder);
      const store = openStore(path.join(folder, 'drona.db'));
      const progress = new ProgressService(store);
      const sync = new SyncService(store, {
        timezone: () => 'UTC',
        secrets: encryptedFileSecretStore(folder),
        timers: { setTimeout: () => 0, clearTimeout: () => {} },
        record: (event) => progress.record(event),
      });
      sync.configure(server!.url);
      const made = { store, progress, sync };
      opened.push(made);
      return made;
    },
    async close() {
      for (const c of opened) {
        await c.sync.stop();
        c.store.close();
      }
      await server?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
