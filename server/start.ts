// Starts the hosted API: opens the database (PGlite in a data folder, or DATABASE_URL),
// migrates, loads the keys, listens, and shuts down gracefully on close().
import { serve, type ServerType } from '@hono/node-server';
import { createApi, type ApiConfig } from './app';
import type { CourseRegistration } from '../common/sync-api/schemas';
import { registerCourse } from './course-registry';
import { openDatabase, type Database } from './db/database';
import { loadKeys } from './keys';
import { RankFeed } from './rank-feed';
import { scanFeed } from './update-feed/routes';

/** The API's own settings (see ApiConfig) pass through unchanged; the rest is about starting it. */
export interface ServerOptions extends Pick<
  ApiConfig,
  | 'adminToken'
  | 'rateLimit'
  | 'trustedProxies'
  | 'plausibility'
  | 'now'
  | 'log'
  | 'updateFeedDir'
  | 'passwordCost'
  | 'guardLimit'
  | 'metricsPublic'
  | 'ingestion'
> {
  readonly host?: string;
  readonly port?: number;
  readonly databaseUrl?: string | undefined;
  /** PGlite's data folder (ignored with databaseUrl); null = in memory. */
  readonly dataDir?: string | null;
  /** The public address that verification links use; default http://host:port. */
  readonly publicUrl?: string | undefined;
  readonly issuerName?: string;
  readonly poolSize?: number;
  /** Courses to register (or update) before listening, e.g. the app's built-ins for a dev server. */
  readonly courses?: readonly CourseRegistration[];
  /** Who registers `courses`, for the record. */
  readonly coursesRegisteredBy?: string;
  /** Answer rank-around-me from an in-memory index kept current by notifications (on by default). */
  readonly rankIndex?: boolean;
}

export interface RunningServer {
  readonly url: string;
  readonly db: Database;
  /** The instance's rank index, unless started without one. */
  readonly rankFeed?: RankFeed | undefined;
  close(): Promise<void>;
}

/** One JSON object per line on stderr: what log shippers expect. */
export const jsonLog = (entry: Record<string, unknown>) => process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const db = await openDatabase({
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir ?? null,
    ...(options.poolSize ? { poolSize: options.poolSize } : {}),
  });
  const keys = await loadKeys(db);
  for (const course of options.courses ?? []) {
    const { outcome } = await registerCourse(db, course, options.coursesRegisteredBy ?? 'server start', (options.now ?? Date.now)());
    if (outcome !== 'unchanged') options.log?.({ level: 'info', msg: `course ${outcome}`, courseId: course.id, version: course.version });
  }
  if (options.updateFeedDir) {
    // Problems are reported, not fatal: the API itself still serves; learners keep the version they have.
    const feed = scanFeed(options.updateFeedDir);
    for (const channel of feed.channels) options.log?.({ level: 'info', msg: 'update feed', file: channel.file, version: channel.version });
    for (const problem of feed.problems) options.log?.({ level: 'warn', msg: 'update feed problem', problem });
  }
  const host = options.host ?? '127.0.0.1';
  let publicUrl = options.publicUrl?.replace(/\/+$/, '') ?? '';
  const issuer = {
    get baseUrl() {
      return publicUrl;
    },
    name: options.issuerName ?? 'Dronacharya',
  };
  // Rank-around-me from memory once loaded (the database answers meanwhile); off with rankIndex: false.
  const rankFeed = options.rankIndex === false ? undefined : new RankFeed(db, options.log, 1000, options.now);
  void rankFeed?.start();
  const app = createApi({
    db,
    ...(rankFeed ? { rankFeed } : {}),
    keys,
    issuer,
    adminToken: options.adminToken,
    rateLimit: options.rateLimit,
    trustedProxies: options.trustedProxies,
    plausibility: options.plausibility,
    now: options.now,
    log: options.log,
    updateFeedDir: options.updateFeedDir,
    ...(options.passwordCost ? { passwordCost: options.passwordCost } : {}),
    ...(options.guardLimit ? { guardLimit: options.guardLimit } : {}),
    metricsPublic: options.metricsPublic ?? false,
    ...(options.ingestion ? { ingestion: options.ingestion } : {}),
  });
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: host, port: options.port ?? 0 }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (!publicUrl) publicUrl = url;
  options.log?.({ level: 'info', msg: 'listening', url, database: db.engine });
  let closing: Promise<void> | null = null;
  return {
    url,
    db,
    rankFeed,
    close: () =>
      (closing ??= (async () => {
        // Stop accepting, let in-flight requests finish, then close the database.
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
        });
        await rankFeed?.close();
        await db.close();
        options.log?.({ level: 'info', msg: 'stopped' });
      })()),
  };
}
