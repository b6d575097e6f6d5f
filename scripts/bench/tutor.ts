// bench:tutor — the time-to-first-token the app adds on top of the model server.
// Baseline (same run): the ollama client streaming straight from the local Ollama test
// server, request sent → first text chunk. App: a tutor.ask over serve mode's real WebSocket
// → first tutor.delta event, through dispatch and zod validation, session and message writes,
// lesson lookup, retrieval, context building, the answer-leak gate (which holds a word until
// it is complete) and the event bus. Overhead = app − baseline at each percentile; goal p95 < 30 ms.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { createApp } from '../../main/app/create-app';
import { silentLogger } from '../../main/app/logger';
import { startServeServer } from '../../main/serve/serve-server';
import { OllamaProvider } from '../../main/tutor/providers/ollama-provider';
import { startOllamaTestServer } from '../../main/tutor/testing/ollama-test-server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 100);
/** Per-chunk delay of the test server: about 200 tokens/s, a fast local model. */
const TOKEN_MS = Number(process.env.BENCH_TOKEN_MS ?? 5);

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;

const ollama = await startOllamaTestServer({ delayMs: TOKEN_MS });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-bench-tutor-'));
const app = createApp({ dataDir, mode: 'serve', version: 'bench', logger: silentLogger });
const serve = await startServeServer({ app, rendererDir: path.join(root, 'dist', 'renderer') });
const ws = new WebSocket(`ws://127.0.0.1:${serve.port}/ws?token=${serve.token}`, { origin: `http://127.0.0.1:${serve.port}` });
await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));

let nextId = 1;
const pending = new Map<number, (value: unknown) => void>();
const deltaWaiters = new Map<string, () => void>();
ws.on('message', (data) => {
  const message = JSON.parse(String(data)) as {
    t: string;
    id?: number;
    ok?: boolean;
    value?: unknown;
    error?: unknown;
    name?: string;
    payload?: { requestId: string };
  };
  if (message.t === 'result') pending.get(message.id!)?.(message.ok ? message.value : Promise.reject(new Error(JSON.stringify(message.error))));
  if (message.t === 'event' && message.name === 'tutor.delta') deltaWaiters.get(message.payload!.requestId)?.();
});
const call = (name: string, input: unknown) =>
  new Promise((resolve) => {
    const id = nextId++;
    pending.set(id, resolve);
    ws.send(JSON.stringify({ t: 'call', id, name, input }));
  });

await call('profile.completeFirstRun', { name: 'Bench', goal: '', experienceLevel: 'some', gamificationMode: 'off', timezone: 'UTC' });
await call('tutor.configure', { provider: 'ollama', ollamaHost: ollama.url, ollamaModel: 'llama3.2:1b' });
const lesson = { courseId: 'python-basics', lessonId: 'count-votes' };

async function appFirstToken(i: number): Promise<number> {
  const requestId = `bench-${i}`;
  const started = performance.now();
  const first = new Promise<number>((resolve) => deltaWaiters.set(requestId, () => resolve(performance.now() - started)));
  const done = call('tutor.ask', { ...lesson, requestId, action: 'ask', text: 'Why does my loop stop after the first vote?' });
  const ttft = await first;
  await done;
  deltaWaiters.delete(requestId);
  return ttft;
}

async function baselineFirstToken(): Promise<number> {
  const provider = new OllamaProvider(ollama.url);
  const started = performance.now();
  let ttft = 0;
  await provider.chat(
    {
      model: 'llama3.2:1b',
      system: 'You are a tutor.',
      messages: [{ role: 'user', content: 'Why does my loop stop after the first vote?' }],
      maxTokens: 200,
      signal: new AbortController().signal,
    },
    () => {
      if (!ttft) ttft = performance.now() - started;
    },
  );
  return ttft;
}

for (let i = 0; i < 10; i++) {
  await baselineFirstToken();
  await appFirstToken(-i - 1);
}
// Every 10 requests the session is cleared, as a learner would, so history stays realistic.
const base: number[] = [];
const full: number[] = [];
for (let i = 0; i < RUNS; i++) {
  base.push(await baselineFirstToken());
  full.push(await appFirstToken(i));
  if (i % 10 === 9) await call('tutor.clearSession', lesson);
}

ws.close();
await serve.close();
await app.close();
await ollama.close();
fs.rmSync(dataDir, { recursive: true, force: true });

const row = (label: string, p: number) => {
  const b = percentile(base, p);
  const a = percentile(full, p);
  return `  p${String(p).padEnd(3)} baseline ${b.toFixed(1).padStart(6)} ms   app ${a.toFixed(1).padStart(6)} ms   overhead ${(a - b).toFixed(1).padStart(6)} ms   ratio ${(a / b).toFixed(2)}×${label}`;
};
console.log(`bench:tutor — time to first token, ${RUNS} requests, test server at ${TOKEN_MS} ms/token`);
console.log(row('', 50));
console.log(row(percentile(full, 95) - percentile(base, 95) < 30 ? '   (goal < 30 ms: met)' : '   (goal < 30 ms: NOT met)', 95));
