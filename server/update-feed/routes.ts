// A generic update feed for organisations that host their own builds: the folder electron-builder
// wrote (channel files, installers, blockmaps) served at /updates/, as electron-updater's generic
// provider fetches it. Plain files only, no folders; single byte ranges for resumed downloads.
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Hono } from 'hono';
import { CHANNEL_FILE, readChannelFile } from './feed-file';

/** What electron-builder puts in a release folder, and nothing else (no stray keys or configs). */
const SERVED = /^[\w.+-]+\.(yml|AppImage|deb|rpm|dmg|zip|exe|blockmap)$/;

export interface FeedChannel {
  readonly file: string;
  readonly version: string;
  readonly stagingPercentage: number | null;
}

/** The channel files in a feed folder, and what is wrong with the others (each naming file and field). */
export function scanFeed(dir: string): { channels: FeedChannel[]; problems: string[] } {
  const channels: FeedChannel[] = [];
  const problems: string[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    if (!CHANNEL_FILE.test(name)) continue;
    const result = readChannelFile(name, fs.readFileSync(path.join(dir, name), 'utf8'));
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    const missing = result.feed.files
      .filter((file) => !fs.existsSync(path.join(dir, file.url)))
      .map((file) => `${name}: lists ${file.url}, which is not in the feed folder`);
    problems.push(...missing);
    channels.push({ file: name, version: result.feed.version, stagingPercentage: result.feed.stagingPercentage ?? null });
  }
  return { channels, problems };
}

function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  // Several ranges at once are answered with the whole file: electron-updater then downloads it in full.
  if (!match || (match[1] === '' && match[2] === '')) return null;
  const start = match[1] === '' ? Math.max(0, size - Number(match[2])) : Number(match[1]);
  const end = match[1] === '' || match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  return start > end || start >= size ? 'unsatisfiable' : { start, end };
}

export function updateFeedRoutes(dir: string): Hono {
  const root = path.resolve(dir);
  const app = new Hono();
  // Channels and versions only: the problems (and the folder's path) are for the operator's log.
  app.get('/', (c) => c.json({ channels: scanFeed(root).channels }));
  app.get('/:file', (c) => {
    const name = c.req.param('file');
    const file = path.join(root, name);
    if (!SERVED.test(name) || path.dirname(file) !== root) return c.json({ error: { code: 'not_found', message: `No update file named ${name}.` } }, 404);
    let size: number;
    try {
      const stat = fs.statSync(file);
      if (!stat.isFile()) throw new Error('not a file');
      size = stat.size;
    } catch {
      // A missing installer is an ordinary 404; electron-updater reports it to the learner's log.
      return c.json({ error: { code: 'not_found', message: `No update file named ${name}.` } }, 404);
    }
    const headers: Record<string, string> = {
      'Accept-Ranges': 'bytes',
      // Channel files change with each release; installers never change under one name.
      'Cache-Control': name.endsWith('.yml') ? 'no-cache' : 'public, max-age=31536000, immutable',
      'Content-Type': name.endsWith('.yml') ? 'text/yaml; charset=utf-8' : 'application/octet-stream',
    };
    const range = parseRange(c.req.header('range'), size);
    if (range === 'unsatisfiable') return c.body(null, 416, { ...headers, 'Content-Range': `bytes */${size}` });
    const { start, end } = range ?? { start: 0, end: size - 1 };
    const stream = Readable.toWeb(fs.createReadStream(file, size === 0 ? {} : { start, end })) as ReadableStream<Uint8Array>;
    const sent = { ...headers, 'Content-Length': String(size === 0 ? 0 : end - start + 1) };
    if (range) return c.body(stream, 206, { ...sent, 'Content-Range': `bytes ${start}-${end}/${size}` });
    return c.body(stream, 200, sent);
  });
  return app;
}
