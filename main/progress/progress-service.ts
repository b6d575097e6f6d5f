// The progress service: records learning events (activity row, XP ledger rows, lesson
// progress, derived module/course completions, achievements, sync outbox row) in ONE SQLite
// transaction, idempotent by the event's key, and answers the HUD and the Progress view.
// Over 350 lines on purpose: the write path and the in-memory cache it keeps in step must be
// read together (the cache is only correct because both change in the same transaction).
//
// Totals are always derived from the ledger and the events. For speed the service keeps them
// in memory as a cache of those tables, checked against SQLite's `data_version` at the start of
// every transaction: a write by another connection (another process) makes it reload, and a
// rolled-back transaction throws the cache away. Loading starts from the saved running totals
// and reads only the rows added since (running-totals.ts), so start-up does not grow with history.
import type { Statement } from 'better-sqlite3';
import { z } from 'zod';
import { DronaError, messageOf } from '../../preload/contract/errors';
import {
  achievementDefinitionSchema,
  learningEventSchema,
  type AchievementDefinition,
  type AwardedEvent,
  type HudSnapshot,
  type LearningEvent,
  type RecordResult,
} from '../../preload/contract/progress';
import type { EventBus } from '../ipc/event-bus';
import type { Store } from '../store/open-store';
import { achievements, profile } from '../store/schema';
import { newlyEarned, tallyEvent, type Tally } from './achievements';
import { firstActiveDay, loadTotals } from './running-totals';
import builtinJson from './builtin-achievements.json' with { type: 'json' };
import { levelFor, levelProgress } from './levels';
import { moduleUnderPar, type ModuleTimes } from './module-pace';
import {
  addActivity,
  isKnownTimezone,
  localDateAndHour,
  streakFrom,
  streakOrder,
  streakStatus,
  type StreakEvent,
  type StreakState,
} from '../../common/rules/streaks';
import { awardFor, QUALIFYING_KINDS, type Award } from '../../common/rules/xp-rules';

let builtins: readonly AchievementDefinition[] | undefined;
/** The built-in achievements, validated on first use: at module load the parse cost every start ~60 ms (bench:startup). */
export const builtinAchievements = (): readonly AchievementDefinition[] => (builtins ??= z.array(achievementDefinitionSchema).parse(builtinJson));

/** Where course-specific achievements come from (course.yaml `achievements:`), when courses are installed. */
export type CourseAchievementSource = (courseId: string) => Promise<readonly unknown[] | null | undefined>;

export interface ProgressOptions {
  readonly now?: () => number;
  readonly events?: EventBus;
  readonly courseAchievements?: CourseAchievementSource;
  readonly warn?: (message: string) => void;
}

interface Cache {
  dataVersion: number;
  totalXp: number;
  tally: Tally;
  streak: StreakState;
  lastQualifying: StreakEvent | null;
  activeDays: number;
  earned: Set<string>;
}

type PreparedStatements = Record<
  | 'dataVersion'
  | 'insertEvent'
  | 'insertXp'
  | 'completeLesson'
  | 'lesson'
  | 'openInModule'
  | 'openInCourse'
  | 'insertAchievement'
  | 'insertOutbox'
  | 'qualifying',
  Statement
>;
interface LessonRow {
  moduleId: string;
  par: number | null;
}

const LESSON_KINDS = new Set(['lesson-completed', 'challenge-completed', 'quiz-passed']);
const QUALIFYING_LIST = [...QUALIFYING_KINDS];

/** The facts kept in activity_events.detail: everything the rules read, replayable. */
type StoredEvent = LearningEvent & { localDate: string };

export class ProgressService {
  private cache: Cache | null = null;
  private prepared: PreparedStatements | null = null;
  /** Module/course completions found while applying a lesson event, applied after it. */
  private pendingCompletions: LearningEvent[] = [];
  private readonly courseDefinitions = new Map<string, readonly AchievementDefinition[]>();
  private readonly now: () => number;

