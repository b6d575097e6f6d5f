// The hosted API's PostgreSQL schema (PGlite embedded, or a real PostgreSQL via DATABASE_URL).
// Migrations are generated from this file with `npx drizzle-kit generate --config server/drizzle.config.ts`.
import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, index, integer, jsonb, pgTable, primaryKey, smallint, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { learnerCourseRow } from './columns';

export const learners = pgTable('learners', {
  id: text('id').primaryKey(),
  displayName: text('display_name').notNull(),
  email: text('email'),
  /** The account's timezone: days and weeks of the daily cap and leagues (events' own are ignored). */
  timezone: text('timezone').notNull(),
  /** When the timezone was last set (changes are rate-limited). */
  timezoneChangedAt: bigint('timezone_changed_at', { mode: 'number' }),
  optedIn: boolean('opted_in').notNull().default(true),
  /** League tier for the learner's next week (0 = the first league). */
  leagueTier: integer('league_tier').notNull().default(0),
  /** The week (ISO, learner's timezone) whose league result leagueTier already reflects. */
  tierSettledWeek: text('tier_settled_week'),
  totalXp: integer('total_xp').notNull().default(0),
  streak: integer('streak').notNull().default(0),
  /** Streak freezes held (the app's rule, common/rules/streaks.ts): one per 7 days of a streak, at most 2. */
  streakFreezes: integer('streak_freezes').notNull().default(0),
  lastActiveDate: text('last_active_date'),
  lastCompletionAt: bigint('last_completion_at', { mode: 'number' }),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
});

/** Rotating refresh tokens: each use replaces the token; reuse of a replaced one revokes the family. */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    hash: text('hash').primaryKey(),
    learnerId: text('learner_id').notNull(),
    family: text('family').notNull(),
    expiresAt: bigint('expires_at', { mode: 'number' }).notNull(),
    replacedAt: bigint('replaced_at', { mode: 'number' }),
    revokedAt: bigint('revoked_at', { mode: 'number' }),
  },
  (t) => [index('refresh_tokens_family').on(t.family)],
);

/** Keys generated on first start and shared by every instance (so instances stay stateless). */
export const serverKeys = pgTable('server_keys', {
  purpose: text('purpose').primaryKey(), // credential | access
  kid: text('kid').notNull(),
  privateJwk: jsonb('private_jwk').notNull(),
  publicJwk: jsonb('public_jwk').notNull(),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
});

/**
 * What an accepted and a refused event both record of the event itself. A function, as each
 * table needs column builders of its own.
 */
const eventColumns = () => ({
  learnerId: text('learner_id').notNull(),
  idempotencyKey: text('idempotency_key').notNull(),
  kind: text('kind').notNull(),
  courseId: text('course_id'),
  lessonId: text('lesson_id'),
  occurredAt: bigint('occurred_at', { mode: 'number' }).notNull(),
});

/** Every ingested learning event, once per (learner, idempotency key). */
export const events = pgTable(
  'events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ...eventColumns(),
    localDate: text('local_date').notNull(),
    week: text('week').notNull(),
    xp: integer('xp').notNull(),
    /** The active time a completion claims: its span is [occurredAt - activeSeconds, occurredAt]. */
    activeSeconds: integer('active_seconds'),
    facts: jsonb('facts').notNull(),
    receivedAt: bigint('received_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('events_learner_key').on(t.learnerId, t.idempotencyKey),
    // Covers the dashboard's per-learner, per-course figures: one index-only range per learner
    // (kind, lesson, time, active time and XP are in the index), never a scan of every event.
    index('events_learner_course').on(t.learnerId, t.courseId, t.kind, t.lessonId, t.occurredAt, t.activeSeconds, t.xp),
  ],
);

/**
 * Events the plausibility rules refused (too fast, overlapping, a full day...): they earn no
 * XP and count on no board, but they are still the learner's progress, so a new computer
 * restores them. Ids come from the events sequence, so the restore feed pages through both
 * tables in one order.
 */
export const refusedEvents = pgTable(
  'refused_events',
  {
    id: bigint('id', { mode: 'number' })
      .primaryKey()
      .default(sql`nextval('events_id_seq')`),
    ...eventColumns(),
    /** The rule that refused it (common/rules/completion-rules.ts Rejection). */
    code: text('code').notNull(),
    facts: jsonb('facts').notNull(),
    receivedAt: bigint('received_at', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('refused_events_learner_key').on(t.learnerId, t.idempotencyKey)],
);

export const dailyXp = pgTable(
  'daily_xp',
  {
    learnerId: text('learner_id').notNull(),
    localDate: text('local_date').notNull(),
    xp: integer('xp').notNull(),
    activeSeconds: integer('active_seconds').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.learnerId, t.localDate] })],
);

/**
 * One row per (learner, course) with events: the instructor dashboard's figures, kept on ingest so
 * a cohort's table reads two rows per learner rather than their events. `done` counts distinct
 * lessons finished; the week figures are those of the ISO week (UTC) starting at `weekStart`, the
 * latest week the learner worked in the course (a later week's first event starts them again).
 */
