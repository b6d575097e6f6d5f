// Serve mode: the same services and the same renderer build, for a browser on this
// machine. Loopback only, a random token per start, Origin checked.
//
// The token opens the socket, and the socket gives a shell as the learner, so it never goes in
// a cookie: browsers send 127.0.0.1's cookies to every port on it, including a server another
// user runs there (a per-port name or __Host- does not change that). The page's cookie holds
// only a key derived from the token that fetches the renderer's files; the renderer keeps the
// token in its origin's storage (which is per port) and gives it to the socket itself.
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { DronaApp } from '../app/create-app';
import type { Logger } from '../app/logger';
import { contentSecurityPolicy } from '../app/content-security-policy';
import { dispatchCall } from '../ipc/dispatch';
import { clientMessageSchema, MAX_MESSAGE_BYTES, type ServerMessage } from '../../preload/wire';
import { messageOf } from '../../preload/contract/errors';

interface ServeBase {
  readonly rendererDir: string;
  readonly port?: number;
  /** Fixed only by tests that need a known token; normally random per start. */
  readonly token?: string;
}

/**
 * The app, or the app still starting (with the logger to use meanwhile): the page's files are
 * served at once, so the browser paints the startup frame while the app starts; calls wait for it.
 */
export type ServeOptions = ServeBase & ({ readonly app: DronaApp } | { readonly app: Promise<DronaApp>; readonly logger: Logger });

export interface ServeServer {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  /** Settles once a browser has been sent the page (index.html): all its first paint needs from here. */
  readonly pageSent: Promise<void>;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
};

function sameToken(candidate: string | undefined | null, token: string): boolean {
  if (!candidate) return false;
  const a = Buffer.from(candidate);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The request's path, decoded; null when its percent-encoding is malformed. */
function decodedPath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

/** The request target as a URL; null when it does not parse (an absolute-form target with a bad host). */
function requestUrl(req: http.IncomingMessage): URL | null {
  try {
    return new URL(req.url ?? '/', `http://${HOST}`);
  } catch {
    return null;
  }
}

function cookieValue(header: string | undefined, cookie: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === cookie) return rest.join('=');
  }
  return undefined;
}

/** What the page cookie holds: opens the renderer's files, not the socket; no way back to the token. */
export const pageKey = (token: string) => createHmac('sha256', token).update('drona serve: page files only').digest('hex');