  constructor(
    private readonly store: Store,
    private readonly options: ProgressOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  /** Every achievement definition known now: built-in, then each loaded course's (ids prefixed `<course>/`). */
  definitions(): AchievementDefinition[] {
    return [...builtinAchievements(), ...[...this.courseDefinitions.values()].flat()];
  }

  /** Validates and keeps a course's own achievements; a bad entry is reported and skipped. */
  setCourseAchievements(courseId: string, raw: readonly unknown[]): AchievementDefinition[] {
    const accepted: AchievementDefinition[] = [];
    for (const [index, entry] of raw.entries()) {
      const parsed = achievementDefinitionSchema.safeParse(entry);
      if (parsed.success) accepted.push({ ...parsed.data, id: `${courseId}/${parsed.data.id}` });
      else this.options.warn?.(`course ${courseId}: achievement #${index + 1} ignored: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    }
    this.courseDefinitions.set(courseId, accepted);
    return accepted;
  }

  private async loadCourseAchievements(courseId: string | undefined): Promise<void> {
    if (!courseId || this.courseDefinitions.has(courseId) || !this.options.courseAchievements) return;
    try {
      this.setCourseAchievements(courseId, (await this.options.courseAchievements(courseId)) ?? []);
    } catch (error) {
      this.options.warn?.(`course ${courseId}: achievements not loaded: ${messageOf(error)}`);
    }
  }

  private dataVersion(): number {
    return this.statements().dataVersion.get() as number;
  }

  /** The cache, rebuilt from the tables when another connection wrote since we last looked. */
  private fresh(): Cache {
    const version = this.dataVersion();
    if (this.cache && this.cache.dataVersion === version) return this.cache;
    const { totalXp, tally, streak, lastQualifying, activeDays } = loadTotals(this.store.sqlite, this.now());
    const earned = new Set(
      this.store.db
        .select({ id: achievements.id })
        .from(achievements)
        .all()
        .map((row) => row.id),
    );
    this.cache = { dataVersion: version, totalXp, tally, streak, lastQualifying, activeDays, earned };
    this.syncDerivedStats(this.cache);
    return this.cache;
  }

  private syncDerivedStats(cache: Cache): void {
    const stats = cache.tally.global;
    stats.totalXp = cache.totalXp;
    stats.level = levelFor(cache.totalXp);
    stats.currentStreak = cache.streak.current;
    stats.longestStreak = cache.streak.longest;
    stats.freezesUsed = cache.streak.freezesUsed;
    stats.activeDays = cache.activeDays;
  }

  private timezone(): string {
    const row = this.store.db.select({ timezone: profile.timezone }).from(profile).get();
    return row?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  }

  /** Records one learning event; the second time a key is seen nothing changes. */
  async record(input: unknown): Promise<RecordResult> {
    const parsed = learningEventSchema.safeParse(input);
    if (!parsed.success)
      throw new DronaError(
        'invalid_input',
        `The learning event was not recorded: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}.`,
      );
    const event = parsed.data;
    if (!isKnownTimezone(event.timezone)) {
      throw new DronaError(
        'invalid_input',
        `The learning event was not recorded: "${event.timezone}" is not a timezone this system knows. Set your timezone in Settings.`,
      );
    }
    await this.loadCourseAchievements(event.courseId);
    let result: RecordResult;
    let kinds: AwardedEvent['kind'][] = [];
    try {
      [result, kinds] = this.store.transaction(() => this.recordIn(event));
    } catch (error) {
      this.cache = null; // the transaction rolled back; the in-memory figures may include it
      throw error;
    }
    if (!result.duplicate) this.announce(result, kinds[0] ?? event.kind, { courseId: event.courseId, lessonId: event.lessonId });
    return result;
  }

  private announce(result: RecordResult, kind: AwardedEvent['kind'], about: { courseId?: string | undefined; lessonId?: string | undefined }): void {
    const bus = this.options.events;
    if (!bus) return;
    bus.emit('progress.changed', this.snapshot());
    if (result.awarded.length || result.achievements.length || result.levelAfter !== result.levelBefore) {
      const { duplicate: _duplicate, ...awarded } = result;
      bus.emit('progress.awarded', {
        ...awarded,
        kind,
        ...(about.courseId === undefined ? {} : { courseId: about.courseId }),
        ...(about.lessonId === undefined ? {} : { lessonId: about.lessonId }),
      });
    }
  }

  private recordIn(event: LearningEvent): [RecordResult, AwardedEvent['kind'][]] {
    const cache = this.fresh();
    const levelBefore = levelFor(cache.totalXp);
    const awarded: Award[] = [];
    const earned: AchievementDefinition[] = [];
    const kinds: AwardedEvent['kind'][] = [];
    this.pendingCompletions = [];
    if (!this.apply(cache, event, awarded, earned)) {
      return [{ awarded: [], achievements: [], levelBefore, levelAfter: levelBefore, totalXp: cache.totalXp, duplicate: true }, kinds];
    }
    kinds.push(event.kind);
    const derived = this.pendingCompletions;
    this.pendingCompletions = [];
    for (const completion of derived) if (this.apply(cache, completion, awarded, earned)) kinds.push(completion.kind);
    // Keep the data_version we hold: our own commits do not change it for this connection.
    cache.dataVersion = this.dataVersion();
    return [
      {
        awarded: awarded.map(({ activity, amount, bonusPercent, baseXp, bonuses, deductedXp }) => ({
          activity,
          amount,
          bonusPercent,
          baseXp,
          bonuses: [...bonuses],
          ...(deductedXp > 0 ? { deductedXp } : {}),
        })),
        achievements: earned.map(({ id, title }) => ({ id, title })),
        levelBefore,
        levelAfter: levelFor(cache.totalXp),
        totalXp: cache.totalXp,
        duplicate: false,
      },
      kinds,
    ];
  }

  /** The hot path's statements, prepared once (drizzle would build and prepare them per call). */
  private statements() {
    if (this.prepared) return this.prepared;
    const db = this.store.sqlite;
    const openLessons = (moduleOnly: boolean) =>
      db.prepare(`
        SELECT coalesce(sum(coalesce(p.status, '') <> 'completed'), 0) AS open, coalesce(sum(p.active_seconds), 0) AS active,
               coalesce(sum(l.par_time_seconds), 0) AS par, coalesce(sum(l.par_time_seconds IS NULL), 0) AS unknownPar,
               coalesce(sum(EXISTS (SELECT 1 FROM activity_events e WHERE e.idempotency_key = 'lesson-completed:' || l.course_id || ':' || l.lesson_id
                 AND json_extract(e.detail, '$.read') = 0)), 0) AS unread
        FROM lessons l LEFT JOIN lesson_progress p ON p.course_id = l.course_id AND p.lesson_id = l.lesson_id
        WHERE l.course_id = ? AND l.removed_at IS NULL ${moduleOnly ? 'AND l.module_id = ?' : ''}`);
    this.prepared = {
      dataVersion: db.prepare('PRAGMA data_version').pluck(),
      insertEvent: db.prepare(
        'INSERT INTO activity_events (idempotency_key, kind, course_id, lesson_id, occurred_at, timezone, local_date, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
      ),
      insertXp: db.prepare(
        'INSERT INTO xp_ledger (idempotency_key, activity, base_xp, bonus_percent, amount, course_id, lesson_id, occurred_at, timezone, local_date, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      completeLesson: db.prepare(`
        INSERT INTO lesson_progress (course_id, lesson_id, status, started_at, completed_at, active_seconds) VALUES (?, ?, 'completed', ?, ?, ?)
        ON CONFLICT (course_id, lesson_id) DO UPDATE SET status = 'completed', completed_at = coalesce(completed_at, excluded.completed_at),
          active_seconds = max(active_seconds, excluded.active_seconds)`),
      lesson: db.prepare('SELECT module_id AS moduleId, par_time_seconds AS par FROM lessons WHERE course_id = ? AND lesson_id = ? AND removed_at IS NULL'),
      openInModule: openLessons(true),
      openInCourse: openLessons(false),
      insertAchievement: db.prepare('INSERT INTO achievements (id, earned_at, event_key, detail) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING'),
      insertOutbox: db.prepare('INSERT INTO sync_outbox (idempotency_key, kind, payload, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING'),
      qualifying: db.prepare(
        `SELECT occurred_at AS occurredAt, timezone, local_date AS localDate FROM activity_events WHERE kind IN (${QUALIFYING_LIST.map(() => '?').join(', ')}) ORDER BY occurred_at, timezone, local_date`,
      ),
    };
    return this.prepared;
  }

  /** Applies one event inside the open transaction; false when its key was recorded before. */
  private apply(cache: Cache, input: LearningEvent, awarded: Award[], earned: AchievementDefinition[]): boolean {
    const q = this.statements();
    const { date, hour } = localDateAndHour(input.occurredAt, input.timezone);
    const lesson =
      LESSON_KINDS.has(input.kind) && input.courseId && input.lessonId ? (q.lesson.get(input.courseId, input.lessonId) as LessonRow | undefined) : undefined;
    const underPar = input.underPar ?? (lesson?.par && input.elapsedSeconds !== undefined ? input.elapsedSeconds <= lesson.par : undefined);
    const event: StoredEvent = { ...input, ...(underPar === undefined ? {} : { underPar }), localDate: date };
    const inserted = q.insertEvent.run(
      event.idempotencyKey,
      event.kind,
      event.courseId ?? null,
      event.lessonId ?? null,
      event.occurredAt,
      event.timezone,
      date,
      JSON.stringify(event),
    );
    if (inserted.changes === 0) return false;

    const before = streakStatus(cache.streak, event.occurredAt, event.timezone);
    const award = awardFor(event, { streakActive: before.alive && before.current > 0 });
    if (award) {
      q.insertXp.run(
        event.idempotencyKey,
        award.activity,
        award.baseXp,
        award.bonusPercent,
        award.amount,
        event.courseId ?? null,
        event.lessonId ?? null,
        event.occurredAt,
        event.timezone,
        date,
        JSON.stringify({ bonuses: award.bonuses, ...(award.deductedXp > 0 ? { deductedXp: award.deductedXp } : {}) }),
      );
      cache.totalXp += award.amount;
      awarded.push(award);
    }
    if (LESSON_KINDS.has(event.kind) && event.courseId && event.lessonId) {
      q.completeLesson.run(event.courseId, event.lessonId, event.occurredAt, event.occurredAt, Math.round(event.elapsedSeconds ?? 0));
    }

    tallyEvent(cache.tally, event);
    if (QUALIFYING_KINDS.has(event.kind)) {
      if (!cache.lastQualifying || streakOrder(cache.lastQualifying, event) <= 0) {
        cache.streak = addActivity(cache.streak, event);
        cache.lastQualifying = event;
      } else {
        // An event from the past (a replay, a clock fix): rebuild the streak in time order.
        cache.streak = streakFrom(q.qualifying.all(...QUALIFYING_LIST) as StreakEvent[]);
      }
      if (firstActiveDay(this.store.sqlite, date)) cache.activeDays++;
    }
    this.syncDerivedStats(cache);

    const newly = newlyEarned(this.definitions(), cache.earned, cache.tally, { ...event, localHour: hour });
    for (const definition of newly) {
      const row = q.insertAchievement.run(definition.id, event.occurredAt, event.idempotencyKey, JSON.stringify({ title: definition.title }));
      cache.earned.add(definition.id);
      if (row.changes > 0) earned.push(definition);
    }
    const payload = {
      event,
      awarded: award ? [{ activity: award.activity, amount: award.amount, bonusPercent: award.bonusPercent }] : [],
      achievements: newly.map((d) => d.id),
    };
    q.insertOutbox.run(event.idempotencyKey, event.kind, JSON.stringify(payload), this.now());
    if (lesson) this.pendingCompletions.push(...this.completions(event, lesson.moduleId));
    return true;
  }

  /** Module and course completions this lesson event finishes (from the installed course outline). */
  private completions(event: LearningEvent, moduleId: string): LearningEvent[] {
    const q = this.statements();
    type Open = ModuleTimes & { open: number };
    const base = { courseId: event.courseId!, occurredAt: event.occurredAt, timezone: event.timezone };
    const module = q.openInModule.get(event.courseId, moduleId) as Open;
    if (module.open > 0) return [];
    const derived: LearningEvent[] = [
      {
        ...base,
        kind: 'module-completed',
        moduleId,
        idempotencyKey: `module-completed:${event.courseId}:${moduleId}`,
        underPar: moduleUnderPar(module),
      },
    ];
    if ((q.openInCourse.get(event.courseId) as Open).open === 0)
      derived.push({ ...base, kind: 'course-completed', idempotencyKey: `course-completed:${event.courseId}` });
    return derived;
  }

  /** The HUD's figures now, in the learner's timezone. */
  snapshot(): HudSnapshot {
    const cache = this.fresh();
    const streak = streakStatus(cache.streak, this.now(), this.timezone());
    return {
      totalXp: cache.totalXp,
      ...levelProgress(cache.totalXp),
      streak: { current: streak.current, longest: streak.longest, freezes: streak.freezes, todayDone: streak.todayDone },
    };
  }

  /** For the dashboard: the cache's tally, streak and earned ids, fresh. */
  state(): { tally: Tally; streak: StreakState; earned: ReadonlySet<string>; timezone: string } {
    const cache = this.fresh();
    return { tally: cache.tally, streak: cache.streak, earned: cache.earned, timezone: this.timezone() };
  }

  /** Loads the achievements of every course that has progress, for the gallery. */
  async loadAchievementsFor(courseIds: readonly string[]): Promise<void> {
    for (const courseId of courseIds) await this.loadCourseAchievements(courseId);
  }
}
