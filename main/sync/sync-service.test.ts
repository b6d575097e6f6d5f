// The app's sync against the real hosted API on loopback (PGlite): offline backoff, exactly-once
// delivery across a crash, tokens kept out of the database and refreshed once for many calls.
// Leaderboards and certificates, built on this account, are tested in their own folders.
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type RunningServer } from '../../server/start';
import { aroundResponse } from '../../common/sync-api/schemas';
import { sql } from '../../server/db/database';
import { openStore, type Store } from '../store/open-store';
import { settings, syncOutbox } from '../store/schema';
import { encryptedFileSecretStore } from '../secrets/secret-store';
import type { Fetch } from './api-client';
import { backoffDelay } from './backoff';
import { SyncService } from './sync-service';
import { readAccount, SYNC_TOKENS_SECRET, writeRow } from './sync-state';
import { HostedApiHarness } from './testing/hosted-api-harness';

describe('the sync account', () => {
  it('moves tokens an older version kept in the settings table into the secret store', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-sync-account-'));
    const store = openStore(path.join(dir, 'drona.db'));
    try {
      const secrets = encryptedFileSecretStore(dir);
      const tokens = { learnerId: 'l1', accessToken: 'access-token-1', refreshToken: 'refresh-token-1', accessExpiresAt: 1 };
      writeRow(store, 'sync.account', { serverUrl: 'http://127.0.0.1:1', learnerId: 'l1', tokens }, 0);
      expect(readAccount(store, '', secrets, 5).tokens).toEqual(tokens);
      expect(store.db.select().from(settings).where(eq(settings.key, 'sync.account')).get()!.value).toEqual({
        serverUrl: 'http://127.0.0.1:1',
        learnerId: 'l1',
      });
      expect(JSON.parse(secrets.get(SYNC_TOKENS_SECRET)!)).toEqual(tokens);
      expect(readAccount(store, '', secrets, 6)).toMatchObject({ serverUrl: 'http://127.0.0.1:1', tokens });
    } finally {
      store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('backoff', () => {
  it('grows exponentially up to the cap, with jitter inside [half, full]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, r) => {
        const delay = backoffDelay(attempt, () => r);
        const ceiling = Math.min(15 * 60_000, 2_000 * 2 ** attempt);
        expect(delay).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
        expect(delay).toBeLessThanOrEqual(ceiling);
      }),
    );
    expect(backoffDelay(0, () => 0)).toBe(1_000);
    expect(backoffDelay(3, () => 1)).toBe(16_000);
  });
});

describe('sync service against the hosted API', () => {
  let h: HostedApiHarness;
  beforeAll(async () => {
    h = await HostedApiHarness.create('drona-sync-');
  });
  afterAll(() => h.close());

  it('keeps events while the server is down and backs off', async () => {
    const base = h.clock - 3600_000;
    h.addEvent('lesson-completed:course:one', 'lesson-completed', 'one', base);
    h.addEvent('lesson-completed:course:two', 'lesson-completed', 'two', base + 120_000);
    h.addEvent('quiz-passed:course:two', 'quiz-passed', 'two', base + 230_000, { score: 70 });
    await expect(h.sync.signIn({ displayName: 'Offline Olu', optedIn: true })).rejects.toMatchObject({ code: 'offline' });
    await h.start();
    await h.sync.signIn({ displayName: 'Olu', optedIn: true });
    await h.stop();
    const status = await h.sync.syncNow();
    expect(status.state).toBe('offline');
    expect(status.pending).toBe(3);
    const head = h.store.db.select().from(syncOutbox).all()[0]!;
    expect(head.attempts).toBe(1);
    expect(head.nextAttemptAt).toBe(h.clock + 1_000);
    expect(h.scheduled.at(-1)!.ms).toBe(1_000);
  });

  it('keeps the tokens in the secret store, never in the database', async () => {
    const tokens = JSON.parse(h.secrets.get(SYNC_TOKENS_SECRET)!) as { accessToken: string; refreshToken: string };
    expect(tokens.refreshToken.length).toBeGreaterThan(20);
    expect(h.sync.status().signedIn).toBe(true);
    const account = h.store.db.select().from(settings).where(eq(settings.key, 'sync.account')).get()!.value as Record<string, unknown>;
    expect(account).not.toHaveProperty('tokens');
    h.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const onDisk = fs.readFileSync(path.join(h.dir, 'drona.db')).toString('latin1');
    expect(onDisk).not.toContain(tokens.refreshToken);
    expect(onDisk).not.toContain(tokens.accessToken);
  });

  it('drains in order exactly once, even when a crash loses the acknowledgement', async () => {
    const server = await h.start();
    h.clock += 2_000;
    const status = await h.sync.syncNow();
    expect(status).toMatchObject({ state: 'idle', pending: 0, lastError: null });
    const count = async () => (await server.db.query<{ n: number }>(sql`select count(*)::int as n from events`))[0]!.n;
    expect(await count()).toBe(3);
    // The app crashed after the server stored the events but before they were marked sent.
    h.store.db.update(syncOutbox).set({ sentAt: null }).run();
    expect((await h.sync.syncNow()).pending).toBe(0);
    expect(await count()).toBe(3);
  });

  it('runs what waits on a drain once everything is sent, and only then', async () => {
    const drains: number[] = [];
    h.sync.onDrained(async () => void drains.push(h.clock));
    await h.stop();
    h.addEvent('lesson-completed:course:three', 'lesson-completed', 'three', h.clock);
    expect((await h.sync.syncNow()).state).toBe('offline');
    expect(drains).toEqual([]);
    await h.start();
    expect((await h.sync.syncNow()).pending).toBe(0);
    expect(drains).toEqual([h.clock]);
  });
});

