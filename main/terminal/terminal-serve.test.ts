// The terminal over serve mode's WebSocket: output reaches only the window that opened the
// terminal, another window's id is refused, and closing the window kills the shell.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createApp } from '../app/create-app';
import { createLogger } from '../app/logger';
import { startServeServer, type ServeServer } from '../serve/serve-server';
import { until } from '../../common/testing/until';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(): Promise<ServeServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-term-serve-'));
  const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-term-renderer-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  const app = createApp({ dataDir, mode: 'serve', version: '0.0.0-test', logger: createLogger(() => {}) });
  const server = await startServeServer({ app, rendererDir });
  cleanups.push(async () => {
    await server.close();
    await app.close();
  });
  return server;
}

interface Window {
  call(name: string, input: unknown): Promise<{ ok: boolean; value?: { id?: string }; error?: { code: string; message: string } }>;
  events: { name: string; payload: { id: string; data?: string } }[];
  close(): void;
}

async function open(server: ServeServer): Promise<Window> {
  const socket = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`, { origin: `http://127.0.0.1:${server.port}` });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const pending = new Map<number, (message: never) => void>();
  const events: Window['events'] = [];
  socket.on('message', (data) => {
    const message = JSON.parse(String(data));
    if (message.t === 'result') pending.get(message.id)?.(message as never);
    else if (message.t === 'event') events.push(message);
  });
  let next = 1;
  cleanups.push(() => socket.close());
  return {
    call: (name, input) =>
      new Promise((resolve) => {
        const id = next++;
        pending.set(id, resolve as never);
        socket.send(JSON.stringify({ t: 'call', id, name, input }));
      }),
    events,
    close: () => socket.close(),
  };
}

describe('terminals in serve mode', () => {
  it('keeps each terminal to the window that opened it', async () => {
    const server = await start();
    const owner = await open(server);
    const other = await open(server);
    const created = await owner.call('terminal.create', { cols: 80, rows: 24 });
    expect(created.ok).toBe(true);
    const id = created.value!.id!;
    const refused = await other.call('terminal.write', { id, data: 'echo stolen\r' });
    expect(refused.error?.code).toBe('not_found');
    expect((await other.call('terminal.kill', { id })).error?.code).toBe('not_found');
    expect((await owner.call('terminal.write', { id, data: 'echo mine-$((40+2))\r' })).ok).toBe(true);
    const text = () =>
      owner.events
        .filter((event) => event.name === 'terminal.data')
        .map((event) => event.payload.data)
        .join('');
    await until(() => text().includes('mine-42'), 'the owner to see its output');
    expect(other.events.filter((event) => event.name === 'terminal.data')).toEqual([]);
  });
});
