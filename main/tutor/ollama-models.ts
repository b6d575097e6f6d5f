// The local Ollama host's models: list, pull (with progress events), delete, and which one can
// embed (for retrieval ranking), looked up at most once a minute per host.
import { DronaError, messageOf } from '../../preload/contract/errors';
import type { TutorSettings } from '../../preload/contract/tutor';
import type { EventBus } from '../ipc/event-bus';
import type { Logger } from '../app/logger';
import { OllamaProvider, type OllamaModelInfo } from './providers/ollama-provider';
import { TutorProviderError } from './providers/provider';

const EMBEDDING_MODEL_TTL_MS = 60_000;
const PROGRESS_EVERY_MS = 100;

export interface OllamaModelsOptions {
  readonly settings: () => TutorSettings;
  readonly events: EventBus;
  readonly logger: Logger;
  readonly now: () => number;
}

export class OllamaModels {
  private embedding: { host: string; model: string | null; at: number } | null = null;

  constructor(private readonly options: OllamaModelsOptions) {}

  private ollama(): OllamaProvider {
    return new OllamaProvider(this.options.settings().ollamaHost);
  }

  async list(): Promise<OllamaModelInfo[]> {
    try {
      return await this.ollama().models();
    } catch (error) {
      throw asDronaError(error);
    }
  }

  async pull(model: string, sessionId: string | null): Promise<void> {
    const { events, now } = this.options;
    let lastEmit = 0;
    let last = { status: '', completed: 0, total: 0 };
    const emit = (done: boolean, error?: string) => events.emit('tutor.pullProgress', { model, ...last, done, ...(error ? { error } : {}) }, sessionId);
    try {
      await this.ollama().pull(model, (progress) => {
        const statusChanged = progress.status !== last.status;
        last = progress;
        if (statusChanged || now() - lastEmit > PROGRESS_EVERY_MS) {
          lastEmit = now();
          emit(false);
        }
      });
      emit(true);
      this.embedding = null;
    } catch (error) {
      const mapped = asDronaError(error);
      emit(true, mapped.message);
      throw mapped;
    }
  }

  async remove(model: string): Promise<void> {
    try {
      await this.ollama().remove(model);
      this.embedding = null;
    } catch (error) {
      throw asDronaError(error);
    }
  }

  /** The host's embedding model, or null (not Ollama, none installed, or the host is unreachable). */
  async embeddingModel(settings: TutorSettings): Promise<string | null> {
    if (settings.provider !== 'ollama') return null;
    const cached = this.embedding;
    if (cached && cached.host === settings.ollamaHost && this.options.now() - cached.at < EMBEDDING_MODEL_TTL_MS) return cached.model;
    let model: string | null = null;
    try {
      model = (await new OllamaProvider(settings.ollamaHost).models()).find((m) => m.embedding)?.name ?? null;
    } catch (error) {
      // Retrieval falls back to keyword order; the chat request that follows reports an unreachable host properly.
      this.options.logger.warn(`tutor: no embedding model from ${settings.ollamaHost}: ${messageOf(error)}`);
    }
    this.embedding = { host: settings.ollamaHost, model, at: this.options.now() };
    return model;
  }
}

function asDronaError(error: unknown): DronaError {
  if (error instanceof TutorProviderError) {
    const f = error.toFailure();
    return new DronaError(`tutor_${f.code}`, `${f.message} ${f.nextStep}`, f);
  }
  return new DronaError('internal', messageOf(error));
}
