// Sync with a hosted Dronacharya server: the account (sign-in, opt-in), the background outbox
// loop, the leaderboard cache and the certificate store with offline verification.
import { and, eq, inArray } from 'drizzle-orm';
import type { JWK } from 'jose';
import { DronaError, messageOf } from '../../preload/contract';
import type { CertificatesOverview, IssuedCertificateView, LeaderboardView, SyncStatus } from '../../preload/contract/sync';
import type { Tokens } from '../../common/sync-api/schemas';
import { tierStatuses, type CertificateTier, type OutlineLesson } from '../../common/rules/certificate-criteria';
import { verifyCredentialJwt } from '../../common/sync-api/credential-verify';
import type { SecretStore } from '../secrets/secret-store';
import type { Store } from '../store/open-store';
import { activityEvents, certificates, lessonProgress } from '../store/schema';
import { ApiClient, SyncHttpError, SyncOfflineError, type Fetch } from './api-client';
import { certificatePdf } from './certificate-pdf';
import { drainOutbox, pendingCount } from './outbox-drain';
import { readAccount, readRow, SYNC_TOKENS_SECRET, writeRow, type SyncAccount } from './sync-state';

/** What sync needs from the course service (courses engineer), looked up at call time. */
export interface CourseSource {
  listCourses(): readonly { id: string; title: string; completedCount: number }[];
  getCourse(courseId: string): { title: string; modules: readonly { lessons: readonly { id: string; title: string; type: string }[] }[] } | null;
}

/** What sync needs from the progress service, if it exists. */
export interface ProgressSink {
  record(event: Record<string, unknown>): Promise<unknown>;
}

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
  readonly courses: () => CourseSource | undefined;
  readonly progress: () => ProgressSink | undefined;
  readonly onChange?: (status: SyncStatus) => void;
  readonly warn?: (message: string) => void;
}

interface StoredPayload {
  publicJwk: JWK;
  learnerName: string;
  issuerName: string;
  courseTitle: string;
}

interface CachedBoard {
  fetchedAt: number;
  league: LeaderboardView['league'];
  around: LeaderboardView['around'];
}

/** How often a drained sync also asks the server whether any saved certificate was revoked. */
export const REVOCATION_CHECK_MS = 15 * 60_000;

// Unref'd: a pending retry never keeps a process (the CLI, a test) alive.
const realTimers: Timers = { setTimeout: (fn, ms) => setTimeout(fn, ms).unref(), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };

export class SyncService {
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly timers: Timers;
  private readonly intervalMs: number;
  private timer: unknown = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private state: SyncStatus['state'] = 'idle';
  private revocationsCheckedAt = -Infinity;
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

  private account(): SyncAccount {
    return readAccount(this.store, this.options.presetUrl ?? '', this.options.secrets, this.now());
  }

  private save(patch: Partial<SyncAccount>): void {
    const { tokens, ...rest } = { ...this.account(), ...patch };
    if ('tokens' in patch) {
      if (tokens) this.options.secrets.set(SYNC_TOKENS_SECRET, JSON.stringify(tokens));
      else this.options.secrets.delete(SYNC_TOKENS_SECRET);
    }
    writeRow(this.store, 'sync.account', rest, this.now());
  }

  private client(account = this.account()): ApiClient {
    if (this.api?.url !== account.serverUrl) {
      const client = new ApiClient(account.serverUrl, { get: () => this.account().tokens, set: (tokens: Tokens | null) => this.save({ tokens }) }, this.options.fetch);
      this.api = { url: account.serverUrl, client };
    }
    return this.api.client;
  }

