// The tutor's dependencies as the service tests build it: the test's real store and settings,
// secrets in the test's folder, the fixture lesson, no log output and no practice cards kept.
// A test passes what it looks at (events, provider, learner model, clock) as overrides.
import { silentLogger } from '../../app/logger';
import { EventBus } from '../../ipc/event-bus';
import { RunHistory } from '../../sandbox/run-history';
import { encryptedFileSecretStore } from '../../secrets/secret-store';
import { SettingsService } from '../../settings/settings-service';
import type { Store } from '../../store/open-store';
import type { TutorServiceOptions } from '../tutor-service';
import { fixtureSources } from './fixture-lesson';

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
