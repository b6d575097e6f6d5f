/* eslint-disable @typescript-eslint/no-explicit-any -- tests read JSON response bodies field by field. */
// An API on PGlite or on a PostgreSQL database of its own (created next to
// DRONA_TEST_DATABASE_URL's and dropped after), so test files can run in parallel with
// api.test.ts, which resets the shared database's schema.
import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { createApi, type ApiConfig } from '../app';
import { forwardTo } from '../../common/testing/forward-to';
import { openDatabase, type Database } from '../db/database';
import { loadKeys } from '../keys';

export const testDatabaseUrl = process.env.DRONA_TEST_DATABASE_URL;
export type Engine = 'pglite' | 'postgresql';
/** scrypt at a test's cost: the stored format and the checks are the real ones, the work is not. */
export const cheapPasswords = { n: 2 ** 10, r: 8, p: 1 };

export interface TestApi {
  readonly db: Database;
  readonly api: ReturnType<typeof createApi>;
  request(
    method: string,
    path: string,
    init?: { token?: string; body?: unknown; headers?: Record<string, string>; peer?: string },
  ): Promise<{ status: number; json: any }>;
  close(): Promise<void>;
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A PostgreSQL database of the test's own next to DRONA_TEST_DATABASE_URL's, dropped by `drop`. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `drona_test_${crypto.randomBytes(6).toString('hex')}`;
  await admin(testDatabaseUrl!, `create database ${name}`);
  const url = new URL(testDatabaseUrl!);
  url.pathname = `/${name}`;
  const drop = async () => {
    try {
      await admin(testDatabaseUrl!, `drop database if exists ${name} with (force)`);
    } catch (error) {
      // FORCE may not terminate an autovacuum worker that is on the database (it has no role this
      // one may signal: "must be a member of the role whose process is being terminated"); a
      // plain drop makes autovacuum leave and waits up to 5 s for the rest to go.
      if ((error as { code?: string }).code !== '42501') throw error;
      await admin(testDatabaseUrl!, `drop database if exists ${name}`);
    }
  };
  return { url: url.toString(), drop };
}

export async function openTestApi(engine: Engine, config: Partial<Omit<ApiConfig, 'db' | 'keys'>> = {}): Promise<TestApi> {
  const own = engine === 'postgresql' ? await createTestDatabase() : null;
  const databaseUrl = own?.url;
  const db = await openDatabase({ databaseUrl, dataDir: null, poolSize: 2 });
  const keys = await loadKeys(db);
  const api = createApi({
    issuer: { baseUrl: 'http://issuer.test', name: 'Test Bootcamp' },
    rateLimit: { burst: 10_000, perSecond: 1000 },
    ...config,
    db,
    keys,
  });
  return {
    db,
    api,
    async request(method, path, init = {}) {
      const res = await api.request(
        path,
        {
          method,
          headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...init.headers },
          ...(init.body === undefined ? {} : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
          // The socket's address, as @hono/node-server passes it (rate limits key on it).
        },
        init.peer ? { incoming: { socket: { remoteAddress: init.peer } } } : undefined,
      );
      const text = await res.text();
      let json: any;
      try {
        json = JSON.parse(text);
      } catch {
        json = text;
      }
      return { status: res.status, json };
    },
    async close() {
      await db.close();
      await own?.drop();
    },
  };
}

/**
 * Opens a TestApi before the suite's tests and closes it after them. The handle it returns
 * forwards to the open API, so a suite declares it once instead of repeating the hooks.
 */
export function useTestApi(engine: Engine, config: Partial<Omit<ApiConfig, 'db' | 'keys'>> = {}, timeoutMs?: number): TestApi {
  let opened: TestApi | undefined;
  beforeAll(async () => {
    opened = await openTestApi(engine, config);
  }, timeoutMs);
  afterAll(async () => opened?.close());
  return forwardTo(() => opened, 'useTestApi: the test API is used before its beforeAll opened it');
}
