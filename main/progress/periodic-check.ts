// A check that runs at once (after start-up's own work) and then at a fixed interval, on timers a
// test can replace: the streak reminder and the weekly digest both keep their clock this way. A
// failing check is logged and the next one still runs.
import { messageOf } from '../../preload/contract/errors';
import type { Store } from '../store/open-store';

export interface ReminderTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

// Unref'd: a pending check never keeps a process (the CLI, a test) alive.
const realTimers: ReminderTimers = { setTimeout: (fn, ms) => setTimeout(fn, ms).unref(), clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout) };

/** A service over the store whose `check()` runs periodically once started: it extends this. */
export abstract class PeriodicCheck<Sources extends { readonly warn?: (message: string) => void; readonly timers?: ReminderTimers }> {
  private readonly timers: ReminderTimers;
  private timer: unknown = null;
  /** Named in the warning when a check fails, e.g. "the weekly digest check". */
  protected abstract readonly checkName: string;
  protected abstract readonly everyMs: number;

  constructor(
    protected readonly store: Store,
    protected readonly sources: Sources,
  ) {
    this.timers = sources.timers ?? realTimers;
  }

  abstract check(): unknown;

  start(): void {
    if (this.timer === null) this.schedule(0);
  }

  stop(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(ms: number): void {
    this.timer = this.timers.setTimeout(() => {
      try {
        this.check();
      } catch (error) {
        this.sources.warn?.(`${this.checkName} failed: ${messageOf(error)}`);
      }
      if (this.timer !== null) this.schedule(this.everyMs);
    }, ms);
  }
}
