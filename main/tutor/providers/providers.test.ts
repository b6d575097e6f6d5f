// The real SDK clients (@anthropic-ai/sdk, ollama) against local servers speaking the real wire protocols.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startAnthropicTestServer, tokenChunks, type AnthropicTestServer } from '../testing/anthropic-test-server';
import { startOllamaTestServer, type OllamaTestServer } from '../testing/ollama-test-server';
import { AnthropicProvider } from './anthropic-provider';
import { OllamaProvider } from './ollama-provider';
import { TutorProviderError, type ChatRequest } from './provider';
import { defaultSettings } from '../../settings/settings-service';
import { providerFactory } from '../tutor-asking';

let anthropic: AnthropicTestServer | undefined;
let ollama: OllamaTestServer | undefined;
afterEach(async () => {
  await anthropic?.close();
  await ollama?.close();
  anthropic = undefined;
  ollama = undefined;
});

const request = (model: string, signal = new AbortController().signal): ChatRequest => ({
  model,
  system: 'You are a tutor.',
  messages: [{ role: 'user', content: 'Why does my loop stop early?' }],
  maxTokens: 200,
  signal,
});

async function failureOf(promise: Promise<unknown>): Promise<TutorProviderError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(TutorProviderError);
    return error as TutorProviderError;
  }
  throw new Error('expected the call to fail');
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('Anthropic provider through @anthropic-ai/sdk', () => {
  it('streams text deltas in order and sends the system prompt with cache_control', async () => {
    anthropic = await startAnthropicTestServer();
    anthropic.enqueue({ kind: 'stream', chunks: tokenChunks('What do you think the loop does on its last step?') });
    const provider = new AnthropicProvider({ apiKey: anthropic.apiKey, baseURL: anthropic.url });
    const deltas: string[] = [];
    const text = await provider.chat(request('claude-test'), (t) => deltas.push(t));
    expect(text).toBe('What do you think the loop does on its last step?');
    expect(deltas.length).toBeGreaterThan(5);
    const system = anthropic.requests[0]!.body.system as { cache_control?: unknown }[];
    expect(system[0]!.cache_control).toEqual({ type: 'ephemeral' });
    expect(anthropic.requests[0]!.body.stream).toBe(true);
  });

  it('goes to the configured base URL when the app config names one', async () => {
    anthropic = await startAnthropicTestServer();
    const settings = { ...defaultSettings.tutor, provider: 'anthropic' as const };
    const provider = providerFactory({ anthropicBaseUrl: anthropic.url })(settings, anthropic.apiKey, null)!;
    // The test server answers only its own key, so a reply shows the key reached it.
    expect(await provider.chat(request('claude-test'), () => undefined)).toContain('?');
    expect(anthropic.requests).toHaveLength(1);
  });

  it('maps a 401 to bad_key without retrying', async () => {
    anthropic = await startAnthropicTestServer();
    const provider = new AnthropicProvider({ apiKey: 'sk-ant-wrong-key', baseURL: anthropic.url });
    const failure = await failureOf(provider.chat(request('claude-test'), () => {}));
    expect(failure.code).toBe('bad_key');
    expect(anthropic.requests).toHaveLength(1);
  });

  it('retries a 429 and a 529, then succeeds', async () => {
    anthropic = await startAnthropicTestServer();
    anthropic.enqueue(
      { kind: 'status', status: 429, errorType: 'rate_limit_error', message: 'slow down', headers: { 'retry-after-ms': '10' } },
      { kind: 'status', status: 529, errorType: 'overloaded_error', message: 'overloaded', headers: { 'retry-after-ms': '10' } },
    );
    const provider = new AnthropicProvider({ apiKey: anthropic.apiKey, baseURL: anthropic.url });
    const text = await provider.chat(request('claude-test'), () => {});
    expect(text.length).toBeGreaterThan(10);
    expect(anthropic.requests).toHaveLength(3);
  });

  it('reports rate_limited with the retry time once retries are used up', async () => {
    anthropic = await startAnthropicTestServer();
    const limited = {
      kind: 'status',
      status: 429,
      errorType: 'rate_limit_error',
      message: 'slow down',
      headers: { 'retry-after-ms': '10', 'retry-after': '7' },
    } as const;
    anthropic.enqueue(limited, limited, limited);
    const provider = new AnthropicProvider({ apiKey: anthropic.apiKey, baseURL: anthropic.url, maxRetries: 2 });
    const failure = await failureOf(provider.chat(request('claude-test'), () => {}));
    expect(failure.code).toBe('rate_limited');
    expect(failure.toFailure().retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(failure.toFailure().nextStep).toMatch(/Wait about \d+ s/);
  });

  it('maps a mid-stream error event to provider_error after the text so far', async () => {
    anthropic = await startAnthropicTestServer();
    anthropic.enqueue({ kind: 'mid-stream-error', chunks: ['Let ', 'us '] });
    const provider = new AnthropicProvider({ apiKey: anthropic.apiKey, baseURL: anthropic.url });
    const deltas: string[] = [];
    const failure = await failureOf(provider.chat(request('claude-test'), (t) => deltas.push(t)));
    expect(failure.code).toBe('provider_error');
    expect(deltas.join('')).toBe('Let us ');
  });

  it('maps a too-long prompt to context_too_long and an unknown model to model_missing', async () => {
    anthropic = await startAnthropicTestServer();
    anthropic.enqueue(
      { kind: 'status', status: 400, errorType: 'invalid_request_error', message: 'prompt is too long: 250000 tokens > 200000 maximum' },
      { kind: 'status', status: 404, errorType: 'not_found_error', message: 'model: claude-nope' },
    );
    const provider = new AnthropicProvider({ apiKey: anthropic.apiKey, baseURL: anthropic.url });
    expect((await failureOf(provider.chat(request('claude-test'), () => {}))).code).toBe('context_too_long');
    expect((await failureOf(provider.chat(request('claude-nope'), () => {}))).code).toBe('model_missing');
  });

  it('cancels a stream when the signal aborts', async () => {
    anthropic = await startAnthropicTestServer();
    anthropic.enqueue({ kind: 'stream', chunks: tokenChunks('one two three four five six seven eight nine ten'), delayMs: 30 });
    const provider = new AnthropicProvider({ apiKey: anthropic.apiKey, baseURL: anthropic.url });
    const controller = new AbortController();
    const deltas: string[] = [];
    const failure = await failureOf(
      provider.chat(request('claude-test', controller.signal), (t) => {
        deltas.push(t);
        if (deltas.length === 2) controller.abort();
      }),
    );
    expect(failure.code).toBe('cancelled');
    expect(deltas.length).toBeLessThan(10);
  });

  it('reports unreachable when the connection is refused', async () => {
    const provider = new AnthropicProvider({ apiKey: 'sk-ant-x-000000', baseURL: `http://127.0.0.1:${await closedPort()}`, maxRetries: 0 });
    expect((await failureOf(provider.chat(request('claude-test'), () => {}))).code).toBe('unreachable');
  });
});

describe('Ollama provider through the ollama client', () => {
  it('lists models, streams a chat, and embeds with an embedding model', async () => {
    ollama = await startOllamaTestServer({ models: { 'llama3.2:1b': 1_300_000_000, 'nomic-embed-text:latest': 270_000_000 } });
    const provider = new OllamaProvider(ollama.url, 'nomic-embed-text:latest');
    const models = await provider.models();
    expect(models.map((m) => [m.name, m.embedding])).toEqual([
      ['llama3.2:1b', false],
      ['nomic-embed-text:latest', true],
    ]);
    const deltas: string[] = [];
    const text = await provider.chat(request('llama3.2:1b'), (t) => deltas.push(t));
    expect(deltas.length).toBeGreaterThan(5);
    expect(text).toBe(deltas.join(''));
    expect(ollama.chatRequests[0]!.stream).toBe(true);
    const vectors = await provider.embed(['loops', 'strings']);
    expect(vectors).toHaveLength(2);
  });

  it('offers to pull a missing model (model_missing), then pulls it with summed per-layer progress', async () => {
    ollama = await startOllamaTestServer({ models: {} });
    const provider = new OllamaProvider(ollama.url);
    const failure = await failureOf(provider.chat(request('qwen2.5:0.5b'), () => {}));
    expect(failure.code).toBe('model_missing');
    expect(failure.toFailure().model).toBe('qwen2.5:0.5b');
    const progress: { completed: number; total: number }[] = [];
    await provider.pull('qwen2.5:0.5b', (p) => progress.push(p));
    const withTotals = progress.filter((p) => p.total > 0);
    expect(withTotals.at(-1)).toEqual({ status: expect.any(String) as string, completed: 1_000_000_000, total: 1_000_000_000 });
    // Never goes backwards when the second layer starts.
    const fractions = withTotals.map((p) => p.completed);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect((await provider.models()).map((m) => m.name)).toContain('qwen2.5:0.5b');
    await provider.remove('qwen2.5:0.5b');
    expect(await provider.models()).toEqual([]);
  });

  it('cancels a streaming chat, reports a mid-stream error, and a refused connection', async () => {
    ollama = await startOllamaTestServer({ delayMs: 20 });
    const provider = new OllamaProvider(ollama.url);
    const controller = new AbortController();
    let count = 0;
    const cancelled = await failureOf(
      provider.chat(request('llama3.2:1b', controller.signal), () => {
        if (++count === 2) controller.abort();
      }),
    );
    expect(cancelled.code).toBe('cancelled');
    ollama.enqueueChat({ kind: 'mid-stream-error', chunks: ['Let ', 'us '] });
    expect((await failureOf(provider.chat(request('llama3.2:1b'), () => {}))).code).toBe('provider_error');
    const down = new OllamaProvider(`http://127.0.0.1:${await closedPort()}`);
    const failure = await failureOf(down.chat(request('llama3.2:1b'), () => {}));
    expect(failure.code).toBe('unreachable');
    expect(failure.toFailure().nextStep).toMatch(/ollama serve/);
  });
});
