// Sync with a hosted Dronacharya server: the account (sign-in, opt-in) and the background loop
// that drains the outbox with backoff. Leaderboards and certificates reach the server through
// this account as an AccountSession (main/leaderboard, main/certificates).
import type { z } from 'zod';
import { DronaError, messageOf } from '../../preload/contract/errors';
import type { SyncStatus } from '../../preload/contract/sync';
import type { Tokens } from '../../common/sync-api/schemas';
import type { SecretStore } from '../secrets/secret-store';
import type { Store } from '../store/open-store';
import { asDronaError, type AccountSession, type AccountView } from './account-session';
import { ApiClient, type Fetch } from './api-client';
import { drainOutbox, pendingCount, refusedCount } from './outbox-drain';
import { readAccount, SYNC_TOKENS_SECRET, writeRow, type SyncAccount } from './sync-state';
import { restoreEvents, type RestoreOutcome } from './restore';
import { restoreExamAttempts, restoreProjectSubmissions } from './restore-records';
import { restoredExamAttempts, restoredProjectSubmissions } from '../../common/sync-api/restore-api';
import { eventFeedResponse, linkCodeResponse } from '../../common/sync-api/account-schemas';
import type { LearningEvent } from '../../preload/contract/progress';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SyncOptions {
  readonly now?: () => number;
  readonly random?: () => number;
  readonly fetch?: Fetch;
  readonly timers?: Timers;
  /** How often the loop looks for new outbox rows when all is sent. */
  readonly intervalMs?: number;
  /** The server a bootcamp build presets (empty: sync is off until the learner sets one). */
  readonly presetUrl?: string;
  readonly timezone: () => string;
  /** Where the access and refresh tokens are kept (the OS keychain in Electron). */
  readonly secrets: SecretStore;
  readonly onChange?: (status: SyncStatus) => void;
  /** Records a restored event in this computer's progress (the progress service); none: nothing is restored. */
  readonly record?: (event: LearningEvent) => Promise<{ duplicate: boolean }>;
  readonly warn?: (message: string) => void;
  /** Told after each page a restore replays, and once when it is done. */
  readonly onRestoreProgress?: (progress: RestoreOutcome & { done: boolean }) => void;
}

// Unref'd: a pending retry never keeps a process (the CLI, a test) alive.
const realTimers: Timers = { setTimeout: (fn, ms) => setTimeout(fn, ms).unref(), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };

export class SyncService implements AccountSession {
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly timers: Timers;
  private readonly intervalMs: number;
  private timer: unknown = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private state: SyncStatus['state'] = 'idle';
  /** Run after each drain that sent everything (certificates check for revocations). */
  private readonly drainedListeners: (() => Promise<void>)[] = [];
  /** One client per server, so concurrent calls share its single refresh in flight. */
  private api: { url: string; client: ApiClient } | null = null;

  constructor(
    private readonly store: Store,
    private readonly options: SyncOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.timers = options.timers ?? realTimers;
    this.intervalMs = options.intervalMs ?? 60_000;
  }

  private saved(): SyncAccount {
    return readAccount(this.store, this.options.presetUrl ?? '', this.options.secrets, this.now());
  }

  private save(patch: Partial<SyncAccount>): void {
    const { tokens, ...rest } = { ...this.saved(), ...patch };
    if ('tokens' in patch) {
      if (tokens) this.options.secrets.set(SYNC_TOKENS_SECRET, JSON.stringify(tokens));
      else this.options.secrets.delete(SYNC_TOKENS_SECRET);
    }
    writeRow(this.store, 'sync.account', rest, this.now());
  }

  private client(account = this.saved()): ApiClient {
    if (this.api?.url !== account.serverUrl) {
      const client = new ApiClient(
        account.serverUrl,
        { get: () => this.saved().tokens, set: (tokens: Tokens | null) => this.save({ tokens }) },
        this.options.fetch,
      );
      this.api = { url: account.serverUrl, client };
    }
    return this.api.client;
  }

