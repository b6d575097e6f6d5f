// A local Ollama server through the `ollama` package: streaming chat, models, pulls, embeddings.
import type { AbortableAsyncIterator, ChatResponse, Ollama } from 'ollama';
import { TutorProviderError, type ChatProvider, type ChatRequest } from './provider';
import { messageOf } from '../../../preload/contract/errors';

// The package loads with the first Ollama request (as Anthropic's SDK does): it and the fetch
// polyfill it imports (CommonJS, scanned by Node's ESM loader) cost every start-up otherwise.
let ollamaPackage: Promise<typeof import('ollama')> | null = null;
const loadOllama = () => (ollamaPackage ??= import('ollama'));

export const DEFAULT_OLLAMA_HOST = 'http://127.0.0.1:11434';

export interface OllamaModelInfo {
  readonly name: string;
  readonly size: number;
  readonly embedding: boolean;
}

export interface PullProgress {
  readonly status: string;
  readonly completed: number;
  readonly total: number;
}

/** Sums completed/total over every layer seen so far, so the bar moves once, not once per layer. */
export class PullProgressTracker {
  private readonly layers = new Map<string, { completed: number; total: number }>();
  update(event: { digest?: string; total?: number; completed?: number }): { completed: number; total: number } {
    if (event.digest && event.total) this.layers.set(event.digest, { completed: event.completed ?? 0, total: event.total });
    let completed = 0;
    let total = 0;
    for (const layer of this.layers.values()) {
      completed += layer.completed;
      total += layer.total;
    }
    return { completed, total };
  }
}

const isEmbeddingModel = (name: string, families: readonly string[] | null | undefined) =>
  /embed|bge|minilm|e5-|gte-/i.test(name) || (families ?? []).some((f) => /bert/i.test(f));

export function ollamaFailure(error: unknown, host: string, model?: string, aborted = false): TutorProviderError {
  if (error instanceof TutorProviderError) return error;
  if (aborted || (error instanceof Error && error.name === 'AbortError')) return new TutorProviderError('cancelled', 'You stopped the reply.');
  const status = (error as { status_code?: number }).status_code;
  const message = messageOf(error);
  if (status === 404 || /not found, try pulling/i.test(message)) {
    return new TutorProviderError('model_missing', `Ollama at ${host} does not have the model "${model ?? ''}".`, model ? { model } : {});
  }
  if (/fetch failed|ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|socket hang up|other side closed/i.test(message + String((error as { cause?: unknown }).cause ?? ''))) {
    return new TutorProviderError('unreachable', `Could not reach Ollama at ${host}.`);
  }
  if (/context|too long/i.test(message))
    return new TutorProviderError('context_too_long', `The conversation is too long for ${model ?? 'the model'} (${message}).`);
  return new TutorProviderError('provider_error', `Ollama answered with an error: ${message}`);
}

export class OllamaProvider implements ChatProvider {
  readonly id = 'ollama' as const;
  private client: Promise<Ollama> | null = null;

  constructor(
    readonly host: string = DEFAULT_OLLAMA_HOST,
    private readonly embeddingModel: string | null = null,
  ) {}

  private connect(): Promise<Ollama> {
    return (this.client ??= loadOllama().then(({ Ollama }) => new Ollama({ host: this.host })));
  }

  async chat(request: ChatRequest, onText: (text: string) => void): Promise<string> {
    let text = '';
    let iterator: AbortableAsyncIterator<ChatResponse> | null = null;
    const onAbort = () => iterator?.abort();
    request.signal.addEventListener('abort', onAbort, { once: true });
    try {
      const client = await this.connect();
      const stream = await client.chat({
        model: request.model,
        stream: true,
        messages: [{ role: 'system', content: request.system }, ...request.messages.map((m) => ({ role: m.role, content: m.content }))],
        options: { num_predict: request.maxTokens },
      });
      iterator = stream;
      if (request.signal.aborted) stream.abort();
      for await (const part of stream) {
        const piece = part.message?.content ?? '';
        if (piece) {
          text += piece;
          onText(piece);
        }
      }
      if (request.signal.aborted) throw new TutorProviderError('cancelled', 'You stopped the reply.');
      return text;
    } catch (error) {
      throw ollamaFailure(error, this.host, request.model, request.signal.aborted);
    } finally {
      request.signal.removeEventListener('abort', onAbort);
    }
  }

  async embed(texts: readonly string[]): Promise<number[][] | null> {
    if (!this.embeddingModel || texts.length === 0) return null;
    try {
      const client = await this.connect();
      const response = await client.embed({ model: this.embeddingModel, input: [...texts] });
      return response.embeddings;
    } catch (error) {
      throw ollamaFailure(error, this.host, this.embeddingModel);
    }
  }

  async models(): Promise<OllamaModelInfo[]> {
    try {
      const client = await this.connect();
      const { models } = await client.list();
      return models.map((m) => ({ name: m.name, size: m.size, embedding: isEmbeddingModel(m.name, m.details?.families) }));
    } catch (error) {
      throw ollamaFailure(error, this.host);
    }
  }

  async pull(model: string, onProgress: (progress: PullProgress) => void, signal?: AbortSignal): Promise<void> {
    const tracker = new PullProgressTracker();
    try {
      const client = await this.connect();
      const iterator = await client.pull({ model, stream: true });
      signal?.addEventListener('abort', () => iterator.abort(), { once: true });
      for await (const event of iterator) {
        const sums = tracker.update(event);
        onProgress({ status: event.status, ...sums });
      }
    } catch (error) {
      throw ollamaFailure(error, this.host, model, signal?.aborted ?? false);
    }
  }

  async remove(model: string): Promise<void> {
    try {
      const client = await this.connect();
      await client.delete({ model });
    } catch (error) {
      throw ollamaFailure(error, this.host, model);
    }
  }
}