export async function startServeServer(options: ServeOptions): Promise<ServeServer> {
  const { rendererDir } = options;
  const appReady = Promise.resolve(options.app);
  const token = options.token ?? randomBytes(24).toString('hex');
  const logger = 'logger' in options ? options.logger : options.app.logger;
  const indexFile = path.join(rendererDir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    throw new Error(`The renderer is not built (${indexFile} is missing). Run "npm run build" first.`);
  }

  const pages = pageKey(token);
  let sentPage = () => {};
  const pageSent = new Promise<void>((resolve) => (sentPage = resolve));
  let port = 0;
  // Per port, so two serve processes on one host do not overwrite each other's cookie.
  const cookieName = () => `drona-${port}`;
  const origins = () => [`http://${HOST}:${port}`, `http://localhost:${port}`];
  const pageAuthorised = (req: http.IncomingMessage, url: URL) =>
    sameToken(url.searchParams.get('token'), token) || sameToken(cookieValue(req.headers.cookie, cookieName()), pages);

  const server = http.createServer((req, res) => {
    const securityHeaders = {
      'Content-Security-Policy': contentSecurityPolicy([`ws://${HOST}:${port}`, `ws://localhost:${port}`]),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
    };
    const text = (status: number, body: string) => res.writeHead(status, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' }).end(body);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, securityHeaders).end();
      return;
    }
    const url = requestUrl(req);
    const pathname = url && decodedPath(url.pathname);
    if (!url || pathname === null) {
      text(400, 'Bad request: the path is not a valid URL.\n');
      return;
    }
    if (!pageAuthorised(req, url)) {
      text(401, 'Dronacharya: this page needs the link printed when serve mode started (it carries the access token).\n');
      return;
    }
    const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
    const file = path.resolve(rendererDir, relative);
    if (!file.startsWith(path.resolve(rendererDir) + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      text(404, 'Not found\n');
      return;
    }
    const headers: Record<string, string> = {
      ...securityHeaders,
      'Content-Type': mimeTypes[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-store',
    };
    if (url.searchParams.has('token')) {
      headers['Set-Cookie'] = `${cookieName()}=${pages}; HttpOnly; SameSite=Strict; Path=/`;
    }
    res.writeHead(200, headers);
    if (relative === 'index.html') res.once('finish', sentPage);
    if (req.method === 'HEAD') res.end();
    // A file removed between the check and the read ends this response, not the server.
    else
      fs.createReadStream(file)
        .on('error', () => res.destroy())
        .pipe(res);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const sockets = new Map<WebSocket, string>();

  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    const url = requestUrl(req);
    const refuse = (status: string) => {
      socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      socket.destroy();
    };
    if (!url) return refuse('400 Bad Request');
    if (url.pathname !== '/ws') return refuse('404 Not Found');
    // The token itself, never the page cookie (which every local port receives).
    if (!sameToken(url.searchParams.get('token'), token)) return refuse('401 Unauthorized');
    if (!origins().includes(req.headers.origin ?? '')) return refuse('403 Forbidden');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws));
  });

  const send = (ws: WebSocket, message: ServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };

  wss.on('connection', (ws) => {
    const sessionId = randomUUID();
    sockets.set(ws, sessionId);
    // A frame over maxPayload (or a broken frame) errors the socket; ws then closes it (1009,
    // 1002). Without a listener that error would end the process.
    ws.on('error', (error) => logger.warn(`serve socket closed: ${error.message}`));
    ws.on('message', async (data) => {
      let raw: unknown;
      try {
        raw = JSON.parse(data.toString());
      } catch {
        send(ws, { t: 'protocol-error', message: 'Messages must be JSON.' });
        return;
      }
      const message = clientMessageSchema.safeParse(raw);
      if (!message.success) {
        send(ws, { t: 'protocol-error', message: 'Messages must be {t:"call", id, name, input}.' });
        return;
      }
      const { id, name, input } = message.data;
      try {
        const app = await appReady;
        const result = await dispatchCall(app.handlers, name, input, { sessionId, events: app.events }, logger);
        send(ws, { t: 'result', id, ...result });
      } catch (error) {
        // dispatchCall turns handler failures into results; this is the last net, so a rejected
        // promise here never becomes an unhandled rejection that ends the process.
        logger.error(`serve call ${name} failed outside its handler: ${messageOf(error)}`);
        send(ws, { t: 'result', id, ok: false, error: { code: 'internal', message: `Dronacharya hit an internal error in ${name}.` } });
      }
    });
    ws.on('close', () => {
      sockets.delete(ws);
      void appReady.then(
        (app) => app.events.endSession(sessionId),
        () => {},
      );
    });
  });

  let stopped = false;
  let unsubscribe = () => {};
  // An app that fails to start fails its calls (above); whoever started it reports why.
  void appReady.then(
    (app) => {
      if (stopped) return;
      unsubscribe = app.events.subscribe((name, payload, target) => {
        for (const [ws, sessionId] of sockets) {
          if (target === null || target === sessionId) send(ws, { t: 'event', name, payload });
        }
      });
    },
    () => {},
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  logger.redact(token);

  return {
    url: `http://${HOST}:${port}/?token=${token}`,
    port,
    token,
    pageSent,
    close: async () => {
      stopped = true;
      unsubscribe();
      for (const ws of sockets.keys()) ws.terminate();
      wss.close();
      // Drop idle keep-alive connections first, or server.close() waits for them to time out.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
