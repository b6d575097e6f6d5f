// The orchestrator end to end: a real store, the real Ollama client against the test server.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger, type Logger } from '../app/logger';
import { EventBus } from '../ipc/event-bus';
import { SettingsService } from '../settings/settings-service';
import { type Store } from '../store/open-store';
import { RunHistory } from '../sandbox/run-history';
import { aiMessages, reviewCards } from '../store/schema';
import { PracticeService } from '../practice/practice-service';
import { AnthropicProvider } from './providers/anthropic-provider';
import { startAnthropicTestServer, tokenChunks } from './testing/anthropic-test-server';
import { fixtureSolution, fixtureSources } from './testing/fixture-lesson';
import { startOllamaTestServer, type OllamaTestServer } from './testing/ollama-test-server';
import { createTutorService, type TutorService } from './tutor-service';
import { ashasStore, tutorOptions } from './testing/tutor-options';
import { runResultOf } from '../../preload/contract/testing/sandbox-results';

let dir: string;
let store: Store;
let ollama: OllamaTestServer;
let events: EventBus;
let delivered: { name: string; payload: { text?: string; reset?: boolean }; sessionId: string | null }[];
let warnings: string[];

beforeEach(async () => {
  ({ dir, store } = ashasStore('drona-tutor-', 'new'));
  ollama = await startOllamaTestServer();
  events = new EventBus();
  delivered = [];
  warnings = [];
  events.subscribe((name, payload, sessionId) => delivered.push({ name, payload: payload as { text?: string }, sessionId }));
});
afterEach(async () => {
  store.close();
  await ollama.close();
});

const logger: Logger = { ...silentLogger, warn: (m) => warnings.push(m) };

function service(sources = fixtureSources(), provider: 'ollama' | 'none' = 'ollama') {
  const settings = new SettingsService(store);
  const practice = new PracticeService(store, { now: Date.now, timezone: () => 'UTC' });
  const tutor = createTutorService(tutorOptions(store, dir, { events, settings, sources, logger, review: (cards) => practice.add(cards) }));
  tutor.config.configure({ provider, ollamaHost: ollama.url, ollamaModel: 'llama3.2:1b' });
  return tutor;
}

const ask = (tutor: TutorService, action: 'hint' | 'ask' | 'quiz' | 'review' | 'why-failed', text = '', requestId = 'r1') =>
  tutor.asking.ask({ courseId: 'python-basics', lessonId: 'adding-prices', requestId, action, text }, 'window-1');

const shownText = () => {
  let text = '';
  for (const d of delivered.filter((e) => e.name === 'tutor.delta')) text = d.payload.reset ? '' : text + (d.payload.text ?? '');
  return text;
};

