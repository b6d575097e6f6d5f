// What the orchestrator needs from a model provider, and the one failure type every provider maps to.
import type { TutorFailure, TutorFailureCode } from '../../../preload/contract/tutor';
import type { ChatTurn } from '../context-builder';

export interface ChatRequest {
  readonly model: string;
  readonly system: string;
  readonly messages: readonly ChatTurn[];
  readonly maxTokens: number;
  readonly signal: AbortSignal;
}

export interface ChatProvider {
  readonly id: 'anthropic' | 'ollama';
  /** Streams text to onText; resolves with the full text. Throws TutorProviderError. */
  chat(request: ChatRequest, onText: (text: string) => void): Promise<string>;
  /** Embeddings for retrieval, when the provider has an embedding model; null otherwise. */
  embed?(texts: readonly string[]): Promise<number[][] | null>;
}

const nextSteps: Record<TutorFailureCode, string> = {
  no_key: 'Open Settings → Tutor and paste your Anthropic API key.',
  bad_key: 'Check the key in Settings → Tutor; create a new one in the Anthropic console if it was revoked.',
  rate_limited: 'Wait a moment and ask again.',
  unreachable: 'Check that the provider is running and reachable (for Ollama: `ollama serve`), then try again.',
  model_missing: 'Pull the model in Settings → Tutor, or choose one that is installed.',
  context_too_long: 'Clear this conversation (the trash button) and ask again; older messages will be left out.',
  cancelled: 'Ask again whenever you are ready.',
  budget_exhausted: 'Your daily tutor budget is used up; it refills tomorrow. Course hints still work.',
  provider_error: 'Try again; if it keeps happening, check the Output panel for details.',
};

export class TutorProviderError extends Error {
  constructor(
    readonly code: TutorFailureCode,
    message: string,
    readonly extra: { retryAfterSeconds?: number; model?: string } = {},
  ) {
    super(message);
    this.name = 'TutorProviderError';
  }

  toFailure(): TutorFailure {
    const retry = this.extra.retryAfterSeconds;
    return {
      code: this.code,
      message: this.message,
      nextStep: this.code === 'rate_limited' && retry !== undefined ? `Wait about ${retry} s and ask again.` : nextSteps[this.code],
      ...(retry !== undefined ? { retryAfterSeconds: retry } : {}),
      ...(this.extra.model ? { model: this.extra.model } : {}),
    };
  }
}

export function failure(code: TutorFailureCode, message: string): TutorFailure {
  return new TutorProviderError(code, message).toFailure();
}
