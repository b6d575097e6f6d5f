// Checks the feed on start and every few hours, downloads in the background when the policy
// says so, and reports each step for the status bar. The feed and the install are behind the
// Updater port (electron-updater in main/electron/updater.ts; a fake in tests).
import { DronaError, messageOf } from '../../preload/contract/errors';
import type { UpdateChannel, UpdateStatus } from '../../preload/contract/update';
import { decideUpdate, mayRestart, nextCheckIn, type Release } from './update-policy';

export interface DownloadProgress {
  readonly percent: number;
  readonly transferred: number;
  readonly total: number;
  readonly bytesPerSecond: number;
}

export interface Updater {
  /** The release the feed offers on this channel, or null when it lists none. */
  latest(channel: UpdateChannel): Promise<Release | null>;
  /** Downloads (and verifies) the release `latest` last returned. */
  download(onProgress: (progress: DownloadProgress) => void): Promise<void>;
  /** Quits and installs the downloaded release. */
  install(): void;
}

export interface UpdateServiceOptions {
  /** null where there is nothing to update (serve mode, a development build, no feed). */
  readonly updater: Updater | null;
  readonly unsupportedReason: string;
  readonly currentVersion: string;
  readonly installId: () => string;
  readonly channel: () => UpdateChannel;
  readonly examRunning: () => boolean;
  readonly intervalMs: number;
  readonly now: () => number;
  readonly onChange: (status: UpdateStatus) => void;
  readonly warn: (message: string) => void;
}

export const UPDATE_CHECK_INTERVAL_MS = 4 * 3_600_000;
/** After a failed check, or one held back by an exam, look again sooner than the interval. */
export const UPDATE_RETRY_MS = 15 * 60_000;

export class UpdateService {
  private current: UpdateStatus;
  private lastCheckedAt: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<UpdateStatus> | null = null;

  constructor(private readonly options: UpdateServiceOptions) {
    this.current = options.updater ? { state: 'idle', checkedAt: null } : { state: 'unsupported', reason: options.unsupportedReason };
  }

  status(): UpdateStatus {
    return this.current;
  }

  start(): void {
    if (!this.options.updater || this.timer) return;
    this.schedule();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** One check at a time: a second call while one runs gets the same result. */
  check(): Promise<UpdateStatus> {
    this.running ??= this.runCheck().finally(() => (this.running = null));
    return this.running;
  }

  restart(unsavedWork: boolean): { restarting: true } {
    if (this.current.state !== 'ready') throw new DronaError('conflict', 'No update has been downloaded yet; there is nothing to restart into.');
    const decision = mayRestart({ examRunning: this.options.examRunning(), unsavedWork });
    if (!decision.ok) {
      throw new DronaError(
        'conflict',
        decision.reason === 'exam'
          ? 'An exam is running: the update installs after it ends.'
          : 'Some changes are not saved yet. Save them, then restart to update.',
      );
    }
    this.options.updater!.install();
    return { restarting: true };
  }

  private schedule(): void {
    const soon = this.current.state === 'error' || this.current.state === 'waiting';
    const delay = nextCheckIn(this.options.now(), this.lastCheckedAt, soon ? Math.min(UPDATE_RETRY_MS, this.options.intervalMs) : this.options.intervalMs);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.check().finally(() => this.schedule());
    }, delay);
    this.timer.unref?.();
  }

  private set(status: UpdateStatus): UpdateStatus {
    this.current = status;
    this.options.onChange(status);
    return status;
  }

  private async runCheck(): Promise<UpdateStatus> {
    const updater = this.options.updater;
    if (!updater) return this.current;
    // A downloaded update stays offered; checking again would only download it twice.
    if (this.current.state === 'ready' || this.current.state === 'downloading') return this.current;
    const checkedAt = this.options.now();
    this.lastCheckedAt = checkedAt;
    this.set({ state: 'checking' });
    try {
      const release = await updater.latest(this.options.channel());
      if (!release) return this.set({ state: 'idle', checkedAt });
      const decision = decideUpdate({
        current: this.options.currentVersion,
        release,
        channel: this.options.channel(),
        installId: this.options.installId(),
        // Unsaved work holds back only the restart, which the restart call checks.
        activity: { examRunning: this.options.examRunning(), unsavedWork: false },
      });
      if (decision.action === 'skip') return this.set({ state: 'idle', checkedAt });
      if (decision.action === 'wait') return this.set({ state: 'waiting', version: release.version, reason: decision.reason });
      const version = decision.version;
      this.set({ state: 'downloading', version, percent: 0, transferred: 0, total: 0, bytesPerSecond: 0 });
      await updater.download((progress) => this.set({ state: 'downloading', version, ...progress, percent: Math.min(100, Math.max(0, progress.percent)) }));
      return this.set({ state: 'ready', version });
    } catch (error) {
      this.options.warn(`update check failed: ${messageOf(error)}`);
      return this.set({ state: 'error', message: messageOf(error), checkedAt });
    }
  }
}
