// The tutor's two providers as e2e specs meet them: the local scripted servers speaking the real
// wire formats (Anthropic's Messages API SSE, Ollama's NDJSON chat), with the same scripted model.
// Anthropic is reached through DRONA_ANTHROPIC_BASE_URL, so `env` goes to `drona serve`; each is
// then chosen as Settings → Tutor does, through the contract.
import type { Page } from '@playwright/test';
import { startAnthropicTestServer } from '../../../main/tutor/testing/anthropic-test-server';
import { startOllamaTestServer } from '../../../main/tutor/testing/ollama-test-server';
import { contractCall } from './contract-call';

export const scriptedProviders = ['anthropic', 'ollama'] as const;
export type ScriptedProviderName = (typeof scriptedProviders)[number];

export interface ScriptedProvider {
  /** What `drona serve` needs in its environment to reach the server. */
  readonly env: Record<string, string>;
  /** Every chat request body the app sent, in order, as JSON text. */
  requests(): string[];
  /** Chooses this provider for the learner (after the app is open). */
  choose(page: Page): Promise<void>;
  close(): Promise<void>;
}

export async function startScriptedProvider(name: ScriptedProviderName): Promise<ScriptedProvider> {
  if (name === 'anthropic') {
    const server = await startAnthropicTestServer();
    return {
      env: { DRONA_ANTHROPIC_BASE_URL: server.url },
      requests: () => server.requests.map((request) => JSON.stringify(request.body)),
      choose: async (page) => {
        await contractCall(page, 'tutor.setKey', { key: server.apiKey });
        await contractCall(page, 'tutor.configure', { provider: 'anthropic' });
      },
      close: server.close,
    };
  }
  const server = await startOllamaTestServer();
  return {
    env: {},
    requests: () => server.chatRequests.map((request) => JSON.stringify(request)),
    choose: async (page) => {
      await contractCall(page, 'tutor.configure', { provider: 'ollama', ollamaHost: server.url, ollamaModel: 'llama3.2:1b' });
    },
    close: server.close,
  };
}