export const courseProgress = pgTable(
  'course_progress',
  {
    learnerId: text('learner_id').notNull(),
    courseId: text('course_id').notNull(),
    done: integer('done').notNull(),
    hints: integer('hints').notNull(),
    activeSeconds: integer('active_seconds').notNull(),
    firstAt: bigint('first_at', { mode: 'number' }).notNull(),
    lastAt: bigint('last_at', { mode: 'number' }).notNull(),
    weekStart: bigint('week_start', { mode: 'number' }).notNull(),
    weekDone: integer('week_done').notNull(),
    weekXp: integer('week_xp').notNull(),
    weekHints: integer('week_hints').notNull(),
  },
  (t) => [primaryKey({ columns: [t.learnerId, t.courseId] })],
);

/**
 * One row per (board, learner): `all`, `streak`, `week:<ISO week>`, `course:<id>`.
 * Order: score descending, ties by learner id descending, so "ahead of me" is the row
 * comparison (score, learner_id) > (mine) — one range of scores_order, never a full sort.
 */
export const scores = pgTable(
  'scores',
  {
    board: text('board').notNull(),
    learnerId: text('learner_id').notNull(),
    score: integer('score').notNull(),
    visible: boolean('visible').notNull().default(true),
  },
  (t) => [
    // Learner first: a batch's boards of one learner are neighbours in one leaf page, and the
    // key serves the lookups by learner alone (no separate index to keep up).
    primaryKey({ columns: [t.learnerId, t.board] }),
    index('scores_order').on(t.board, t.visible, t.score, t.learnerId),
  ],
);

/**
 * How many visible learners hold each score on a board: a rank sums the counts of the higher
 * scores (as many rows as distinct scores, far fewer than learners) plus the ties ahead.
 */
export const scoreCounts = pgTable(
  'score_counts',
  {
    board: text('board').notNull(),
    score: integer('score').notNull(),
    /**
     * Which of a score's rows counts the learner: the stripe of score_stripes their id falls in.
     * Concurrent batches of learners at the same score change different rows rather than wait on
     * one, and as stripes follow the ties' order (learner id), the ties ahead of a learner are the
     * rows of the higher stripes plus a scan of their own stripe only.
     */
    stripe: smallint('stripe').notNull().default(0),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.board, t.score, t.stripe] })],
);

/**
 * Learner ids split into ranges, each counted in its own score_counts row (stripe): stripe k holds
 * the ids from its first_id up to the next stripe's first_id (compared as the database orders
 * learner_id, as scores_order does). Stripe 0 starts at ''. Fixed once counts exist: a change of
 * the ranges needs score_counts counted again.
 */
export const scoreStripes = pgTable('score_stripes', {
  stripe: smallint('stripe').primaryKey(),
  firstId: text('first_id').notNull(),
});

/** Weekly leagues of up to 30 learners of one tier. */
export const leagues = pgTable(
  'leagues',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    week: text('week').notNull(),
    tier: integer('tier').notNull(),
    size: integer('size').notNull().default(0),
  },
  (t) => [index('leagues_open').on(t.week, t.tier, t.size)],
);

export const leagueMembers = pgTable(
  'league_members',
  {
    week: text('week').notNull(),
    learnerId: text('learner_id').notNull(),
    leagueId: bigint('league_id', { mode: 'number' }).notNull(),
    tier: integer('tier').notNull(),
    xp: integer('xp').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.week, t.learnerId] }), index('league_members_league').on(t.leagueId, t.xp.desc(), t.learnerId)],
);

export const certificates = pgTable(
  'certificates',
  {
    ...learnerCourseRow(),
    courseTitle: text('course_title').notNull(),
    tier: text('tier').notNull(),
    issuedAt: bigint('issued_at', { mode: 'number' }).notNull(),
    jwt: text('jwt').notNull(),
    revokedAt: bigint('revoked_at', { mode: 'number' }),
    revokedReason: text('revoked_reason'),
  },
  (t) => [
    index('certificates_learner').on(t.learnerId),
    uniqueIndex('certificates_one_per_tier')
      .on(t.learnerId, t.courseId, t.tier)
      .where(sql`revoked_at is null`),
  ],
);

/**
 * The courses this server certifies: a certificate's tier is decided against the outline
 * registered here (by an admin), never against one a client sends, and its title comes from here.
 */
export const courses = pgTable('courses', {
  id: text('id').primaryKey(),
  version: text('version').notNull(),
  title: text('title').notNull(),
  /** `{ modules: [{ id, title, lessons: [{ id, type, title }] }] }` (common/sync-api/schemas.ts courseOutline). */
  outline: jsonb('outline').notNull(),
  /** sha256 of the registration (id, version, title, outline, exam bank): same digest, same course. */
  digest: text('digest').notNull(),
  /** The Silver exam's bank (common/exam/exam-format.ts), when one is registered: attempts draw from it. */
  exam: jsonb('exam'),
  registeredAt: bigint('registered_at', { mode: 'number' }).notNull(),
  registeredBy: text('registered_by').notNull(),
});
