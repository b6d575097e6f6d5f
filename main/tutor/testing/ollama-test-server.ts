// A local server that speaks Ollama's HTTP API (NDJSON streams): /api/chat, /api/tags,
// /api/pull (per-layer progress), /api/delete, /api/embed, /api/version. Used by the
// provider tests, the eval harness, the benchmark and the e2e test through the real client.
import http from 'node:http';
import { listenLocally } from './listen-locally';
import { scriptedReply } from './scripted-replies';
import { tokenChunks } from './anthropic-test-server';

export type OllamaChatBehaviour = { kind: 'stream'; chunks?: string[]; delayMs?: number } | { kind: 'mid-stream-error'; chunks: string[] };

export interface OllamaTestServer {
  readonly url: string;
  readonly port: number;
  readonly models: Map<string, number>;
  readonly chatRequests: Record<string, unknown>[];
  /** Every request as "METHOD /path", in order. */
  readonly log: string[];
  enqueueChat(...behaviours: OllamaChatBehaviour[]): void;
  close(): Promise<void>;
}

export interface OllamaTestServerOptions {
  readonly port?: number;
  /** Installed at start: name → size in bytes. */
  readonly models?: Record<string, number>;
  /** Delay between streamed chunks (chat and pull), so streaming and Stop are visible. */
  readonly delayMs?: number;
  /** Layers a pull reports, each in this many steps. */
  readonly pullSteps?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startOllamaTestServer(options: OllamaTestServerOptions = {}): Promise<OllamaTestServer> {
  const models = new Map(Object.entries(options.models ?? { 'llama3.2:1b': 1_300_000_000 }));
  const chatQueue: OllamaChatBehaviour[] = [];
  const chatRequests: Record<string, unknown>[] = [];
  const log: string[] = [];
  const delay = options.delayMs ?? 0;

  const json = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += String(c)));
    req.on('end', () => {
      void (async () => {
        const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
        log.push(`${req.method} ${req.url}`);
        let closed = false;
        res.on('close', () => (closed = true));
        const line = (value: unknown) => res.write(`${JSON.stringify(value)}\n`);
        switch (`${req.method} ${req.url}`) {
          case 'GET /api/version':
            return json(res, 200, { version: '0.12.0-test' });
          case 'GET /api/tags':
            return json(res, 200, {
              models: [...models].map(([name, size]) => ({
                name,
                model: name,
                modified_at: new Date(0).toISOString(),
                size,
                digest: `sha256:${name.replace(/\W/g, '')}`,
                details: {
                  parent_model: '',
                  format: 'gguf',
                  family: name.includes('embed') ? 'nomic-bert' : 'llama',
                  families: [name.includes('embed') ? 'nomic-bert' : 'llama'],
                  parameter_size: '1B',
                  quantization_level: 'Q4',
                },
              })),
            });
          case 'DELETE /api/delete': {
            const name = String(body.model ?? body.name ?? '');
            if (!models.delete(name)) return json(res, 404, { error: `model '${name}' not found` });
            return json(res, 200, {});
          }
          case 'POST /api/embed': {
            const name = String(body.model ?? '');
            if (!models.has(name)) return json(res, 404, { error: `model "${name}" not found, try pulling it first` });
            const inputs = Array.isArray(body.input) ? (body.input as string[]) : [String(body.input ?? '')];
            return json(res, 200, { model: name, embeddings: inputs.map(bagOfLettersVector) });
          }
          case 'POST /api/pull': {
            const name = String(body.model ?? body.name ?? '');
            res.writeHead(200, { 'content-type': 'application/x-ndjson' });
            line({ status: 'pulling manifest' });
            const layers = [
              { digest: 'sha256:aaaa', total: 600_000_000 },
              { digest: 'sha256:bbbb', total: 400_000_000 },
            ];
            const steps = options.pullSteps ?? 5;
            for (const layer of layers) {
              for (let step = 0; step <= steps; step++) {
                if (closed) return;
                if (delay) await sleep(delay);
                line({
                  status: `pulling ${layer.digest.slice(7, 19)}`,
                  digest: layer.digest,
                  total: layer.total,
                  completed: Math.round((layer.total * step) / steps),
                });
              }
            }
            line({ status: 'verifying sha256 digest' });
            line({ status: 'writing manifest' });
            models.set(name, 1_000_000_000);
            line({ status: 'success' });
            return res.end();
          }
          case 'POST /api/chat': {
            chatRequests.push(body);
            const name = String(body.model ?? '');
            if (!models.has(name)) return json(res, 404, { error: `model "${name}" not found, try pulling it first` });
            const messages = (body.messages as { role: string; content: string }[]) ?? [];
            const system = messages.find((m) => m.role === 'system')?.content ?? '';
            const user = [...messages].reverse().find((m) => m.role === 'user')?.content ?? '';
            const behaviour = chatQueue.shift() ?? { kind: 'stream' };
            const chunks = behaviour.chunks ?? tokenChunks(scriptedReply(system, user));
            const chunkDelay = (behaviour.kind === 'stream' ? behaviour.delayMs : undefined) ?? delay;
            res.writeHead(200, { 'content-type': 'application/x-ndjson' });
            for (const chunk of chunks) {
              if (closed) return;
              if (chunkDelay) await sleep(chunkDelay);
              line({ model: name, created_at: new Date().toISOString(), message: { role: 'assistant', content: chunk }, done: false });
            }
            if (behaviour.kind === 'mid-stream-error') {
              line({ error: 'an error was encountered while running the model: unexpected EOF' });
              return res.end();
            }
            line({
              model: name,
              created_at: new Date().toISOString(),
              message: { role: 'assistant', content: '' },
              done: true,
              done_reason: 'stop',
              eval_count: chunks.length,
            });
            return res.end();
          }
          default:
            return json(res, 404, { error: 'not found' });
        }
      })();
    });
  });
  const listener = await listenLocally(server, options.port);
  return {
    url: listener.url,
    port: listener.port,
    models,
    chatRequests,
    log,
    enqueueChat: (...behaviours) => chatQueue.push(...behaviours),
    close: listener.close,
  };
}

/** A tiny deterministic embedding: letter frequencies, enough for ranking tests. */
export function bagOfLettersVector(text: string): number[] {
  const vector = new Array<number>(26).fill(0);
  for (const ch of text.toLowerCase()) {
    const code = ch.charCodeAt(0) - 97;
    if (code >= 0 && code < 26) vector[code]! += 1;
  }
  return vector;
}
