// The progress service: records learning events (activity row, XP ledger rows, lesson
// progress, derived module/course completions, achievements, sync outbox row) in ONE SQLite
// transaction, idempotent by the event's key, and answers the HUD and the Progress view.
//
// Totals are always derived from the ledger and the events. For speed the service keeps them
// in memory as a cache of those tables, checked against SQLite's `data_version` at the start of
// every transaction: a write by another connection (another process) makes it reload, and a
// rolled-back transaction throws the cache away.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { DronaError } from '../../preload/contract';
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
import type { Store, StoreDb } from '../store/open-store';
import { achievements, activityEvents, lessonProgress, profile, syncOutbox, xpLedger } from '../store/schema';
import { emptyTally, newlyEarned, tallyEvent, type Tally } from './achievements';
import builtinJson from './builtin-achievements.json';
import { levelFor, levelProgress } from './levels';
import { addActivity, emptyStreak, isKnownTimezone, localDate, localHour, streakFrom, streakStatus, type StreakState } from './streaks';
import { awardFor, QUALIFYING_KINDS, type Award } from './xp-rules';

export const builtinAchievements: readonly AchievementDefinition[] = z.array(achievementDefinitionSchema).parse(builtinJson);

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
  lastQualifyingAt: number;
  activeDates: Set<string>;
  earned: Set<string>;
}

const LESSON_KINDS = new Set(['lesson-completed', 'challenge-completed', 'quiz-passed']);
const QUALIFYING_LIST = [...QUALIFYING_KINDS];

/** The facts kept in activity_events.detail: everything the rules read, replayable. */
type StoredEvent = LearningEvent & { localDate: string };

