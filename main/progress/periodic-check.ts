// A check that runs at once (after start-up's own work) and then at a fixed interval, on timers a
// test can replace: the streak reminder and the weekly digest both keep their clock this way. A
// failing check is logged and the next one still runs.
import { messageOf } from '../../preload/contract';

export interface ReminderTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

// Unref'd: a pending check never keeps a process (the CLI, a test) alive.
const realTimers: ReminderTimers = { setTimeout: (fn, ms) => setTimeout(fn, ms).unref(), clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout) };

/** A service whose `check()` runs periodically once started: it extends this and implements check. */
export abstract class PeriodicCheck {
  private readonly timers: ReminderTimers;
  private timer: unknown = null;

  constructor(
    private readonly options: {
      /** Named in the warning when a check fails, e.g. "the weekly digest check". */
      readonly name: string;
      readonly everyMs: number;
      readonly warn?: ((message: string) => void) | undefined;
      readonly timers?: ReminderTimers | undefined;
    },
  ) {
    this.timers = options.timers ?? realTimers;
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
        this.options.warn?.(`${this.options.name} failed: ${messageOf(error)}`);
      }
      if (this.timer !== null) this.schedule(this.options.everyMs);
    }, ms);
  }
}
