// One database handle for both engines: PGlite in a data folder (nothing to install) or a
// real PostgreSQL through DATABASE_URL (how the API scales: many instances, one database).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type SQL } from 'drizzle-orm';

export interface Executor {
  execute(query: SQL): Promise<{ rows: unknown[] }>;
}

export interface Database {
  readonly engine: 'pglite' | 'postgresql';
  /**
   * Run one statement; rows typed by the caller. A `name` prepares it once per connection on
   * PostgreSQL and keeps one generic plan (parsed and planned once, not per request): for hot
   * statements whose text never varies and whose best plan does not depend on the parameters.
   */
  query<T = Record<string, unknown>>(query: SQL, name?: string): Promise<T[]>;
  /** Run `fn` in one transaction; `q` runs statements inside it. */
  transaction<R>(fn: (q: <T = Record<string, unknown>>(query: SQL) => Promise<T[]>) => Promise<R>): Promise<R>;
  /**
   * Listens on a NOTIFY channel: `onNotify` gets each payload, in commit order; `onDrop` is called
   * once if the listening connection is lost (nothing is delivered after it). Resolves once
   * listening; the function returned stops.
   */
  listen(channel: string, onNotify: (payload: string) => void, onDrop: (error: unknown) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… for a real PostgreSQL; otherwise PGlite in `dataDir` (or in memory when null). */
  readonly databaseUrl?: string | undefined;
  readonly dataDir?: string | null;
  readonly poolSize?: number;
}

export function migrationsFolder(): string {
  // Source (server/db) and bundle (dist/main) both find the committed folder from the package root.
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'server', 'migrations');
    if (fs.existsSync(path.join(candidate, 'meta', '_journal.json'))) return candidate;
    if (path.basename(dir) === 'server' && fs.existsSync(path.join(dir, 'migrations', 'meta'))) return path.join(dir, 'migrations');
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Cannot find server/migrations');
    dir = parent;
  }
}

type Drizzle = Executor & { transaction<R>(fn: (tx: Executor) => Promise<R>): Promise<R> };

/** Runs a named statement itself (drizzle's execute has no name): its text and parameters from drizzle's dialect. */
type Prepared = <T>(query: SQL, name: string) => Promise<T[]>;

type Listen = Database['listen'];

function wrap(engine: Database['engine'], db: Drizzle, close: () => Promise<void>, listen: Listen, prepared?: Prepared): Database {
  const run =
    (ex: Executor) =>
    async <T>(query: SQL) =>
      (await ex.execute(query)).rows as T[];
  const once = run(db);
  return {
    engine,
    query: async <T>(query: SQL, name?: string) => (name && prepared ? prepared<T>(query, name) : once<T>(query)),
    transaction: (fn) => db.transaction((tx) => fn(run(tx))),
    listen,
    close,
  };
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const folder = migrationsFolder();
  if (options.databaseUrl) {
    const { default: pg } = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    const db = drizzle(pool);
    // Several instances may start at once: one migrates, the others wait on the lock.
    const client = await pool.connect();
    try {
      await client.query('select pg_advisory_lock(727001)');
      await migrate(drizzle(client), { migrationsFolder: folder });
    } finally {
      // Fails only on a broken connection, and PostgreSQL drops a session's locks with it.
      await client.query('select pg_advisory_unlock(727001)').catch(() => {});
      client.release();
    }
    // Named statements get connections of their own that always keep the generic plan: left to
    // choose, PostgreSQL re-planned rank-around-me on every call (its custom plans looked cheaper),
    // and planning cost as much as running it. Other statements keep per-call plans.
    const preparedPool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10, options: '-c plan_cache_mode=force_generic_plan' });
    const { PgDialect } = await import('drizzle-orm/pg-core');
    const dialect = new PgDialect();
    const prepared: Prepared = async <T>(query: SQL, name: string) => {
      const { sql: text, params } = dialect.sqlToQuery(query);
      return (await preparedPool.query({ name, text, values: params })).rows as T[];
    };
    // A connection of its own per listener, outside the pools: LISTEN holds it for good.
    const listen: Listen = async (channel, onNotify, onDrop) => {
      const client = new pg.Client({ connectionString: options.databaseUrl });
      let open = true;
      const drop = (error: unknown) => {
        if (!open) return;
        open = false;
        onDrop(error);
        void client.end().catch(() => {});
      };
      client.on('notification', (message) => {
        if (open && message.channel === channel) onNotify(message.payload ?? '');
      });
      client.on('error', drop);
      client.on('end', () => drop(new Error('the listening connection ended')));
      try {
        await client.connect();
        await client.query(`listen ${client.escapeIdentifier(channel)}`);
      } catch (error) {
        open = false;
        await client.end().catch(() => {});
        throw error;
      }
      return async () => {
        open = false;
        await client.end().catch(() => {});
      };
    };
    return wrap('postgresql', db as unknown as Drizzle, async () => void (await Promise.all([pool.end(), preparedPool.end()])), listen, prepared);
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true });
  const client = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  const db = drizzle(client);
  await migrate(db, { migrationsFolder: folder });
  // One embedded session: notifications of its own commits come back to it.
  const listen: Listen = async (channel, onNotify) => {
    const unlisten = await client.listen(channel, onNotify);
    return unlisten;
  };
  return wrap('pglite', db as unknown as Drizzle, () => client.close(), listen);
}

export { sql };
