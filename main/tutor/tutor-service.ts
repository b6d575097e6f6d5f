// The tutor, split by purpose: its configuration (provider, key, budget), its sessions (the
// conversation store), asking (the ask/stream pipeline) and the local Ollama host's models.
import type { Logger } from '../app/logger';
import type { EventBus } from '../ipc/event-bus';
import type { SecretStore } from '../secrets/secret-store';
import type { Store } from '../store/open-store';
import { TutorInitiative } from './initiative/tutor-initiative';
import { OllamaModels } from './ollama-models';
import { tutorRunHistory } from './run-history';
import type { RunHistory } from '../sandbox/run-history';
import type { NewCard } from '../practice/practice-service';
import { providerFactory, TutorAsking, type ProviderFactory, type TutorAskingOptions } from './tutor-asking';
import { TutorConfig, type TutorSettingsStore } from './tutor-config';
import { TutorSessions } from './tutor-sessions';
import type { TutorSources } from './tutor-sources';

export interface TutorServiceOptions {
  readonly store: Store;
  readonly events: EventBus;
  readonly settings: TutorSettingsStore;
  readonly secrets: SecretStore;
  readonly sources: TutorSources;
  readonly logger: Logger;
  readonly now?: () => number;
  /** The learner's runs and checks: the sandbox's run history, which owns code_executions. */
  readonly runs: Pick<RunHistory, 'recent'>;
  /** Where generated quiz questions go for spaced review: Practice. */
  readonly review: (cards: readonly NewCard[]) => void;
  /** Builds the chat provider; tests and the eval harness point it at the test servers. */
  readonly providerFor?: ProviderFactory;
  /** Where the real Anthropic provider sends requests (the app config's DRONA_ANTHROPIC_BASE_URL); Anthropic's own when absent. */
  readonly anthropicBaseUrl?: string | null;
  /** What the learner model says of the learner in a lesson: goal, tone, weak concepts, recent struggle. */
  readonly learner?: TutorAskingOptions['learner'];
  /** What the Mentor is told of the learner's path and metrics. */
  readonly mentor?: TutorAskingOptions['mentor'];
}

export interface TutorService {
  readonly config: TutorConfig;
  readonly sessions: TutorSessions;
  readonly asking: TutorAsking;
  readonly models: OllamaModels;
  readonly initiative: TutorInitiative;
  /** The chat provider for the learner's settings, for the tutor's other voices (the Interviewer, the Project Guide). */
  readonly providerFor: ProviderFactory;
}

export function createTutorService(options: TutorServiceOptions): TutorService {
  const { store, events, sources, logger } = options;
  const now = options.now ?? Date.now;
  const config = new TutorConfig({ store, settings: options.settings, secrets: options.secrets, logger, now });
  const settings = () => config.settings();
  const sessions = new TutorSessions({ store, settings, sources, now });
  const models = new OllamaModels({ settings, events, logger, now });
  const runs = tutorRunHistory(options.runs);
  const providerFor = options.providerFor ?? providerFactory({ anthropicBaseUrl: options.anthropicBaseUrl ?? null });
  const asking = new TutorAsking({
    store,
    events,
    config,
    sessions,
    models,
    sources,
    runs,
    review: options.review,
    logger,
    now,
    providerFor,
    ...(options.learner ? { learner: options.learner } : {}),
    ...(options.mentor ? { mentor: options.mentor } : {}),
  });
  const initiative = new TutorInitiative({ store, runs: options.runs, sessions, sources, config, now });
  return { config, sessions, asking, models, initiative, providerFor };
}