export class ProgressService {
  private cache: Cache | null = null;
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
    return [...builtinAchievements, ...[...this.courseDefinitions.values()].flat()];
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
      this.options.warn?.(`course ${courseId}: achievements not loaded: ${(error as Error).message}`);
    }
  }

  private dataVersion(): number {
    return this.store.sqlite.pragma('data_version', { simple: true }) as number;
  }

  /** The cache, rebuilt from the tables when another connection wrote since we last looked. */
  private fresh(): Cache {
    const version = this.dataVersion();
    if (this.cache && this.cache.dataVersion === version) return this.cache;
    const db = this.store.db;
    const totalXp = db.get<{ total: number }>(sql`SELECT coalesce(sum(amount), 0) AS total FROM xp_ledger`).total;
    const tally = emptyTally();
    let streak = emptyStreak;
    let lastQualifyingAt = 0;
    const activeDates = new Set<string>();
    const rows = this.store.sqlite
      .prepare('SELECT kind, occurred_at AS occurredAt, timezone, local_date AS localDate, detail FROM activity_events ORDER BY occurred_at, id')
      .all() as { kind: string; occurredAt: number; timezone: string; localDate: string; detail: string | null }[];
    for (const row of rows) {
      const facts = { ...(row.detail ? (JSON.parse(row.detail) as Partial<StoredEvent>) : {}), kind: row.kind } as StoredEvent;
      tallyEvent(tally, facts);
      if (QUALIFYING_KINDS.has(row.kind)) {
        streak = addActivity(streak, row);
        lastQualifyingAt = row.occurredAt;
        activeDates.add(row.localDate);
      }
    }
    const earned = new Set(db.select({ id: achievements.id }).from(achievements).all().map((row) => row.id));
    this.cache = { dataVersion: version, totalXp, tally, streak, lastQualifyingAt, activeDates, earned };
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
    stats.activeDays = cache.activeDates.size;
  }

  private timezone(): string {
    const row = this.store.db.select({ timezone: profile.timezone }).from(profile).get();
    return row?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  }

  /** Records one learning event; the second time a key is seen nothing changes. */
  async record(input: unknown): Promise<RecordResult> {
    const parsed = learningEventSchema.safeParse(input);
    if (!parsed.success) throw new DronaError('invalid_input', `The learning event was not recorded: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}.`);
    const event = parsed.data;
    if (!isKnownTimezone(event.timezone)) {
      throw new DronaError('invalid_input', `The learning event was not recorded: "${event.timezone}" is not a timezone this system knows. Set your timezone in Settings.`);
    }
    await this.loadCourseAchievements(event.courseId);
    let result: RecordResult;
    let kinds: AwardedEvent['kind'][] = [];
    try {
      [result, kinds] = this.store.transaction((db) => this.recordIn(db, event));
    } catch (error) {
      this.cache = null; // the transaction rolled back; the in-memory figures may include it
      throw error;
    }
    if (!result.duplicate) this.announce(result, kinds[0] ?? event.kind);
    return result;
  }

  private announce(result: RecordResult, kind: AwardedEvent['kind']): void {
    const bus = this.options.events;
    if (!bus) return;
    bus.emit('progress.changed', this.snapshot());
    if (result.awarded.length || result.achievements.length || result.levelAfter !== result.levelBefore) {
      const { duplicate: _duplicate, ...awarded } = result;
      bus.emit('progress.awarded', { ...awarded, kind });
    }
  }

  private recordIn(db: StoreDb, event: LearningEvent): [RecordResult, AwardedEvent['kind'][]] {
    const cache = this.fresh();
    const levelBefore = levelFor(cache.totalXp);
    const awarded: Award[] = [];
    const earned: AchievementDefinition[] = [];
    const kinds: AwardedEvent['kind'][] = [];
    const first = this.apply(db, cache, event, awarded, earned);
    if (!first) {
      return [{ awarded: [], achievements: [], levelBefore, levelAfter: levelBefore, totalXp: cache.totalXp, duplicate: true }, kinds];
    }
    kinds.push(event.kind);
    for (const derived of this.completions(db, event)) if (this.apply(db, cache, derived, awarded, earned)) kinds.push(derived.kind);
    // Keep the data_version we hold: our own commits do not change it for this connection.
    cache.dataVersion = this.dataVersion();
    return [
      {
        awarded: awarded.map(({ activity, amount, bonusPercent }) => ({ activity, amount, bonusPercent })),
        achievements: earned.map(({ id, title }) => ({ id, title })),
        levelBefore,
        levelAfter: levelFor(cache.totalXp),
        totalXp: cache.totalXp,
        duplicate: false,
      },
      kinds,
    ];
  }

  /** Applies one event inside the open transaction; false when its key was recorded before. */
  private apply(db: StoreDb, cache: Cache, input: LearningEvent, awarded: Award[], earned: AchievementDefinition[]): boolean {
    const date = localDate(input.occurredAt, input.timezone);
    const event: StoredEvent = { ...input, underPar: input.underPar ?? this.underPar(db, input), localDate: date };
    const inserted = db
      .insert(activityEvents)
      .values({
        idempotencyKey: event.idempotencyKey,
        kind: event.kind,
        courseId: event.courseId ?? null,
        lessonId: event.lessonId ?? null,
        occurredAt: event.occurredAt,
        timezone: event.timezone,
        localDate: date,
        detail: event,
      })
      .onConflictDoNothing()
      .run();
    if (inserted.changes === 0) return false;

    const before = streakStatus(cache.streak, event.occurredAt, event.timezone);
    const award = awardFor(event, { streakActive: before.alive && before.current > 0 });
    if (award) {
      db.insert(xpLedger)
        .values({
          idempotencyKey: event.idempotencyKey,
          activity: award.activity,
          baseXp: award.baseXp,
          bonusPercent: award.bonusPercent,
          amount: award.amount,
          courseId: event.courseId ?? null,
          lessonId: event.lessonId ?? null,
          occurredAt: event.occurredAt,
          timezone: event.timezone,
          localDate: date,
          detail: { bonuses: award.bonuses },
        })
        .run();
      cache.totalXp += award.amount;
      awarded.push(award);
    }
    if (LESSON_KINDS.has(event.kind) && event.courseId && event.lessonId) this.completeLesson(db, event);

    tallyEvent(cache.tally, event);
    if (QUALIFYING_KINDS.has(event.kind)) {
      if (event.occurredAt >= cache.lastQualifyingAt) {
        cache.streak = addActivity(cache.streak, event);
        cache.lastQualifyingAt = event.occurredAt;
      } else {
        // An event from the past (a replay, a clock fix): rebuild the streak in time order.
        cache.streak = streakFrom(
          db.all<{ occurredAt: number; timezone: string; localDate: string }>(
            sql`SELECT occurred_at AS occurredAt, timezone, local_date AS localDate FROM activity_events WHERE kind IN (${sql.join(QUALIFYING_LIST.map((kind) => sql`${kind}`), sql`, `)}) ORDER BY occurred_at, id`,
          ),
        );
      }
      cache.activeDates.add(date);
    }
    this.syncDerivedStats(cache);

    const newly = newlyEarned(this.definitions(), cache.earned, cache.tally, { ...event, localHour: localHour(event.occurredAt, event.timezone) });
    for (const definition of newly) {
      const row = db
        .insert(achievements)
        .values({ id: definition.id, earnedAt: event.occurredAt, eventKey: event.idempotencyKey, detail: { title: definition.title } })
        .onConflictDoNothing()
        .run();
      cache.earned.add(definition.id);
      if (row.changes > 0) earned.push(definition);
    }

    db.insert(syncOutbox)
      .values({
        idempotencyKey: event.idempotencyKey,
        kind: event.kind,
        payload: { event, awarded: award ? [{ activity: award.activity, amount: award.amount, bonusPercent: award.bonusPercent }] : [], achievements: newly.map((d) => d.id) },
        createdAt: this.now(),
      })
      .onConflictDoNothing()
      .run();
    return true;
  }

  /** Under par when the event says so, or when its elapsed time is under the lesson's par time. */
  private underPar(db: StoreDb, event: LearningEvent): boolean | undefined {
    if (!LESSON_KINDS.has(event.kind) || event.elapsedSeconds === undefined || !event.courseId || !event.lessonId) return undefined;
    const row = db.get<{ par: number | null } | undefined>(sql`SELECT par_time_seconds AS par FROM lessons WHERE course_id = ${event.courseId} AND lesson_id = ${event.lessonId}`);
    return row?.par ? event.elapsedSeconds <= row.par : undefined;
  }

  private completeLesson(db: StoreDb, event: StoredEvent): void {
    const seconds = Math.round(event.elapsedSeconds ?? 0);
    db.insert(lessonProgress)
      .values({ courseId: event.courseId!, lessonId: event.lessonId!, status: 'completed', startedAt: event.occurredAt, completedAt: event.occurredAt, activeSeconds: seconds })
      .onConflictDoUpdate({
        target: [lessonProgress.courseId, lessonProgress.lessonId],
        set: {
          status: 'completed',
          completedAt: sql`coalesce(${lessonProgress.completedAt}, ${event.occurredAt})`,
          activeSeconds: sql`max(${lessonProgress.activeSeconds}, ${seconds})`,
        },
      })
      .run();
  }

  /** Module and course completions this lesson event finishes (from the installed course outline). */
  private completions(db: StoreDb, event: LearningEvent): LearningEvent[] {
    if (!LESSON_KINDS.has(event.kind) || !event.courseId || !event.lessonId) return [];
    const lesson = db.get<{ moduleId: string } | undefined>(sql`SELECT module_id AS moduleId FROM lessons WHERE course_id = ${event.courseId} AND lesson_id = ${event.lessonId}`);
    if (!lesson) return [];
    const open = (moduleOnly: boolean) =>
      db.get<{ open: number; active: number; par: number; unknownPar: number }>(sql`
        SELECT sum(coalesce(p.status, '') <> 'completed') AS open, coalesce(sum(p.active_seconds), 0) AS active,
               coalesce(sum(l.par_time_seconds), 0) AS par, sum(l.par_time_seconds IS NULL) AS unknownPar
        FROM lessons l LEFT JOIN lesson_progress p ON p.course_id = l.course_id AND p.lesson_id = l.lesson_id
        WHERE l.course_id = ${event.courseId} AND l.removed_at IS NULL ${moduleOnly ? sql`AND l.module_id = ${lesson.moduleId}` : sql``}`);
    const base = { courseId: event.courseId, occurredAt: event.occurredAt, timezone: event.timezone };
    const derived: LearningEvent[] = [];
    const module = open(true);
    if (module.open === 0) {
      derived.push({
        ...base,
        kind: 'module-completed',
        moduleId: lesson.moduleId,
        idempotencyKey: `module-completed:${event.courseId}:${lesson.moduleId}`,
        underPar: module.unknownPar === 0 && module.par > 0 && module.active > 0 && module.active <= module.par,
      });
      if (open(false).open === 0) derived.push({ ...base, kind: 'course-completed', idempotencyKey: `course-completed:${event.courseId}` });
    }
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
