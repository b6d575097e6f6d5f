// The tutor's dependencies as the service tests build it: the test's real store and settings,
// secrets in the test's folder, the fixture lesson, no log output and no practice cards kept.
// A test passes what it looks at (events, provider, learner model, clock) as overrides.
import { afterEach, beforeEach } from 'vitest';
import { silentLogger } from '../../app/logger';
import { EventBus } from '../../ipc/event-bus';
import { RunHistory } from '../../sandbox/run-history';
import { encryptedFileSecretStore } from '../../secrets/secret-store';
import { SettingsService } from '../../settings/settings-service';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore, type Store } from '../../store/open-store';
import { profile } from '../../store/schema';
import type { TutorServiceOptions } from '../tutor-service';
import { fixtureSources } from './fixture-lesson';
import { startOllamaTestServer, type OllamaTestServer } from './ollama-test-server';

export function tutorOptions(store: Store, dir: string, overrides: Partial<TutorServiceOptions> = {}): TutorServiceOptions {
  return {
    store,
    events: new EventBus(),
    settings: new SettingsService(store),
    secrets: encryptedFileSecretStore(dir),
    sources: fixtureSources(),
    logger: silentLogger,
    runs: new RunHistory(store),
    review: () => undefined,
    ...overrides,
  };
}

/** A store in a new temp folder (named after `tempPrefix`) whose learner is Asha at `experienceLevel`. */
export function ashasStore(tempPrefix: string, experienceLevel: (typeof profile.$inferInsert)['experienceLevel']): { dir: string; store: Store } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), tempPrefix));
  const store = openStore(path.join(dir, 'drona.db'));
  store.db.insert(profile).values({ id: 1, name: 'Asha', experienceLevel, gamificationMode: 'full', timezone: 'UTC', createdAt: 0 }).run();
  return { dir, store };
}

/** For each test: Asha's store (as ashasStore makes it) and a local Ollama test server, both closed after the test. */
export function ashaWithOllama(tempPrefix: string, experienceLevel: (typeof profile.$inferInsert)['experienceLevel']) {
  const asha = {} as { dir: string; store: Store; ollama: OllamaTestServer };
  beforeEach(async () => {
    Object.assign(asha, ashasStore(tempPrefix, experienceLevel), { ollama: await startOllamaTestServer() });
  });
  afterEach(async () => {
    asha.store.close();
    await asha.ollama.close();
  });
  return asha;
}
