import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createApp, databaseFile, type DronaApp } from '../app/create-app';
import { createLogger } from '../app/logger';
import { workspaceLimits } from '../../preload/contract/workspace-limits';
import { MAX_MESSAGE_BYTES } from '../../preload/wire';
import { startServeServer, type ServeServer } from './serve-server';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-serve-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function start(prepare?: (dataDir: string) => void): Promise<{ server: ServeServer; app: DronaApp; log: string[] }> {
  const dataDir = tempDir();
  prepare?.(dataDir);
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  const log: string[] = [];
  const app = createApp({ dataDir, mode: 'serve', version: '0.0.0-test', logger: createLogger((line) => log.push(line)) });
  const server = await startServeServer({ app, rendererDir });
  cleanups.push(async () => {
    await server.close();
    await app.close();
  });
  return { server, app, log };
}

function connect(server: ServeServer, { token = server.token, origin = `http://127.0.0.1:${server.port}` } = {}) {
  return new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${token}`, { origin });
}

function refusal(socket: WebSocket): Promise<number> {
  return new Promise((resolve, reject) => {
    socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.on('open', () => reject(new Error('the socket should have been refused')));
    socket.on('error', () => {});
  });
}

async function client(server: ServeServer) {
  const socket = connect(server);
  cleanups.push(() => socket.close());
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const messages: unknown[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(String(data))));
  let id = 0;
  const sendRaw = async (raw: string) => {
    const before = messages.length;
    socket.send(raw);
    await expect.poll(() => messages.length).toBeGreaterThan(before);
    return messages[before] as Record<string, unknown>;
  };
  const call = (name: unknown, input: unknown) => sendRaw(JSON.stringify({ t: 'call', id: ++id, name, input }));
  return { call, sendRaw };
}

describe('serve mode', () => {
  it('listens on 127.0.0.1 only', async () => {
    const { server } = await start();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
  });

  it('refuses the socket without the token, with a wrong token, and from another origin', async () => {
    const { server } = await start();
    expect(await refusal(new WebSocket(`ws://127.0.0.1:${server.port}/ws`, { origin: `http://127.0.0.1:${server.port}` }))).toBe(401);
    expect(await refusal(connect(server, { token: 'f'.repeat(48) }))).toBe(401);
    expect(await refusal(connect(server, { origin: 'http://evil.example' }))).toBe(403);
  });

  it('answers a valid call and rejects bad payloads with typed errors, staying up', async () => {
    const { server, log } = await start();
    const { call, sendRaw } = await client(server);
    expect(await call('app.status', {})).toMatchObject({ t: 'result', ok: true, value: { state: 'ready', mode: 'serve' } });

    const unknown = await call('app.formatHardDisk', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_call' } });

    const bad = await call('profile.completeFirstRun', { name: '', experienceLevel: 'wizard', gamificationMode: 'full', timezone: 'UTC', goal: '' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const details = (bad.error as { details: { path: string[] }[] }).details.map((d) => d.path.join('.'));
    expect(details).toEqual(expect.arrayContaining(['name', 'experienceLevel']));

    expect(await call('settings.update', { editorFontSize: 'huge' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('settings.update', { theme: 'dark' })).toMatchObject({ ok: true, value: { theme: 'dark' } });
    expect(await sendRaw('{not json')).toMatchObject({ t: 'protocol-error' });
    expect(await sendRaw(JSON.stringify({ t: 'call', id: -1, name: 'app.status' }))).toMatchObject({ t: 'protocol-error' });
    expect(await call('app.status', {})).toMatchObject({ ok: true });
    expect(log.join('\n')).not.toContain(server.token);
  });

  it('keeps a corrupt database aside on request and starts fresh', async () => {
    const { server, app } = await start((dataDir) => fs.writeFileSync(databaseFile(dataDir), 'not a database'.repeat(100)));
    const { call } = await client(server);
    const status = await call('app.status', {});
    expect(status).toMatchObject({ ok: true, value: { state: 'recovery', problem: { kind: 'corrupt' } } });
    expect(await call('profile.get', {})).toMatchObject({ ok: false, error: { code: 'store_unavailable' } });
    const recovered = await call('app.recoverStore', { action: 'fresh' });
    const keptAside = (recovered.value as { keptAside: string }).keptAside;
    expect(fs.readFileSync(keptAside, 'utf8')).toContain('not a database');
    expect(await call('app.status', {})).toMatchObject({ ok: true, value: { state: 'ready' } });
    expect(await call('profile.get', {})).toMatchObject({ ok: true, value: { firstRunCompleted: false } });
    expect(app.state()).toHaveProperty('services');
  });
});

describe('serve mode while the app is still starting', () => {
  it('sends the page at once, holds calls until the app is up, then answers them', async () => {
    const dataDir = tempDir();
    const rendererDir = tempDir();
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
    let started!: (app: DronaApp) => void;
    const starting = new Promise<DronaApp>((resolve) => (started = resolve));
    const server = await startServeServer({ app: starting, logger: createLogger(() => {}), rendererDir });
    cleanups.push(() => server.close());
    expect(await rawGet(server, `/?token=${server.token}`)).toBe(200);
    await server.pageSent;
    const { call } = await client(server);
    const status = call('app.status', {});
    const app = createApp({ dataDir, mode: 'serve', version: '0.0.0-test', logger: createLogger(() => {}) });
    cleanups.push(() => app.close());
    started(app);
    expect(await status).toMatchObject({ t: 'result', ok: true, value: { state: 'ready', mode: 'serve' } });
  });

  it('fails the calls of an app that could not start, and stays up', async () => {
    const rendererDir = tempDir();
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
    const server = await startServeServer({ app: Promise.reject(new Error('no data folder')), logger: createLogger(() => {}), rendererDir });
    cleanups.push(() => server.close());
    const { call } = await client(server);
    expect(await call('app.status', {})).toMatchObject({ t: 'result', ok: false, error: { code: 'internal' } });
    expect(await rawGet(server, `/?token=${server.token}`)).toBe(200);
  });
});

/** A raw GET, so a malformed path reaches the server byte for byte. */
function rawGet(server: ServeServer, requestPath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: server.port, path: requestPath }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
  });
}

