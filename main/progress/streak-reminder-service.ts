// The streak reminder's clock and memory around the pure rule (streak-reminder.ts): it checks
// once a minute, announces a due reminder to every window, and remembers the local date it
// reminded and the date the learner answered, in a settings-table row (the settings service
// ignores keys it does not know, so this needs no migration). A restart the same evening
// therefore stays quiet, and a window that opens later still shows the unanswered reminder.
import { eq } from 'drizzle-orm';
import type { Profile } from '../../preload/contract/profile';
import type { StreakReminder } from '../../preload/contract/progress';
import { settings } from '../store/schema';
import { streakReminderDecision, streakReminderMessage, type StreakReminderDecision } from './streak-reminder';
import { isKnownTimezone, localDate, type StreakState } from '../../common/rules/streaks';
import { PeriodicCheck, type ReminderTimers } from './periodic-check';

export const CHECK_EVERY_MS = 60_000;
const MEMORY_KEY = 'progress.streakReminder';

export type { ReminderTimers } from './periodic-check';

/** What the reminder reads from the other services, at check time. */
export interface StreakReminderSources {
  readonly now: () => number;
  readonly learner: () => { timezone: string; gamificationMode: Profile['gamificationMode'] };
  readonly settings: () => { enabled: boolean; time: string };
  readonly streak: () => StreakState;
  readonly nextLesson: () => StreakReminder['lesson'];
  readonly announce: (reminder: StreakReminder) => void;
  readonly warn?: (message: string) => void;
  readonly timers?: ReminderTimers;
}

interface ReminderMemory {
  /** The local date a reminder was last given. */
  remindedOn: string | null;
  /** The local date the learner last answered one ("Continue learning" or "Not today"). */
  answeredOn: string | null;
}

export class StreakReminderService extends PeriodicCheck<StreakReminderSources> {
  protected readonly checkName = 'the streak reminder check';
  protected readonly everyMs = CHECK_EVERY_MS;

  /** Gives the reminder when one is due now: remembers the day, then announces it. */
  check(): StreakReminder | null {
    const decision = this.decide();
    if (!decision?.due) return null;
    this.remember({ ...this.memory(), remindedOn: decision.date });
    const reminder = this.reminderFor(decision);
    this.sources.announce(reminder);
    return reminder;
  }

  /** For a window that opens: a reminder due now, or today's one the learner has not answered. */
  pending(): StreakReminder | null {
    const given = this.check();
    if (given) return given;
    const decision = this.decide();
    if (decision?.reason !== 'reminded-today' || this.memory().answeredOn === decision.date) return null;
    return this.reminderFor(decision);
  }

  /** The learner answered today's reminder: no window shows it again today. */
  dismiss(): void {
    const { timezone } = this.sources.learner();
    if (!isKnownTimezone(timezone)) return;
    this.remember({ ...this.memory(), answeredOn: localDate(this.sources.now(), timezone) });
  }

  private decide(): StreakReminderDecision | null {
    const { enabled, time } = this.sources.settings();
    const { timezone, gamificationMode } = this.sources.learner();
    if (!enabled || gamificationMode === 'off' || !isKnownTimezone(timezone)) return null;
    return streakReminderDecision({
      now: this.sources.now(),
      timezone,
      reminderTime: time,
      streak: this.sources.streak(),
      lastRemindedDate: this.memory().remindedOn,
    });
  }

  private reminderFor(decision: StreakReminderDecision): StreakReminder {
    const { date, streak, freezes, minutesLeft, dayEndsAt } = decision;
    return { date, streak, freezes, minutesLeft, dayEndsAt, message: streakReminderMessage(decision), lesson: this.sources.nextLesson() };
  }

  private memory(): ReminderMemory {
    const row = this.store.db.select().from(settings).where(eq(settings.key, MEMORY_KEY)).get();
    const saved = (row?.value ?? {}) as Partial<ReminderMemory>;
    return { remindedOn: saved.remindedOn ?? null, answeredOn: saved.answeredOn ?? null };
  }

  private remember(memory: ReminderMemory): void {
    const at = this.sources.now();
    this.store.db
      .insert(settings)
      .values({ key: MEMORY_KEY, value: memory, updatedAt: at })
      .onConflictDoUpdate({ target: settings.key, set: { value: memory, updatedAt: at } })
      .run();
  }
}
