// For tests of sync and the features built on it (leaderboards, certificates): an app store and a
// SyncService against the real hosted API on loopback (PGlite in a folder, so its data outlives a
// restart), a clock the test moves, and timers recorded rather than run so each test drives the loop.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer, type ServerOptions } from '../../../server/start';
import { encryptedFileSecretStore, type SecretStore } from '../../secrets/secret-store';
import { openStore, type Store } from '../../store/open-store';
import { activityEvents, syncOutbox } from '../../store/schema';
import { SyncService, type Timers } from '../sync-service';

export const ADMIN_TOKEN = 'admin-token-for-the-sync-tests';
export const lessons = [
  { id: 'one', title: 'One', type: 'concept' },
  { id: 'two', title: 'Two', type: 'quiz' },
];
/** The course the server registers at start; the app knows it as installed and started. */
export const registeredCourse = { id: 'course', version: '1.0.0', title: 'Course', modules: [{ id: 'm', title: 'M', lessons }] };
export const installedCourses = {
  listCourses: () => [{ id: 'course', title: 'Course', completedCount: 2 }],
  getCourse: () => ({ title: 'Course', modules: [{ lessons }] }),
};

export interface HarnessOptions {
  /** The courses the server registers at start (default: registeredCourse). */
  readonly courses?: ServerOptions['courses'];
  /** Whether the server reads the test's clock rather than the real one. */
  readonly serverClock?: boolean;
}

export class HostedApiHarness {
  clock = Date.now();
  readonly scheduled: { fn: () => void; ms: number }[] = [];
  readonly store: Store;
  readonly secrets: SecretStore;
  readonly sync: SyncService;
  server: RunningServer | null = null;
  private port = 0;

  private constructor(
    readonly dir: string,
    private readonly options: HarnessOptions,
  ) {
    this.store = openStore(path.join(dir, 'drona.db'));
    this.secrets = encryptedFileSecretStore(dir);
    const timers: Timers = { setTimeout: (fn, ms) => (this.scheduled.push({ fn, ms }), this.scheduled.length), clearTimeout: () => {} };
    this.sync = new SyncService(this.store, { now: () => this.clock, random: () => 0, timers, timezone: () => 'UTC', secrets: this.secrets });
  }

  /** A harness whose sync points at a free port with no server on it yet (the server is "down"). */
  static async create(prefix: string, options: HarnessOptions = {}): Promise<HostedApiHarness> {
    const harness = new HostedApiHarness(fs.mkdtempSync(path.join(os.tmpdir(), prefix)), options);
    const { url } = await harness.start();
    await harness.stop();
    harness.sync.configure(url);
    return harness;
  }

  /** Starts the server, on the same port and data as before. */
  async start(): Promise<RunningServer> {
    const dataDir = path.join(this.dir, 'server-db');
    const server = await startServer({
      port: this.port,
      dataDir,
      plausibility: undefined,
      adminToken: ADMIN_TOKEN,
      courses: this.options.courses ?? [registeredCourse],
      ...(this.options.serverClock ? { now: () => this.clock } : {}),
    });
    this.port = Number(new URL(server.url).port);
    this.server = server;
    return server;
  }

  async stop(): Promise<void> {
    await this.server?.close();
    this.server = null;
  }

  /** As the progress service records an event: the activity log and the outbox row (the Check timed the lesson). */
  addEvent(key: string, kind: string, lessonId: string, occurredAt: number, extra: Record<string, unknown> = {}): void {
    const event = { idempotencyKey: key, kind, courseId: 'course', lessonId, occurredAt, timezone: 'UTC', elapsedSeconds: 60, ...extra };
    this.store.db
      .insert(activityEvents)
      .values({ idempotencyKey: key, kind, courseId: event.courseId, lessonId, occurredAt, timezone: 'UTC', localDate: '2026-01-01', detail: event })
      .run();
    this.store.db.insert(syncOutbox).values({ idempotencyKey: key, kind, payload: { event }, createdAt: occurredAt }).run();
  }

  async close(): Promise<void> {
    await this.sync.stop();
    await this.stop();
    this.store.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
