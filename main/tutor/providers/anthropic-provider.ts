// Anthropic Messages API through the official SDK: streaming, a short interactive timeout,
// SDK retries on 429/5xx (honouring retry-after), prompt caching for the stable system part.
import type Anthropic from '@anthropic-ai/sdk';
import { TutorProviderError, type ChatProvider, type ChatRequest } from './provider';
import { messageOf } from '../../../preload/contract/errors';

type AnthropicSdk = typeof Anthropic;

// The SDK loads with the first Anthropic request: about 125 ms of every start-up otherwise, which
// a learner on Ollama, or with no tutor, never needs.
let sdk: Promise<AnthropicSdk> | null = null;
const loadSdk = () => (sdk ??= import('@anthropic-ai/sdk').then((module) => module.default));

export interface AnthropicOptions {
  readonly apiKey: string;
  readonly baseURL?: string;
  /** Per attempt; a tutor reply that has not started by then is better reported than waited for. */
  readonly timeoutMs?: number;
  readonly maxRetries?: number;
}

function retryAfterSeconds(headers: Headers | undefined): number | undefined {
  const ms = headers?.get('retry-after-ms');
  if (ms && Number.isFinite(Number(ms))) return Math.max(1, Math.ceil(Number(ms) / 1000));
  const s = headers?.get('retry-after');
  if (s && Number.isFinite(Number(s))) return Math.max(1, Math.ceil(Number(s)));
  return undefined;
}

export function anthropicFailure(Anthropic: AnthropicSdk, error: unknown, model: string, signal?: AbortSignal): TutorProviderError {
  if (error instanceof TutorProviderError) return error;
  if (signal?.aborted || error instanceof Anthropic.APIUserAbortError) return new TutorProviderError('cancelled', 'You stopped the reply.');
  if (error instanceof Anthropic.APIConnectionError) {
    return new TutorProviderError('unreachable', `Could not reach Anthropic (${error.message}).`);
  }
  if (error instanceof Anthropic.APIError) {
    const detail = error.apiMessage ?? error.message;
    if (error.status === 401 || error.status === 403) return new TutorProviderError('bad_key', `Anthropic refused the API key (${error.status}: ${detail}).`);
    if (error.status === 429) {
      const retry = retryAfterSeconds(error.headers as Headers | undefined);
      return new TutorProviderError(
        'rate_limited',
        `Anthropic is rate limiting requests (${detail}).`,
        retry !== undefined ? { retryAfterSeconds: retry } : {},
      );
    }
    if (error.status === 404) return new TutorProviderError('model_missing', `Anthropic has no model "${model}" (${detail}).`, { model });
    if (error.status === 400 && /too long|context|max_tokens/i.test(detail)) {
      return new TutorProviderError('context_too_long', `The conversation is too long for ${model} (${detail}).`);
    }
    return new TutorProviderError('provider_error', `Anthropic answered with an error (${error.status ?? 'stream'}: ${detail}).`);
  }
  return new TutorProviderError('provider_error', `The Anthropic request failed: ${messageOf(error)}.`);
}

export class AnthropicProvider implements ChatProvider {
  readonly id = 'anthropic' as const;
  private client: Anthropic | null = null;

  constructor(private readonly options: AnthropicOptions) {}

  private connect(Sdk: AnthropicSdk): Anthropic {
    this.client ??= new Sdk({
      apiKey: this.options.apiKey,
      ...(this.options.baseURL ? { baseURL: this.options.baseURL } : {}),
      timeout: this.options.timeoutMs ?? 20_000,
      maxRetries: this.options.maxRetries ?? 2,
    });
    return this.client;
  }

  async chat(request: ChatRequest, onText: (text: string) => void): Promise<string> {
    let text = '';
    const Sdk = await loadSdk();
    try {
      const stream = await this.connect(Sdk).messages.create(
        {
          model: request.model,
          max_tokens: request.maxTokens,
          system: [{ type: 'text', text: request.system, cache_control: { type: 'ephemeral' } }],
          messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
          stream: true,
        },
        { signal: request.signal },
      );
      for await (const event of stream) {
        if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
          text += event.delta.text;
          onText(event.delta.text);
        }
      }
      if (request.signal.aborted) throw new TutorProviderError('cancelled', 'You stopped the reply.');
      return text;
    } catch (error) {
      throw anthropicFailure(Sdk, error, request.model, request.signal);
    }
  }
}
