// The composition root: builds every service from a data directory and a config, for
// Electron, serve mode, the CLI and tests alike.
import path from 'node:path';
import { DronaError, messageOf } from '../../preload/contract/errors';
import type { StoreProblem } from '../../preload/contract/app';
import { EventBus } from '../ipc/event-bus';
import type { Handlers } from '../ipc/handlers';
import { practiceHandlers } from '../practice/handlers';
import { examHandlers } from '../exam/handlers';
import { projectHandlers } from '../project/handlers';
import { learnerHandlers } from '../learner/handlers';
import { pathHandlers } from '../path/handlers';
import { profileHandlers } from '../profile/handlers';
import { progressHandlers } from '../progress/handlers';
import { coursesHandlers } from '../courses/handlers';
import { sandboxHandlers } from '../sandbox/handlers';
import { visualizeHandlers } from '../visualize/handlers';
import { settingsHandlers } from '../settings/handlers';
import { syncHandlers } from '../sync/handlers';
import { accountHandlers } from '../account/handlers';
import { leaderboardHandlers } from '../leaderboard/handlers';
import { certificatesHandlers } from '../certificates/handlers';
import { tutorHandlers } from '../tutor/handlers';
import { terminalHandlers } from '../terminal/handlers';
import { workspaceHandlers } from '../workspace/handlers';
import { lessonHandlers } from '../lesson/handlers';
import { languageHandlers } from '../language/handlers';
import { updateHandlers } from '../update/handlers';
import { dataHandlers } from '../data/handlers';
import { singleLearnerHandlers } from '../learner-profiles/handlers';
import { holdDataDir } from '../data/data-holders';
import { defaultKeyDir } from './app-config';
import { guardLockedSettings } from '../organisation/settings-lock';
import { OrganisationRuntime, organisationHandlers } from '../organisation/org-runtime';
import { openStore, recoverStore, StoreOpenError, type Store } from '../store/open-store';
import { prepareDataDir } from './data-dir';
import type { Logger } from './logger';
import type { AppConfig } from './app-config';
import { createServices, type Services } from './services';

export interface DronaApp {
  readonly config: AppConfig;
  readonly events: EventBus;
  readonly handlers: Handlers;
  readonly logger: Logger;
  /** The services, or the store problem that keeps them from starting. */
  state(): { services: Services } | { problem: StoreProblem };
  close(): Promise<void>;
}

export const databaseFile = (dataDir: string) => path.join(dataDir, 'drona.db');

/** `events`: given by a learner-profile picker, whose transports subscribed before a profile was opened. */
export function createApp(config: AppConfig, events = new EventBus()): DronaApp {
  const exposed = prepareDataDir(config.dataDir);
  if (exposed) config.logger.warn(exposed);
  // So `drona data delete` elsewhere refuses to erase the folder while this process uses it.
  const release = holdDataDir(config.dataDir, config.mode);
  const file = databaseFile(config.dataDir);
  let services: Services | null = null;
  let problem: StoreProblem | null = null;
  const organisation = config.organisation ? new OrganisationRuntime(config.organisation, config.logger) : null;

  const start = () => {
    let store: Store;
    try {
      store = openStore(file, config.migrationsFolder);
    } catch (error) {
      if (!(error instanceof StoreOpenError)) throw error;
      problem = error.problem;
      config.logger.warn(`store needs attention: ${error.problem.detail}`);
      return;
    }
    problem = null;
    services = createServices(store, events, config);
    organisation?.apply(services, (config.now ?? Date.now)());
  };
  start();

  const access = (): Services => {
    if (!services) {
      throw new DronaError('store_unavailable', 'Your progress database needs attention before Dronacharya can continue. Choose restore or start fresh.');
    }
    return services;
  };

  const stopServices = async () => {
    services?.streakReminders.stop();
    services?.weeklyDigest.stop();
    services?.update.stop();
    await services?.sync.stop();
    services?.terminal.closeAll();
    await services?.sandbox.close();
    await services?.workspace.close();
    services?.language.close();
    services?.store.close();
    services = null;
  };

  const handlers: Handlers = {
    'app.status': () => {
      const base = { version: config.version, mode: config.mode, dataDir: config.dataDir };
      return problem ? { state: 'recovery', ...base, problem } : { state: 'ready', ...base };
    },
    'app.recoverStore': (choice) => {
      if (!problem) throw new DronaError('conflict', 'The progress database is healthy; there is nothing to recover.');
      let result: { keptAside: string | null };
      try {
        result = recoverStore(file, choice);
      } catch (error) {
        throw new DronaError('invalid_input', messageOf(error));
      }
      config.logger.info(`store recovered by ${choice.action}; bad file kept at ${result.keptAside ?? '(none)'}`);
      start();
      if (problem) throw new DronaError('store_unavailable', (problem as StoreProblem).detail);
      return result;
    },
    ...profileHandlers(access),
    ...practiceHandlers(access),
    ...examHandlers(access),
    ...projectHandlers(access),
    ...learnerHandlers(access),
    ...pathHandlers(access),
    ...settingsHandlers(access),
    ...syncHandlers(access),
    ...accountHandlers(access),
    ...leaderboardHandlers(access),
    ...certificatesHandlers(access),
    ...tutorHandlers(access),
    ...workspaceHandlers(access),
    ...terminalHandlers(access),
    ...lessonHandlers(access),
    ...progressHandlers(access, config.now),
    ...sandboxHandlers(access),
    ...visualizeHandlers(access),
    ...coursesHandlers(access),
    ...languageHandlers(access),
    ...updateHandlers(access),
    ...organisationHandlers(organisation, access),
    ...singleLearnerHandlers,
    ...dataHandlers({
      services: access,
      dataDir: config.dataDir,
      // The same key folder the secret store uses (services.ts).
      keyDir: config.env?.keyDir ?? defaultKeyDir(),
      version: config.version,
      now: config.now ?? Date.now,
      restart: async (erase) => {
        await stopServices();
        try {
          erase();
        } finally {
          start();
          // Every window reloads into the first run (or shows what the fresh store needs).
          events.emit('data.erased', {});
        }
      },
    }),
  };
  handlers['settings.update'] = guardLockedSettings(handlers['settings.update'], () => access().settings.get(), organisation?.profile ?? null);
  if (organisation) handlers['sync.configure'] = organisation.guardSync(handlers['sync.configure']);

  return {
    config,
    events,
    handlers,
    logger: config.logger,
    state: () => (services ? { services } : { problem: problem! }),
    close: async () => {
      await stopServices();
      release();
    },
  };
}
