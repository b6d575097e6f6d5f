import { ProfileService } from '../profile/profile-service';
import { SettingsService } from '../settings/settings-service';
import type { Store } from '../store/open-store';
import type { EventBus } from '../ipc/event-bus';
import type { Logger } from './logger';

export interface AppConfig {
  readonly dataDir: string;
  readonly mode: 'electron' | 'serve';
  readonly version: string;
  readonly logger: Logger;
  readonly migrationsFolder?: string;
  readonly now?: () => number;
}

/** Every service, built once from the store; the handlers reach them through this. */
export interface Services {
  readonly store: Store;
  readonly events: EventBus;
  readonly profile: ProfileService;
  readonly settings: SettingsService;
}

export function createServices(store: Store, events: EventBus, config: AppConfig): Services {
  const now = config.now ?? Date.now;
  return {
    store,
    events,
    profile: new ProfileService(store, now),
    settings: new SettingsService(store, now),
  };
}

/** Handlers ask for the services at call time: while the store awaits recovery there are none. */
export type ServicesAccess = () => Services;