  status(): SyncStatus {
    const account = this.saved();
    const signedIn = account.tokens !== null;
    const state: SyncStatus['state'] = !account.serverUrl ? 'off' : !signedIn ? 'signed-out' : this.state;
    return {
      serverUrl: account.serverUrl,
      signedIn,
      displayName: account.displayName,
      email: account.email,
      optedIn: account.optedIn,
      pending: pendingCount(this.store),
      refused: refusedCount(this.store),
      lastSyncAt: account.lastSyncAt,
      lastError: account.lastError,
      state,
    };
  }

  private changed(): SyncStatus {
    const status = this.status();
    this.options.onChange?.(status);
    return status;
  }

  /** Starts the background loop without waiting for it: start-up never blocks on the network. */
  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(
      () => {
        this.timer = null;
        void this.tick();
      },
      Math.max(0, ms),
    );
  }

  private async tick(): Promise<void> {
    try {
      const account = this.saved();
      if (!account.serverUrl || !account.tokens) return; // configure/signIn restart the loop
      const next = await this.drainOnce();
      if (next !== null) this.schedule(next);
    } catch (error) {
      // The store closed under a pending tick (shutdown), or a bug: never an unhandled rejection.
      if (!this.stopped) this.options.warn?.(`the sync loop stopped: ${messageOf(error)}`);
    }
  }

  /** One drain; returns when to try again (ms), or null to wait for the learner (signed out). */
  private async drainOnce(): Promise<number | null> {
    if (this.running) {
      await this.running;
      return this.intervalMs;
    }
    let next: number | null = this.intervalMs;
    this.running = (async () => {
      this.state = 'syncing';
      const client = this.client();
      const outcome = await drainOutbox({ store: this.store, send: (events) => client.sendEvents(events), now: this.now, random: this.random });
      if (outcome.kind === 'drained') {
        this.state = 'idle';
        this.save({ lastSyncAt: this.now(), lastError: null });
        for (const listener of this.drainedListeners) {
          // A follow-up's failure is its own: the events were sent.
          await listener().catch((error: unknown) => this.options.warn?.(`after a drain: ${messageOf(error)}`));
        }
      } else if (outcome.kind === 'waiting') {
        // Backing off repeats the verdict of the failed attempt it waits out.
        const offline = outcome.reason === 'backing-off' ? this.saved().lastErrorOffline : outcome.reason === 'offline';
        this.state = offline ? 'offline' : 'error';
        this.save({ lastError: outcome.error, lastErrorOffline: offline });
        next = Math.max(0, outcome.retryAt - this.now());
      } else {
        this.state = 'error';
        this.save({ lastError: outcome.error });
        next = null;
      }
    })().finally(() => {
      this.running = null;
    });
    await this.running;
    this.changed();
    return next;
  }

  async syncNow(): Promise<SyncStatus> {
    const account = this.saved();
    if (!account.serverUrl) throw new DronaError('sync_off', 'No sync server is set. Enter its address in Settings → Sync.');
    if (!account.tokens) throw new DronaError('signed_out', 'Sign in to the sync server first (Settings → Sync).');
    // "Now" means now: a backed-off head row is retried at once.
    this.store.sqlite.prepare('update sync_outbox set next_attempt_at = 0 where sent_at is null').run();
    const next = await this.drainOnce();
    if (next !== null) this.schedule(next);
    return this.status();
  }

  configure(serverUrl: string): SyncStatus {
    const url = serverUrl.replace(/\/+$/, '');
    if (url && !/^https?:\/\/[^\s/]+/.test(url))
      throw new DronaError('invalid_input', `"${serverUrl}" is not a server address; use one like https://sync.example.org.`);
    const account = this.saved();
    // A different server knows nothing of this device: sign out of the old one.
    this.save(url === account.serverUrl ? { serverUrl: url } : { serverUrl: url, tokens: null, learnerId: null, lastError: null });
    return this.changed();
  }

  async signIn(input: { displayName: string; email?: string | undefined; optedIn: boolean }): Promise<SyncStatus> {
    const account = this.saved();
    if (!account.serverUrl) throw new DronaError('sync_off', 'Enter the sync server address first.');
    // Registering makes a new learner: never the way back into an account whose session ended.
    if (account.learnerId) {
      throw new DronaError(
        'relink_needed',
        `This device's session with ${account.serverUrl} ended. Signing in again would create a new learner without your XP, rank and certificates, so this device keeps learner ${account.learnerId}. To start over as a new learner on purpose, clear the server address, enter it again, then sign in.`,
        { learnerId: account.learnerId },
      );
    }
    try {
      const tokens = await this.client(account).register({
        displayName: input.displayName,
        email: input.email,
        timezone: this.options.timezone(),
        optedIn: input.optedIn,
      });
      this.save({ tokens, learnerId: tokens.learnerId, displayName: input.displayName, email: input.email ?? null, optedIn: input.optedIn, lastError: null });
    } catch (error) {
      throw asDronaError(error);
    }
    this.state = 'idle';
    this.schedule(0);
    return this.changed();
  }

  /**
   * Signs this computer in to an existing account (email and password, or a code shown on a
   * signed-in computer), then restores the account's progress here.
   */
  async signInToAccount(
    input: { email: string; password: string } | { code: string },
    deviceName = 'Computer',
  ): Promise<{ status: SyncStatus; restore: RestoreOutcome | null }> {
    const account = this.saved();
    if (!account.serverUrl) throw new DronaError('sync_off', 'Enter the sync server address first.');
    if (account.tokens) throw new DronaError('signed_in', `This computer is signed in to ${account.serverUrl} already; sign out first.`);
    try {
      const tokens = await this.client(account).signInExisting({ ...input, deviceName });
      this.save({ tokens, learnerId: tokens.learnerId, email: 'email' in input ? input.email : account.email, lastError: null });
    } catch (error) {
      throw asDronaError(error);
    }
    const restore = await this.restore();
    this.state = 'idle';
    this.schedule(0);
    return { status: this.changed(), restore };
  }

  /** A code another computer types to join this account (10 minutes, once). */
  async linkCode(): Promise<{ code: string; expiresAt: number }> {
    try {
      return await this.client().authorized('POST', '/v1/auth/link-codes', {}, linkCodeResponse);
    } catch (error) {
      throw asDronaError(error);
    }
  }

  /** Replays the account's events from the server into this computer's progress (each key once). */
  async restore(): Promise<RestoreOutcome | null> {
    const record = this.options.record;
    if (!record) return null;
    try {
      const outcome = await restoreEvents({
        store: this.store,
        page: (after) => this.client().authorized('GET', `/v1/events?after=${after}&limit=500`, undefined, eventFeedResponse),
        record,
        timezone: this.options.timezone(),
        now: this.now,
        onPage: (sofar) => this.options.onRestoreProgress?.({ ...sofar, done: false }),
      });
      const client = this.client();
      restoreExamAttempts(this.store, await client.authorized('GET', '/v1/me/exam-attempts', undefined, restoredExamAttempts));
      restoreProjectSubmissions(this.store, await client.authorized('GET', '/v1/me/project-submissions', undefined, restoredProjectSubmissions), this.now());
      this.options.onRestoreProgress?.({ ...outcome, done: true });
      return outcome;
    } catch (error) {
      throw asDronaError(error);
    }
  }

  signOut(): SyncStatus {
    this.save({ tokens: null, learnerId: null, lastError: null });
    return this.changed();
  }

  async setOptIn(optedIn: boolean): Promise<SyncStatus> {
    try {
      await this.client().setOptIn(optedIn);
    } catch (error) {
      throw asDronaError(error);
    }
    this.save({ optedIn });
    return this.changed();
  }

  /** Runs `listener` after each drain that sent everything, before the drain's status goes out. */
  onDrained(listener: () => Promise<void>): void {
    this.drainedListeners.push(listener);
  }

  account(): AccountView {
    const { serverUrl, learnerId, displayName, tokens } = this.saved();
    return { serverUrl, learnerId, displayName, signedIn: tokens !== null };
  }

  authorized<S extends z.ZodType>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body: unknown, schema: S): Promise<z.output<S>> {
    return this.client().authorized(method, path, body, schema);
  }

  publicGet<S extends z.ZodType>(path: string, schema: S): Promise<z.output<S>> {
    return this.client().publicGet(path, schema);
  }
}
