// The app's sync against the real hosted API on loopback (PGlite in memory): offline backoff,
// exactly-once delivery across a crash, certificates issued and verified with the server gone.
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type RunningServer } from '../../server/start';
import { sql } from '../../server/db/database';
import { openStore, type Store } from '../store/open-store';
import { activityEvents, lessonProgress, settings, syncOutbox } from '../store/schema';
import { encryptedFileSecretStore, type SecretStore } from '../secrets/secret-store';
import type { Fetch } from './api-client';
import { backoffDelay } from './backoff';
import { REVOCATION_CHECK_MS, SyncService, type Timers } from './sync-service';
import { readAccount, SYNC_TOKENS_SECRET, writeRow } from './sync-state';

const ADMIN_TOKEN = 'admin-token-for-the-sync-tests';

describe('the sync account', () => {
  it('moves tokens an older version kept in the settings table into the secret store', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-sync-account-'));
    const store = openStore(path.join(dir, 'drona.db'));
    try {
      const secrets = encryptedFileSecretStore(dir);
      const tokens = { learnerId: 'l1', accessToken: 'access-token-1', refreshToken: 'refresh-token-1', accessExpiresAt: 1 };
      writeRow(store, 'sync.account', { serverUrl: 'http://127.0.0.1:1', learnerId: 'l1', tokens }, 0);
      expect(readAccount(store, '', secrets, 5).tokens).toEqual(tokens);
      expect(store.db.select().from(settings).where(eq(settings.key, 'sync.account')).get()!.value).toEqual({ serverUrl: 'http://127.0.0.1:1', learnerId: 'l1' });
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
  let dir: string;
  let store: Store;
  let server: RunningServer | null = null;
  let clock = Date.now();
  const scheduled: { fn: () => void; ms: number }[] = [];
  // Timers are recorded, not run: each test drives the loop itself.
  const timers: Timers = { setTimeout: (fn, ms) => (scheduled.push({ fn, ms }), scheduled.length), clearTimeout: () => {} };
  const lessons = [
    { id: 'one', title: 'One', type: 'concept' },
    { id: 'two', title: 'Two', type: 'quiz' },
  ];
  const registered = { id: 'course', version: '1.0.0', title: 'Course', modules: [{ id: 'm', title: 'M', lessons }] };
  let sync: SyncService;
  let secrets: SecretStore;
  let port = 0;

  const start = async () => {
    server = await startServer({ port, dataDir: path.join(dir, 'server-db'), plausibility: undefined, adminToken: ADMIN_TOKEN, courses: [registered] });
    port = Number(new URL(server.url).port);
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-sync-'));
    store = openStore(path.join(dir, 'drona.db'));
    secrets = encryptedFileSecretStore(dir);
    // Find a free port, then leave it closed: the server is "down" for the first test.
    await start();
    const url = server!.url;
    await server!.close();
    server = null;
    sync = new SyncService(store, {
      now: () => clock,
      random: () => 0,
      timers,
      timezone: () => 'UTC',
      secrets,
      courses: () => ({
        listCourses: () => [{ id: 'course', title: 'Course', completedCount: 2 }],
        getCourse: () => ({ title: 'Course', modules: [{ lessons }] }),
      }),
      progress: () => undefined,
    });
    sync.configure(url);
  });
  afterAll(async () => {
    await sync.stop();
    await server?.close();
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // As the progress service records them: the activity log and the outbox row (the Check timed the lesson).
  const addEvent = (key: string, kind: string, lessonId: string, occurredAt: number, extra: Record<string, unknown> = {}) => {
    const event = { idempotencyKey: key, kind, courseId: 'course', lessonId, occurredAt, timezone: 'UTC', elapsedSeconds: 60, ...extra };
    store.db.insert(activityEvents).values({ idempotencyKey: key, kind, courseId: 'course', lessonId, occurredAt, timezone: 'UTC', localDate: '2026-01-01', detail: event }).run();
    store.db.insert(syncOutbox).values({ idempotencyKey: key, kind, payload: { event }, createdAt: occurredAt }).run();
  };

  it('keeps events while the server is down and backs off', async () => {
    const base = clock - 3600_000;
    addEvent('lesson-completed:course:one', 'lesson-completed', 'one', base);
    addEvent('lesson-completed:course:two', 'lesson-completed', 'two', base + 120_000);
    addEvent('quiz-passed:course:two', 'quiz-passed', 'two', base + 230_000, { score: 70 });
    await expect(sync.signIn({ displayName: 'Offline Olu', optedIn: true })).rejects.toMatchObject({ code: 'offline' });
    await start();
    await sync.signIn({ displayName: 'Olu', optedIn: true });
    await server!.close();
    server = null;
    const status = await sync.syncNow();
    expect(status.state).toBe('offline');
    expect(status.pending).toBe(3);
    const head = store.db.select().from(syncOutbox).all()[0]!;
    expect(head.attempts).toBe(1);
    expect(head.nextAttemptAt).toBe(clock + 1_000);
    expect(scheduled.at(-1)!.ms).toBe(1_000);
  });

  it('keeps the tokens in the secret store, never in the database', async () => {
    const tokens = JSON.parse(secrets.get(SYNC_TOKENS_SECRET)!) as { accessToken: string; refreshToken: string };
    expect(tokens.refreshToken.length).toBeGreaterThan(20);
    expect(sync.status().signedIn).toBe(true);
    const account = store.db.select().from(settings).where(eq(settings.key, 'sync.account')).get()!.value as Record<string, unknown>;
    expect(account).not.toHaveProperty('tokens');
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const onDisk = fs.readFileSync(path.join(dir, 'drona.db')).toString('latin1');
    expect(onDisk).not.toContain(tokens.refreshToken);
    expect(onDisk).not.toContain(tokens.accessToken);
  });

  it('drains in order exactly once, even when a crash loses the acknowledgement', async () => {
    await start();
    clock += 2_000;
    const status = await sync.syncNow();
    expect(status).toMatchObject({ state: 'idle', pending: 0, lastError: null });
    const count = async () => (await server!.db.query<{ n: number }>(sql`select count(*)::int as n from events`))[0]!.n;
    expect(await count()).toBe(3);
    // The app crashed after the server stored the events but before they were marked sent.
    store.db.update(syncOutbox).set({ sentAt: null }).run();
    expect((await sync.syncNow()).pending).toBe(0);
    expect(await count()).toBe(3);
  });

  it('requests a certificate the server checks, and verifies it offline', async () => {
    for (const l of lessons) store.db.insert(lessonProgress).values({ courseId: 'course', lessonId: l.id, status: 'completed', completedAt: clock }).run();
    const overview = sync.certificatesOverview();
    expect(overview.courses[0]!.tiers.map((t) => t.eligible)).toEqual([true, false, false]);
    const cert = await sync.requestCertificate('course', 'bronze');
    expect(cert.verifyUrl).toBe(`${server!.url}/verify/${cert.id}`);
    expect(cert.linkedInUrl).toContain('startTask=CERTIFICATION_NAME');
    const page = await fetch(cert.verifyUrl);
    expect(await page.text()).toContain('Olu');
    await server!.close();
    server = null;
    expect(await sync.verifyCertificate(cert.id)).toMatchObject({ valid: true, revoked: false });
    const pdf = await sync.exportPdf(cert.id);
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    store.sqlite.prepare("update certificates set jwt = replace(jwt, substr(jwt, instr(jwt, '.') + 5, 4), 'AAAA')").run();
    expect((await sync.verifyCertificate(cert.id)).valid).toBe(false);
  });

  it('says plainly when the server has not registered a course, and saves nothing', async () => {
    await start();
    for (const l of lessons) store.db.insert(lessonProgress).values({ courseId: 'unregistered', lessonId: l.id, status: 'completed', completedAt: clock }).run();
    const before = sync.certificatesOverview().issued.length;
    await expect(sync.requestCertificate('unregistered', 'bronze')).rejects.toMatchObject({
      code: 'course_not_registered',
      message: expect.stringContaining('does not certify "Course": its administrator has not registered this course'),
    });
    expect(sync.certificatesOverview().issued).toHaveLength(before);
    await server!.close();
    server = null;
  });

  it('learns of a revocation at the next sync, and says so when verifying', async () => {
    await start();
    const [cert] = sync.certificatesOverview().issued;
    const revoke = await fetch(`${server!.url}/v1/admin/certificates/${cert!.id}/revoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'test' }),
    });
    expect(revoke.status).toBe(200);
    clock += REVOCATION_CHECK_MS;
    await sync.syncNow();
    expect(sync.certificatesOverview().issued[0]!.revokedAt).toEqual(expect.any(Number));
    // (The previous test altered the saved copy, so only the revocation is checked here.)
    expect(await sync.verifyCertificate(cert!.id)).toMatchObject({ revoked: true });
    await server!.close();
    server = null;
  });

  it('shows the cached leaderboard with its age when the server is gone', async () => {
    await start();
    const fresh = await sync.leaderboard('all', undefined);
    expect(fresh.fromCache).toBe(false);
    expect(fresh.around!.me).toMatchObject({ rank: 1, displayName: 'Olu' });
    await server!.close();
    server = null;
    clock += 600_000;
    const cached = await sync.leaderboard('all', undefined);
    expect(cached).toMatchObject({ fromCache: true, fetchedAt: fresh.fetchedAt });
    expect(cached.error).toMatch(/cannot be reached/);
  });
});

describe('token refresh under concurrency (the app\'s client against the hosted API)', () => {
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
      courses: () => undefined,
      progress: () => undefined,
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
    const boards = await Promise.all(Array.from({ length: 10 }, () => sync.leaderboard('all', undefined)));
    expect(boards.map((b) => b.error)).toEqual(Array(10).fill(null));
    expect(boards.every((b) => !b.fromCache)).toBe(true);
    expect(refreshes).toHaveLength(1);
    expect(learnerId()).toBe(before);
    expect(sync.status().signedIn).toBe(true);
  });

  it('when the session truly ends, the learner id is kept and signing in never makes a new learner', async () => {
    const before = learnerId();
    const count = await learners();
    // Someone else used this device's refresh token: the server revokes the whole family.
    const tokens = JSON.parse(encryptedFileSecretStore(dir).get(SYNC_TOKENS_SECRET)!) as { refreshToken: string };
    for (let i = 0; i < 2; i++) await fetch(`${server.url}/v1/auth/refresh`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(tokens) });
    serverClock += 16 * 60_000;
    const board = await sync.leaderboard('all', undefined);
    expect(board.error).toMatch(/signed this device out/);
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
    secrets.set(SYNC_TOKENS_SECRET, JSON.stringify({ learnerId: 'l1', accessToken: 'access-token-1', refreshToken: 'refresh-token-1', accessExpiresAt: clock + 3600_000 }));
    const event = { idempotencyKey: 'lesson-completed:course:one', kind: 'lesson-completed', courseId: 'course', lessonId: 'one', occurredAt: clock, timezone: 'UTC' };
    store.db.insert(syncOutbox).values({ idempotencyKey: event.idempotencyKey, kind: event.kind, payload: { event }, createdAt: clock }).run();
    let server: 'down' | 'refusing' = 'refusing';
    // A refusal whose text reads like a lost connection: only the failure's kind may decide.
    const fetchStub: Fetch = async () => {
      if (server === 'down') throw new TypeError('fetch failed');
      return new Response(JSON.stringify({ error: { code: 'unavailable', message: 'The database cannot be reached.' } }), { status: 503, headers: { 'content-type': 'application/json' } });
    };
    const scheduled: (() => void)[] = [];
    const states: string[] = [];
    const sync = new SyncService(store, {
      now: () => clock,
      random: () => 0,
      timers: { setTimeout: (fn) => scheduled.push(fn), clearTimeout: () => {} },
      timezone: () => 'UTC',
      secrets,
      courses: () => undefined,
      progress: () => undefined,
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
