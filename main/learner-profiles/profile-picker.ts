// The learner-profile picker at start: when the app's folder holds learner profiles, the app
// starts with no learner's data open and answers only the picker's calls; opening a profile
// (after its PIN) builds the usual app on that profile's data folder. Electron and serve mode
// both start through `createAppForFolder`.
import { DronaError } from '../../preload/contract/errors';
import type { LearnerProfileSummary } from '../../preload/contract/learner-profiles';
import { createApp, type DronaApp } from '../app/create-app';
import type { AppConfig } from '../app/app-config';
import { EventBus } from '../ipc/event-bus';
import type { Handlers } from '../ipc/handlers';
import { checkPin, createProfile, listProfiles, profileDataDir, ProfileError, type LearnerProfile } from './learner-profiles';
import { pinAttempts } from './pin-attempts';

const summary = (p: LearnerProfile): LearnerProfileSummary => ({ id: p.id, name: p.name, hasPin: p.pin !== null });

/** The app for a data folder: the picker when it holds learner profiles, otherwise the one learner's app. */
export function createAppForFolder(config: AppConfig): DronaApp {
  return listProfiles(config.dataDir).length > 0 ? createProfilePicker(config) : createApp(config);
}

export function createProfilePicker(config: AppConfig, open = (dataDir: string, events: EventBus) => createApp({ ...config, dataDir }, events)): DronaApp {
  const root = config.dataDir;
  const events = new EventBus();
  const attempts = pinAttempts(config.now ?? Date.now);
  let opened: { id: string; app: DronaApp } | null = null;

  const userError = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (error) {
      if (error instanceof ProfileError) throw new DronaError('invalid_input', error.message);
      throw error;
    }
  };

  const pickerHandlers: Pick<Handlers, 'app.status' | 'learnerProfiles.list' | 'learnerProfiles.open' | 'learnerProfiles.create'> = {
    'app.status': () =>
      opened
        ? opened.app.handlers['app.status']({}, { sessionId: 'picker', events })
        : { state: 'pick-profile', version: config.version, mode: config.mode, dataDir: root },
    'learnerProfiles.list': () => ({ profiles: userError(() => listProfiles(root)).map(summary), active: opened?.id ?? null }),
    'learnerProfiles.open': ({ id, pin }) => {
      if (opened?.id === id) return { id };
      if (opened) throw new DronaError('conflict', 'Another learner is using Dronacharya here; restart it to switch learners.');
      const profile = userError(() => listProfiles(root)).find((p) => p.id === id);
      if (!profile) throw new DronaError('not_found', `There is no learner profile "${id}".`);
      const wait = attempts.waitMs(id);
      if (wait > 0) throw new DronaError('conflict', `Too many wrong PINs for ${profile.name}; try again in ${Math.ceil(wait / 1000)} seconds.`);
      if (!checkPin(profile, pin)) {
        attempts.failed(id);
        throw new DronaError('invalid_input', pin === null ? `${profile.name}'s profile needs its PIN.` : 'That PIN is not right.');
      }
      attempts.succeeded(id);
      opened = { id, app: open(profileDataDir(root, id), events) };
      config.logger.info(`opened learner profile ${id}`);
      return { id };
    },
    'learnerProfiles.create': ({ name, pin }) => summary(userError(() => createProfile(root, name, pin, (config.now ?? Date.now)()))),
  };

  const refused = () => {
    throw new DronaError('conflict', 'Choose a learner profile first.');
  };
  // Every other call is refused until a profile is open. Dispatch looks a handler up only by a name
  // the contract knows, so this needs no list of the calls (the contract loads on the first call).
  const beforeOpen = new Proxy(pickerHandlers, {
    get: (target, name) => (Object.prototype.hasOwnProperty.call(target, name) ? target[name as keyof typeof target] : refused),
  }) as unknown as Handlers;

  return {
    config,
    events,
    logger: config.logger,
    // Read on every call (serve mode and Electron dispatch through it), so an open profile answers at once.
    get handlers(): Handlers {
      return opened ? { ...opened.app.handlers, ...pickerHandlers } : beforeOpen;
    },
    state: () => {
      if (!opened) throw new DronaError('conflict', 'Choose a learner profile first.');
      return opened.app.state();
    },
    close: async () => {
      await opened?.app.close();
    },
  };
}
