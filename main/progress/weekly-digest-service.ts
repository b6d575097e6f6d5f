// The weekly digest's clock and memory around the pure rule (weekly-digest-schedule.ts): checks
// every quarter hour, announces last week's digest once to every window (the desktop app turns
// the event into an OS notification; serve mode shows it in the window), and remembers in a
// settings row the week announced and the week the learner opened or dismissed.
import type { DigestNotice } from '../../preload/contract/progress-metrics';
import { isKnownTimezone } from '../../common/rules/streaks';
import { PeriodicCheck, type ReminderTimers } from './periodic-check';
import { digestDecision } from './weekly-digest-schedule';
import { activeInWeek } from './weekly-digest';

export const DIGEST_CHECK_EVERY_MS = 15 * 60_000;
const MEMORY_KEY = 'progress.weeklyDigest';

interface DigestMemory {
  announced: string | null;
  seen: string | null;
}

export interface WeeklyDigestSources {
  readonly now: () => number;
  readonly timezone: () => string;
  /** Off when the learner turned gamification off (no nudges of any kind then). */
  readonly enabled: () => boolean;
  readonly announce: (notice: DigestNotice) => void;
  readonly warn?: (message: string) => void;
  readonly timers?: ReminderTimers;
}

export const digestMessage = (weekStart: string) =>
  `Your week in review (the week of ${new Date(`${weekStart}T12:00:00Z`).toLocaleDateString('en', { day: 'numeric', month: 'long', timeZone: 'UTC' })}) is ready: time, lessons, XP, reviews and mastery gained.`;

export class WeeklyDigestService extends PeriodicCheck<WeeklyDigestSources> {
  protected readonly checkName = 'the weekly digest check';
  protected readonly everyMs = DIGEST_CHECK_EVERY_MS;

  /** Announces last week's digest when it is due: remembers the week, then tells every window. */
  check(): DigestNotice | null {
    const timezone = this.sources.timezone();
    if (!this.sources.enabled() || !isKnownTimezone(timezone)) return null;
    const memory = this.memory();
    const decision = digestDecision({
      now: this.sources.now(),
      timezone,
      lastAnnounced: memory.announced,
      activeIn: (weekStart) => activeInWeek(this.store, weekStart),
    });
    if (!decision.due) return null;
    this.remember({ ...memory, announced: decision.weekStart });
    const notice = { weekStart: decision.weekStart, message: digestMessage(decision.weekStart) };
    this.sources.announce(notice);
    return notice;
  }

  /** For a window that opens: the notice due now, or the last one announced and not yet seen. */
  pending(): DigestNotice | null {
    const given = this.check();
    if (given) return given;
    const { announced, seen } = this.memory();
    return announced && announced !== seen ? { weekStart: announced, message: digestMessage(announced) } : null;
  }

  /** The learner opened or dismissed the digest: no window shows the notice again. */
  dismiss(): void {
    const memory = this.memory();
    this.remember({ ...memory, seen: memory.announced });
  }

  private memory(): DigestMemory {
    const row = this.store.sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(MEMORY_KEY) as { value: string } | undefined;
    const saved = (row ? JSON.parse(row.value) : {}) as Partial<DigestMemory>;
    return { announced: saved.announced ?? null, seen: saved.seen ?? null };
  }

  private remember(memory: DigestMemory): void {
    this.store.sqlite
      .prepare(
        'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
      )
      .run(MEMORY_KEY, JSON.stringify(memory), this.sources.now());
  }
}
