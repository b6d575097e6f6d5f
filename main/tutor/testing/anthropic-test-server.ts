// A local server that speaks the Anthropic Messages API's streaming protocol (SSE:
// message_start, content_block_start, content_block_delta/text_delta, content_block_stop,
// message_delta, message_stop, ping, error), so the real SDK client is tested end to end.
import http from 'node:http';
import { listenLocally } from './listen-locally';
import { scriptedReply } from './scripted-replies';

export type AnthropicBehaviour =
  | { kind: 'stream'; chunks?: string[]; delayMs?: number }
  | { kind: 'status'; status: number; errorType: string; message: string; headers?: Record<string, string> }
  | { kind: 'mid-stream-error'; chunks: string[]; errorType?: string };

export interface AnthropicTestServer {
  readonly url: string;
  readonly requests: { headers: http.IncomingHttpHeaders; body: Record<string, unknown> }[];
  /** Behaviours used in order by the next requests; afterwards, a scripted streamed reply. */
  enqueue(...behaviours: AnthropicBehaviour[]): void;
  /** The key the server accepts (others get 401). */
  readonly apiKey: string;
  close(): Promise<void>;
}

const send = (res: http.ServerResponse, event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Splits text into small chunks the way a model streams tokens. */
export function tokenChunks(text: string): string[] {
  return text.match(/\s*\S+/g) ?? [text];
}

export async function startAnthropicTestServer(options: { apiKey?: string; port?: number; delayMs?: number } = {}): Promise<AnthropicTestServer> {
  const apiKey = options.apiKey ?? 'sk-ant-test-key-0000';
  const queue: AnthropicBehaviour[] = [];
  const requests: AnthropicTestServer['requests'] = [];

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += String(c)));
    req.on('end', () => {
      void (async () => {
        if (req.method !== 'POST' || !req.url?.startsWith('/v1/messages')) {
          res.writeHead(404, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ type: 'error', error: { type: 'not_found_error', message: 'Not found' } }));
          return;
        }
        const body = JSON.parse(raw || '{}') as Record<string, unknown>;
        requests.push({ headers: req.headers, body });
        // The SDK sends the key as x-api-key or, in newer versions, as a bearer token.
        if (req.headers['x-api-key'] !== apiKey && req.headers.authorization !== `Bearer ${apiKey}`) {
          res.writeHead(401, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } }));
          return;
        }
        const behaviour = queue.shift() ?? { kind: 'stream' };
        if (behaviour.kind === 'status') {
          res.writeHead(behaviour.status, { 'content-type': 'application/json', ...behaviour.headers });
          res.end(JSON.stringify({ type: 'error', error: { type: behaviour.errorType, message: behaviour.message } }));
          return;
        }
        const model = String(body.model ?? 'claude-test');
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
        let closed = false;
        res.on('close', () => (closed = true));
        send(res, 'message_start', {
          type: 'message_start',
          message: {
            id: 'msg_test',
            type: 'message',
            role: 'assistant',
            model,
            content: [],
            stop_reason: null,
            stop_sequence: null,
            usage: { input_tokens: 10, output_tokens: 1 },
          },
        });
        send(res, 'content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } });
        send(res, 'ping', { type: 'ping' });
        const chunks =
          behaviour.chunks ??
          tokenChunks(scriptedReply(String((body.system as { text: string }[] | undefined)?.[0]?.text ?? body.system ?? ''), lastUserText(body)));
        const delay = behaviour.kind === 'stream' ? (behaviour.delayMs ?? options.delayMs ?? 0) : 0;
        for (const chunk of chunks) {
          if (closed) return;
          if (delay) await sleep(delay);
          send(res, 'content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: chunk } });
        }
        if (behaviour.kind === 'mid-stream-error') {
          send(res, 'error', { type: 'error', error: { type: behaviour.errorType ?? 'overloaded_error', message: 'Overloaded' } });
          res.end();
          return;
        }
        send(res, 'content_block_stop', { type: 'content_block_stop', index: 0 });
        send(res, 'message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: chunks.length } });
        send(res, 'message_stop', { type: 'message_stop' });
        res.end();
      })();
    });
  });
  const listener = await listenLocally(server, options.port);
  return {
    url: listener.url,
    requests,
    apiKey,
    enqueue: (...behaviours) => queue.push(...behaviours),
    close: listener.close,
  };
}

function lastUserText(body: Record<string, unknown>): string {
  const messages = (body.messages as { role: string; content: unknown }[] | undefined) ?? [];
  const last = [...messages].reverse().find((m) => m.role === 'user');
  return typeof last?.content === 'string' ? last.content : JSON.stringify(last?.content ?? '');
}