describe('tutor service', () => {
  it("asks the Mentor's one question back on a reflection through the provider, and none without one", async () => {
    const tutor = service();
    const question = await tutor.asking.reflectionQuestion('python-basics', 'adding-prices', 'Loops were easier than I thought.');
    expect(question).toMatch(/^Getting stuck is part of learning.*\?$/);
    const session = await tutor.sessions.session('python-basics', 'adding-prices');
    expect(session.messages.at(-1)).toMatchObject({ role: 'assistant', agent: 'mentor', content: question });
    expect(tutor.config.budget().used).toBe(1);
    expect(await service(fixtureSources(), 'none').asking.reflectionQuestion('python-basics', 'adding-prices', 'x')).toBeNull();
  });

  it('streams a hint to the asking window only and keeps the session across a restart', async () => {
    const result = await ask(service(), 'hint');
    expect(result.status).toBe('answered');
    const deltas = delivered.filter((e) => e.name === 'tutor.delta');
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.every((d) => d.sessionId === 'window-1')).toBe(true);
    expect(shownText()).toBe(result.status === 'answered' ? result.message.content : '');
    // The request carried the lesson, the learner's files and the revealed hints, never the solution.
    const sent = JSON.stringify(ollama.chatRequests[0]);
    expect(sent).toContain('Adding up prices');
    expect(sent).toContain('File main.py');
    expect(sent).not.toContain('result += price');

    const again = await service().sessions.session('python-basics', 'adding-prices');
    expect(again.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(again.messages[0]!.content).toBe('Give me a hint.');
    const cleared = await service().sessions.clear('python-basics', 'adding-prices');
    expect(cleared.messages).toEqual([]);
    expect(cleared.sessionId).not.toBe(again.sessionId);
  });

  it('never shows a reply containing the solution: retries strictly, then falls back to the authored hint', async () => {
    const sources = fixtureSources();
    const leak = { kind: 'stream' as const, chunks: tokenChunks(`Here you go:\n\n\`\`\`python\n${fixtureSolution}\`\`\`\n`) };
    ollama.enqueueChat(leak, leak);
    const result = await ask(service(sources), 'ask', 'Just give me the code');
    expect(result).toMatchObject({ status: 'answered', source: 'authored-hint' });
    expect(sources.revealed).toEqual(['Start with a variable that holds 0.']);
    for (const d of delivered) expect(d.payload.text ?? '').not.toContain('result += price');
    expect(shownText()).toContain('Start with a variable that holds 0.');
    expect(warnings.filter((w) => w.includes('answer-leak guard'))).toHaveLength(2);
    const notes = store.db
      .select()
      .from(aiMessages)
      .all()
      .filter((m) => m.role === 'system-note');
    expect(notes).toHaveLength(2);
    expect(JSON.stringify(ollama.chatRequests[1]!.messages)).toContain('STRICT');
    expect(JSON.stringify(ollama.chatRequests[0]!.messages)).not.toContain('STRICT');
  });

  it('uses the strict retry when it no longer leaks', async () => {
    ollama.enqueueChat({ kind: 'stream', chunks: tokenChunks(`\`\`\`python\n${fixtureSolution}\`\`\``) });
    const result = await ask(service(), 'ask', 'what is the answer');
    expect(result).toMatchObject({ status: 'answered', source: 'provider-strict' });
    expect(delivered.some((d) => d.payload.reset)).toBe(true);
  });

  it('stops a streaming reply and keeps what was shown', async () => {
    ollama.enqueueChat({ kind: 'stream', chunks: tokenChunks('one two three four five six seven eight nine ten eleven twelve'), delayMs: 40 });
    const tutor = service();
    const pending = ask(tutor, 'ask', 'why?', 'stop-me');
    // Stopped once the reply has started to show, however long a busy machine takes to get there.
    await vi.waitUntil(() => delivered.some((d) => d.name === 'tutor.delta'), { timeout: 10_000, interval: 10 });
    expect(tutor.asking.stop('stop-me')).toBe(true);
    const result = await pending;
    expect(result).toMatchObject({ status: 'failed', failure: { code: 'cancelled' } });
    const session = await tutor.sessions.session('python-basics', 'adding-prices');
    expect(session.messages.at(-1)!.content).toContain('(stopped)');
  });

  it('works without a provider from authored hints and says what a provider would add', async () => {
    const result = await ask(service(fixtureSources(), 'none'), 'hint');
    expect(result).toMatchObject({ status: 'answered', source: 'offline' });
    expect(result.status === 'answered' && result.message.content).toContain('Start with a variable that holds 0.');
    // What a provider would add is said once, in the panel's header, not under every reply.
    expect(result.status === 'answered' && result.message.content).not.toContain('Settings → Tutor');
    expect(ollama.chatRequests).toHaveLength(0);
    const question = await ask(service(fixtureSources(), 'none'), 'ask', 'What is an accumulator?', 'r2');
    expect(question.status === 'answered' && question.message.content).toContain('Accumulators');
  });

  it('answers without a context source that fails, and logs which one and why', async () => {
    const failing = fixtureSources({
      learnerFiles: async () => {
        throw new Error('workspace folder is gone');
      },
    });
    const result = await ask(service(failing), 'hint');
    expect(result.status).toBe('answered');
    expect(JSON.stringify(ollama.chatRequests[0])).not.toContain('File main.py');
    expect(warnings).toContain("tutor: the learner's files of python-basics/adding-prices left out of the answer: workspace folder is gone");
  });

  it('declines unrelated requests kindly without calling the model', async () => {
    const result = await ask(service(), 'ask', "What's the weather tomorrow?");
    expect(result).toMatchObject({ status: 'answered', source: 'declined' });
    expect(ollama.chatRequests).toHaveLength(0);
  });

  it('enforces the daily budget, spending nothing on failures or declined requests', async () => {
    const tutor = service();
    tutor.config.configure({ dailyBudget: 1, ollamaModel: 'missing:latest' });
    expect((await ask(tutor, 'hint', '', 'r0')).status).toBe('failed');
    expect((await ask(tutor, 'ask', "What's the weather tomorrow?", 'r00')).status).toBe('answered');
    expect(tutor.config.budget()).toEqual({ limit: 1, used: 0 });
    tutor.config.configure({ ollamaModel: 'llama3.2:1b' });
    expect((await ask(tutor, 'hint')).status).toBe('answered');
    const second = await ask(tutor, 'hint', '', 'r2');
    expect(second).toMatchObject({ status: 'failed', failure: { code: 'budget_exhausted' }, budget: { limit: 1, used: 1 } });
  });

  it('validates generated quizzes, retries invalid output, and saves them for review', async () => {
    ollama.enqueueChat({ kind: 'stream', chunks: ['{"questions": "not a list"}'] });
    const result = await ask(service(), 'quiz');
    expect(result).toMatchObject({ status: 'answered', source: 'provider' });
    expect(
      store.db
        .select()
        .from(reviewCards)
        .all()
        .map((card) => card.source),
    ).toEqual(['tutor-quiz', 'tutor-quiz', 'tutor-quiz']);
    expect(ollama.chatRequests).toHaveLength(2);
  });

  it('reports a missing model with the model to pull, and an unreachable host', async () => {
    const tutor = service();
    tutor.config.configure({ ollamaModel: 'qwen2.5:0.5b' });
    expect(await ask(tutor, 'hint')).toMatchObject({ status: 'failed', failure: { code: 'model_missing', model: 'qwen2.5:0.5b' } });
    await ollama.close();
    tutor.config.configure({ ollamaModel: 'llama3.2:1b' });
    expect(await ask(tutor, 'hint', '', 'r3')).toMatchObject({ status: 'failed', failure: { code: 'unreachable' } });
    ollama = await startOllamaTestServer();
  });

  it('fuses keyword and embedding rankings when the Ollama host has an embedding model', async () => {
    await ollama.close();
    ollama = await startOllamaTestServer({ models: { 'llama3.2:1b': 1, 'nomic-embed-text:latest': 1 } });
    const tutor = service();
    await ask(tutor, 'ask', 'How does an accumulator work in a loop?');
    await ask(tutor, 'ask', 'And return?', 'r2');
    expect(ollama.log.filter((l) => l === 'POST /api/embed')).toHaveLength(2);
    // The model list is looked up once, not per request.
    expect(ollama.log.filter((l) => l === 'GET /api/tags')).toHaveLength(1);
    const context = JSON.stringify(ollama.chatRequests[0]);
    expect(context).toContain('From the lesson: Accumulators');
  });

  it('uses the last check from the run history, failing tests and output first', async () => {
    const run = runResultOf({ outcome: 'failed', exitCode: 1, durationMs: 10, stderr: 'AssertionError' });
    const tests = [{ name: 'test_total', status: 'fail' as const, message: 'total([1, 2]) should be 3', concepts: [] }];
    new RunHistory(store).record(
      { kind: 'check', language: 'python', courseId: 'python-basics', lessonId: 'adding-prices', waitMs: 0 },
      { status: 'fail', tests, durationMs: 10, driver: 'process', run },
    );
    await ask(service(), 'why-failed');
    const sent = JSON.stringify(ollama.chatRequests[0]);
    expect(sent).toContain('Last check: fail');
    expect(sent).toContain('total([1, 2]) should be 3');
  });

  it('keeps the system prompt identical across quick actions, so it can be cached', async () => {
    const tutor = service();
    await ask(tutor, 'hint');
    await ask(tutor, 'why-failed', '', 'r2');
    const systemOf = (i: number) => (ollama.chatRequests[i]!.messages as { role: string; content: string }[])[0]!;
    expect(systemOf(0).role).toBe('system');
    expect(systemOf(1).content).toBe(systemOf(0).content);
    expect(JSON.stringify(ollama.chatRequests[1]!.messages)).toContain('asked why their code failed');
  });

  it('streams from Anthropic through the guard with the SDK against the Messages SSE test server', async () => {
    const anthropic = await startAnthropicTestServer();
    try {
      const tutor = createTutorService(
        tutorOptions(store, dir, {
          events,
          logger,
          providerFor: (s, key) => new AnthropicProvider({ apiKey: key!, baseURL: anthropic.url, maxRetries: 1 }),
        }),
      );
      tutor.config.configure({ provider: 'anthropic', anthropicModel: 'claude-test' });
      tutor.config.setKey(anthropic.apiKey);
      const leak = { kind: 'stream' as const, chunks: tokenChunks(`\`\`\`python\n${fixtureSolution}\`\`\``) };
      anthropic.enqueue(leak);
      const result = await ask(tutor, 'ask', 'what is the code?');
      expect(result).toMatchObject({ status: 'answered', source: 'provider-strict' });
      for (const d of delivered) expect(d.payload.text ?? '').not.toContain('result += price');
      expect(anthropic.requests).toHaveLength(2);
      expect(anthropic.requests[0]!.body.system).toEqual([expect.objectContaining({ cache_control: { type: 'ephemeral' } })]);
      expect(anthropic.requests[1]!.body.system).toEqual(anthropic.requests[0]!.body.system);
    } finally {
      await anthropic.close();
    }
  });

  it('asks for a key before using Anthropic', async () => {
    const tutor = service();
    tutor.config.configure({ provider: 'anthropic' });
    expect(await ask(tutor, 'hint')).toMatchObject({
      status: 'failed',
      failure: { code: 'no_key', nextStep: expect.stringContaining('Settings → Tutor') as string },
    });
  });

  it('keeps the API key encrypted on disk and reports where it is kept', () => {
    const tutor = service();
    tutor.config.setKey('sk-ant-secret-value-123');
    expect(tutor.config.status()).toMatchObject({ hasKey: true, keyStorage: 'encrypted-file' });
    expect(fs.readFileSync(path.join(dir, 'secrets.json'), 'utf8')).not.toContain('sk-ant-secret-value-123');
    // Its encryption key is not in the data folder (main/secrets/secret-store.test.ts has the attack).
    expect(fs.statSync(path.join(dir, 'secrets.json')).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(path.join(dir, 'secrets.key'))).toBe(false);
    expect(tutor.config.status().keyProtection).toMatch(/^Stored encrypted with a key in your user folder/);
    expect(tutor.config.clearKey().hasKey).toBe(false);
  });
});
