// A WorkspaceService over a fresh store for tests, with a clock that ticks once per call; what it
// opened is closed after each test.
import path from 'node:path';
import { afterEach } from 'vitest';
import { openStore, type Store } from '../../store/open-store';
import { WorkspaceService, type StarterSource } from '../workspace-service';

export function tempWorkspaces(): (dataDir: string, starters: StarterSource) => { store: Store; service: WorkspaceService } {
  let opened: { store: Store; service: WorkspaceService } | undefined;
  afterEach(async () => {
    await opened?.service.close();
    opened?.store.close();
    opened = undefined;
  });
  return (dataDir, starters) => {
    const store = openStore(path.join(dataDir, 'drona.db'));
    let clock = 1_000;
    opened = { store, service: new WorkspaceService(store, dataDir, starters, () => clock++) };
    return opened;
  };
}