describe("token refresh under concurrency (the app's client against the hosted API)", () => {
  let dir: string;
  let store: Store;
  let server: RunningServer;
  let serverClock = Date.now();
  const refreshes: number[] = [];
  let sync: SyncService;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-sync-refresh-'));
    store = openStore(path.join(dir, 'drona.db'));
    server = await startServer({ port: 0, dataDir: null, now: () => serverClock, rateLimit: { burst: 1000, perSecond: 100 } });
    const counting: typeof fetch = (input, init) => {
      if (String(input).endsWith('/v1/auth/refresh')) refreshes.push(Date.now());
      return fetch(input, init);
    };
    sync = new SyncService(store, {
      fetch: counting,
      timers: { setTimeout: () => 0, clearTimeout: () => {} },
      timezone: () => 'UTC',
      secrets: encryptedFileSecretStore(dir),
    });
    sync.configure(server.url);
    await sync.signIn({ displayName: 'Ten At Once', optedIn: true });
  }, 120_000);
  afterAll(async () => {
    await sync.stop();
    await server.close();
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const learnerId = () => (store.db.select().from(settings).where(eq(settings.key, 'sync.account')).get()!.value as { learnerId: string }).learnerId;
  const learners = async () => (await server.db.query<{ n: number }>(sql`select count(*)::int as n from learners`))[0]!.n;

  it('ten calls with an expired access token refresh once, all succeed, and the learner stays the same', async () => {
    const before = learnerId();
    serverClock += 16 * 60_000; // every access token has expired
    const boards = await Promise.all(Array.from({ length: 10 }, () => sync.authorized('GET', '/v1/leaderboards/all/around-me', undefined, aroundResponse)));
    // Each resolved with an answer the schema accepts: none was refused.
    expect(boards).toHaveLength(10);
    expect(refreshes).toHaveLength(1);
    expect(learnerId()).toBe(before);
    expect(sync.status().signedIn).toBe(true);
  });

  it('when the session truly ends, the learner id is kept and signing in never makes a new learner', async () => {
    const before = learnerId();
    const count = await learners();
    // Someone else used this device's refresh token: the server revokes the whole family.
    const tokens = JSON.parse(encryptedFileSecretStore(dir).get(SYNC_TOKENS_SECRET)!) as { refreshToken: string };
    for (let i = 0; i < 2; i++)
      await fetch(`${server.url}/v1/auth/refresh`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(tokens) });
    serverClock += 16 * 60_000;
    await expect(sync.authorized('GET', '/v1/leaderboards/all/around-me', undefined, aroundResponse)).rejects.toMatchObject({
      code: 'signed_out',
      message: expect.stringContaining('signed this device out'),
    });
    expect(sync.status().signedIn).toBe(false);
    expect(learnerId()).toBe(before);
    await expect(sync.signIn({ displayName: 'Ten At Once', optedIn: true })).rejects.toMatchObject({ code: 'relink_needed' });
    expect(await learners()).toBe(count);
    expect(learnerId()).toBe(before);
  });
});

describe('offline is a value, not a message', () => {
  it('tells an unreachable server from one that refuses, whatever its message says, and keeps the verdict while backing off', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-sync-offline-'));
    const store = openStore(path.join(dir, 'drona.db'));
    const secrets = encryptedFileSecretStore(dir);
    const clock = 1_800_000_000_000;
    writeRow(store, 'sync.account', { serverUrl: 'http://127.0.0.1:9', learnerId: 'l1' }, clock);
    secrets.set(
      SYNC_TOKENS_SECRET,
      JSON.stringify({ learnerId: 'l1', accessToken: 'access-token-1', refreshToken: 'refresh-token-1', accessExpiresAt: clock + 3600_000 }),
    );
    const event = {
      idempotencyKey: 'lesson-completed:course:one',
      kind: 'lesson-completed',
      courseId: 'course',
      lessonId: 'one',
      occurredAt: clock,
      timezone: 'UTC',
    };
    store.db.insert(syncOutbox).values({ idempotencyKey: event.idempotencyKey, kind: event.kind, payload: { event }, createdAt: clock }).run();
    let server: 'down' | 'refusing' = 'refusing';
    // A refusal whose text reads like a lost connection: only the failure's kind may decide.
    const fetchStub: Fetch = async () => {
      if (server === 'down') throw new TypeError('fetch failed');
      return new Response(JSON.stringify({ error: { code: 'unavailable', message: 'The database cannot be reached.' } }), {
        status: 503,
        headers: { 'content-type': 'application/json' },
      });
    };
    const scheduled: (() => void)[] = [];
    const states: string[] = [];
    const sync = new SyncService(store, {
      now: () => clock,
      random: () => 0,
      timers: { setTimeout: (fn) => scheduled.push(fn), clearTimeout: () => {} },
      timezone: () => 'UTC',
      secrets,
      fetch: fetchStub,
      onChange: (status) => states.push(status.state),
    });
    const retryBeforeDue = async () => {
      const seen = states.length;
      scheduled.at(-1)!();
      await vi.waitFor(() => expect(states.length).toBeGreaterThan(seen));
      return states.at(-1);
    };
    try {
      expect((await sync.syncNow()).state).toBe('error');
      expect(await retryBeforeDue()).toBe('error');
      server = 'down';
      expect((await sync.syncNow()).state).toBe('offline');
      expect(await retryBeforeDue()).toBe('offline');
      expect(sync.status().lastError).toMatch(/cannot be reached \(fetch failed\)/);
    } finally {
      await sync.stop();
      store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