describe('a request never kills serve mode', () => {
  it('refuses a malformed percent-encoded path with 400 and keeps serving', async () => {
    const { server } = await start();
    expect(await rawGet(server, `/%E0%A4%A?token=${server.token}`)).toBe(400);
    expect(await rawGet(server, `/assets/%ZZ.js?token=${server.token}`)).toBe(400);
    expect(await rawGet(server, `/?token=${server.token}`)).toBe(200);
  });

  it('closes a socket that sends a frame over the size limit with 1009, and the server stays up', async () => {
    const { server } = await start();
    const socket = connect(server);
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.on('error', () => {});
    socket.send('x'.repeat(MAX_MESSAGE_BYTES + 1));
    expect(await closed).toBe(1009);
    const { call } = await client(server);
    expect(await call('app.status', {})).toMatchObject({ ok: true });
  });

  it('refuses a Run carrying too much code with a typed error, and the next call works', async () => {
    const { server } = await start();
    const { call } = await client(server);
    const big = 'x'.repeat(workspaceLimits.maxFileBytes);
    const files = Array.from({ length: 12 }, (_, i) => ({ path: `f${i}.py`, content: big }));
    const refused = await call('sandbox.run', { runId: 'r1', language: 'python', files, entry: 'f0.py' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(String((refused.error as { message: string }).message)).toMatch(/files/);
    // One file just over the per-file cap, counted in UTF-8 bytes (é is two bytes).
    const wide = await call('sandbox.run', {
      runId: 'r2',
      language: 'python',
      files: [{ path: 'main.py', content: 'é'.repeat(workspaceLimits.maxFileBytes / 2 + 1) }],
      entry: 'main.py',
    });
    expect(wide).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('app.status', {})).toMatchObject({ ok: true });
  });
});

describe('the page cookie', () => {
  it('holds nothing another local port could use: not the token, and it does not open the socket', async () => {
    const { server } = await start();
    const page = await new Promise<http.IncomingMessage>((resolve, reject) =>
      http.get({ host: '127.0.0.1', port: server.port, path: `/?token=${server.token}` }, resolve).on('error', reject),
    );
    page.resume();
    const setCookie = page.headers['set-cookie'] ?? [];
    expect(setCookie).toHaveLength(1);
    const cookie = setCookie[0]!;
    // Browsers send 127.0.0.1's cookies to every port, so whatever it holds reaches other servers.
    expect(cookie).not.toContain(server.token);
    expect(cookie).toMatch(new RegExp(`^drona-${server.port}=[0-9a-f]{64}; HttpOnly; SameSite=Strict; Path=/$`));
    const sent = cookie.split(';')[0]!;
    // What it is for: the renderer's files, after a reload.
    const reload = await new Promise<number>((resolve, reject) =>
      http
        .get({ host: '127.0.0.1', port: server.port, path: '/', headers: { cookie: sent } }, (res) => (res.resume(), resolve(res.statusCode ?? 0)))
        .on('error', reject),
    );
    expect(reload).toBe(200);
    // What it is not for: another local user replaying it (or its value as a token) gets no socket.
    const origin = `http://127.0.0.1:${server.port}`;
    expect(await refusal(new WebSocket(`ws://127.0.0.1:${server.port}/ws`, { origin, headers: { cookie: sent } }))).toBe(401);
    expect(await refusal(new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${sent.split('=')[1]}`, { origin, headers: { cookie: sent } }))).toBe(401);
  });
});