  status(): SyncStatus {
    const account = this.account();
    const signedIn = account.tokens !== null;
    const state: SyncStatus['state'] = !account.serverUrl ? 'off' : !signedIn ? 'signed-out' : this.state;
    return {
      serverUrl: account.serverUrl,
      signedIn,
      displayName: account.displayName,
      email: account.email,
      optedIn: account.optedIn,
      pending: pendingCount(this.store),
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
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      void this.tick();
    }, Math.max(0, ms));
  }

  private async tick(): Promise<void> {
    try {
      const account = this.account();
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
        await this.refreshRevocations(client);
      } else if (outcome.kind === 'waiting') {
        // Backing off repeats the verdict of the failed attempt it waits out.
        const offline = outcome.reason === 'backing-off' ? this.account().lastErrorOffline : outcome.reason === 'offline';
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
    const account = this.account();
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
    if (url && !/^https?:\/\/[^\s/]+/.test(url)) throw new DronaError('invalid_input', `"${serverUrl}" is not a server address; use one like https://sync.example.org.`);
    const account = this.account();
    // A different server knows nothing of this device: sign out of the old one.
    this.save(url === account.serverUrl ? { serverUrl: url } : { serverUrl: url, tokens: null, learnerId: null, lastError: null });
    return this.changed();
  }

  async signIn(input: { displayName: string; email?: string | undefined; optedIn: boolean }): Promise<SyncStatus> {
    const account = this.account();
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
      const tokens = await this.client(account).register({ displayName: input.displayName, email: input.email, timezone: this.options.timezone(), optedIn: input.optedIn });
      this.save({ tokens, learnerId: tokens.learnerId, displayName: input.displayName, email: input.email ?? null, optedIn: input.optedIn, lastError: null });
    } catch (error) {
      throw asDronaError(error);
    }
    this.state = 'idle';
    this.schedule(0);
    return this.changed();
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

  async leaderboard(board: LeaderboardView['board'], courseId: string | undefined): Promise<LeaderboardView> {
    const account = this.account();
    const cacheKey = `sync.leaderboard:${board}:${courseId ?? ''}`;
    const base = { board, courseId: courseId ?? null, learnerId: account.learnerId };
    const cached = readRow<CachedBoard>(this.store, cacheKey);
    const fromCache = (error: string): LeaderboardView => ({ ...base, fetchedAt: cached?.fetchedAt ?? null, fromCache: true, error, league: cached?.league ?? null, around: cached?.around ?? null });
    if (!account.serverUrl) return fromCache('Leaderboards need a sync server: set one in Settings → Sync.');
    if (!account.tokens) return fromCache('Sign in to the sync server to see leaderboards (Settings → Sync).');
    try {
      const client = this.client(account);
      const fresh: CachedBoard = { fetchedAt: this.now(), league: null, around: null };
      if (board === 'week') fresh.league = await client.league();
      const around = await client.around(board === 'course' ? `course:${courseId ?? ''}` : board);
      fresh.around = { me: around.me, above: around.above, below: around.below };
      writeRow(this.store, cacheKey, fresh, this.now());
      return { ...base, ...fresh, fromCache: false, error: null };
    } catch (error) {
      return fromCache(asDronaError(error).message);
    }
  }

  private evidence(courseId: string) {
    const completedLessons = new Set(
      this.store.db
        .select({ lessonId: lessonProgress.lessonId })
        .from(lessonProgress)
        .where(and(eq(lessonProgress.courseId, courseId), eq(lessonProgress.status, 'completed')))
        .all()
        .map((r) => r.lessonId),
    );
    const passedChecks = new Set<string>();
    const quizScores = new Map<string, number>();
    const rows = this.store.db
      .select({ kind: activityEvents.kind, lessonId: activityEvents.lessonId, detail: activityEvents.detail })
      .from(activityEvents)
      .where(and(eq(activityEvents.courseId, courseId), inArray(activityEvents.kind, ['check-passed', 'challenge-completed', 'quiz-passed', 'lesson-completed'])))
      .all();
    for (const row of rows) {
      if (!row.lessonId) continue;
      if (row.kind === 'lesson-completed') completedLessons.add(row.lessonId);
      else if (row.kind === 'quiz-passed') {
        const score = Number((row.detail as { score?: unknown } | null)?.score ?? 0);
        quizScores.set(row.lessonId, Math.max(quizScores.get(row.lessonId) ?? 0, score));
      } else passedChecks.add(row.lessonId);
    }
    return { completedLessons, passedChecks, quizScores };
  }

  private outline(courseId: string): { title: string; lessons: OutlineLesson[] } {
    const course = this.options.courses()?.getCourse(courseId);
    if (!course) throw new DronaError('not_found', `The course "${courseId}" is not installed, so its certificate criteria cannot be checked.`);
    return { title: course.title, lessons: course.modules.flatMap((m) => m.lessons.map((l) => ({ id: l.id, type: l.type, title: l.title }))) };
  }

  private issuedViews(): IssuedCertificateView[] {
    return this.store.db
      .select()
      .from(certificates)
      .orderBy(certificates.issuedAt)
      .all()
      .map((row) => {
        const payload = row.payload as StoredPayload;
        return {
          id: row.id,
          tier: row.tier as CertificateTier,
          courseId: row.courseId,
          courseTitle: payload.courseTitle,
          learnerName: payload.learnerName,
          issuerName: payload.issuerName,
          issuedAt: row.issuedAt,
          verifyUrl: row.verifyUrl,
          linkedInUrl: linkedInUrl(payload.courseTitle, row.tier, payload.issuerName, row.issuedAt, row.verifyUrl, row.id),
          revokedAt: row.revokedAt,
        };
      });
  }

  certificatesOverview(): CertificatesOverview {
    const courses = this.options.courses();
    const started = (courses?.listCourses() ?? []).filter((c) => c.completedCount > 0);
    return {
      courses: started.map((course) => {
        const outline = this.outline(course.id);
        return { courseId: course.id, title: outline.title, tiers: tierStatuses(outline.lessons, this.evidence(course.id)) };
      }),
      issued: this.issuedViews(),
    };
  }

  async requestCertificate(courseId: string, tier: CertificateTier): Promise<IssuedCertificateView> {
    const outline = this.outline(courseId);
    const local = tierStatuses(outline.lessons, this.evidence(courseId)).find((t) => t.tier === tier)!;
    if (!local.eligible) throw new DronaError('not_eligible', `Not yet eligible for ${tier}: ${local.missing[0] ?? ''}`, { missing: local.missing });
    // The server checks the events it has: send everything first.
    await this.syncNow();
    if (pendingCount(this.store) > 0) throw new DronaError('sync_pending', 'Some progress has not reached the sync server yet, so it cannot check your certificate. Try again when you are online.');
    const account = this.account();
    const client = this.client(account);
    try {
      // The server decides against its own registered outline and title, not this app's.
      const issued = await client.requestCertificate({ courseId, tier });
      const jwks = await client.jwks();
      const header = JSON.parse(Buffer.from(issued.jwt.split('.')[0]!, 'base64url').toString('utf8')) as { kid?: string };
      const publicJwk = (jwks.keys.find((k) => k.kid === header.kid) ?? jwks.keys[0]) as JWK;
      const check = await verifyCredentialJwt(issued.jwt, publicJwk);
      if (!check.valid) throw new DronaError('bad_signature', 'The server issued a certificate whose signature does not match its published key; it was not saved.');
      const issuer = (check.credential?.issuer ?? {}) as { name?: string };
      const subject = (check.credential?.credentialSubject ?? {}) as { name?: string };
      const payload: StoredPayload = { publicJwk, learnerName: subject.name ?? account.displayName ?? '', issuerName: issuer.name ?? 'Dronacharya', courseTitle: issued.courseTitle };
      this.store.db
        .insert(certificates)
        .values({ id: issued.id, tier: issued.tier, courseId, issuedAt: issued.issuedAt, jwt: issued.jwt, payload, verifyUrl: issued.verifyUrl, revokedAt: issued.revokedAt })
        .onConflictDoNothing()
        .run();
      await this.options
        .progress()
        ?.record({ kind: 'certificate-earned', idempotencyKey: `certificate-earned:${courseId}:${tier}`, courseId, occurredAt: this.now(), timezone: this.options.timezone(), tier })
        .catch((error: Error) => this.options.warn?.(`certificate-earned was not recorded: ${error.message}`));
      return this.issuedViews().find((c) => c.id === issued.id)!;
    } catch (error) {
      if (error instanceof SyncHttpError && error.code === 'course_not_registered') {
        throw new DronaError(
          'course_not_registered',
          `The sync server does not certify "${outline.title}": its administrator has not registered this course. Your progress is saved; ask them to register it (drona server register-course), then request the certificate again.`,
        );
      }
      throw asDronaError(error);
    }
  }

  /**
   * Copies the server's revocations onto the saved certificates (an issuer can revoke one after it
   * was issued), at most every REVOCATION_CHECK_MS; a failure waits for the next drain.
   */
  private async refreshRevocations(client: ApiClient): Promise<void> {
    const saved = this.store.db.select({ id: certificates.id, revokedAt: certificates.revokedAt }).from(certificates).all();
    if (saved.length === 0 || this.now() - this.revocationsCheckedAt < REVOCATION_CHECK_MS) return;
    try {
      const { certificates: issued } = await client.listCertificates();
      const revokedAt = new Map(issued.map((cert) => [cert.id, cert.revokedAt]));
      for (const row of saved) {
        const current = revokedAt.get(row.id);
        if (current !== undefined && current !== row.revokedAt) this.store.db.update(certificates).set({ revokedAt: current }).where(eq(certificates.id, row.id)).run();
      }
      this.revocationsCheckedAt = this.now();
    } catch (error) {
      this.options.warn?.(`could not check certificates for revocation: ${messageOf(error)}`);
    }
  }

  async verifyCertificate(id: string): Promise<{ valid: boolean; revoked: boolean; detail: string }> {
    const row = this.store.db.select().from(certificates).where(eq(certificates.id, id)).get();
    if (!row) throw new DronaError('not_found', 'No certificate with this id is saved in this app.');
    const check = await verifyCredentialJwt(row.jwt, (row.payload as StoredPayload).publicJwk);
    const revoked = row.revokedAt !== null;
    return {
      valid: check.valid,
      revoked,
      detail: check.valid
        ? `The Ed25519 signature holds against the issuer key saved when it was issued${revoked ? `, but the issuer revoked it on ${new Date(row.revokedAt!).toUTCString()}` : ''}.`
        : `The signature does not hold (${check.reason ?? 'unknown reason'}): the certificate was altered or not issued by this server.`,
    };
  }

  async exportPdf(id: string): Promise<{ fileName: string; base64: string }> {
    const cert = this.issuedViews().find((c) => c.id === id);
    if (!cert) throw new DronaError('not_found', 'No certificate with this id is saved in this app.');
    const bytes = await certificatePdf(cert);
    const slug = `${cert.courseId}-${cert.tier}`.replace(/[^\w-]+/g, '-');
    return { fileName: `certificate-${slug}.pdf`, base64: Buffer.from(bytes).toString('base64') };
  }
}

function asDronaError(error: unknown): DronaError {
  if (error instanceof DronaError) return error;
  if (error instanceof SyncOfflineError) return new DronaError('offline', `${error.message} Check the address and your connection; your progress is kept and syncs later.`);
  if (error instanceof SyncHttpError) return new DronaError(error.code, error.message, error.details);
  return new DronaError('internal', messageOf(error));
}

export function linkedInUrl(courseTitle: string, tier: string, issuerName: string, issuedAt: number, verifyUrl: string, id: string): string {
  const date = new Date(issuedAt);
  const params = new URLSearchParams({
    startTask: 'CERTIFICATION_NAME',
    name: `${courseTitle} (${tier.charAt(0).toUpperCase()}${tier.slice(1)})`,
    organizationName: issuerName,
    issueYear: String(date.getUTCFullYear()),
    issueMonth: String(date.getUTCMonth() + 1),
    certUrl: verifyUrl,
    certId: id,
  });
  return `https://www.linkedin.com/profile/add?${params.toString()}`;
}

