// The local store's schema (SQLite through drizzle). Timestamps are epoch milliseconds.
// Change it, then run `npm run db:generate` to write a migration; never edit an applied one.
// Over 350 lines on purpose: drizzle-kit diffs one schema file into each migration.
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** The lesson a row is about. Functions, as every table needs column builders of its own. */
const lessonColumns = () => ({ courseId: text('course_id').notNull(), lessonId: text('lesson_id').notNull() });
/** The lesson a row is about, when it is about one. */
const optionalLessonColumns = () => ({ courseId: text('course_id'), lessonId: text('lesson_id') });

// ── learner ────────────────────────────────────────────────────────────────────────────
export const profile = sqliteTable('profile', {
  id: integer('id').primaryKey(), // always 1: one learner per data directory
  name: text('name').notNull(),
  goal: text('goal').notNull().default(''),
  experienceLevel: text('experience_level').notNull(),
  gamificationMode: text('gamification_mode').notNull(),
  timezone: text('timezone').notNull(),
  createdAt: integer('created_at').notNull(),
  firstRunCompletedAt: integer('first_run_completed_at'),
});

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: integer('updated_at').notNull(),
});

// ── content, as imported ───────────────────────────────────────────────────────────────
export const domains = sqliteTable('domains', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  position: integer('position').notNull().default(0),
});

export const tracks = sqliteTable('tracks', {
  id: text('id').primaryKey(),
  domainId: text('domain_id')
    .notNull()
    .references(() => domains.id),
  title: text('title').notNull(),
  position: integer('position').notNull().default(0),
});

export const courses = sqliteTable('courses', {
  id: text('id').primaryKey(),
  trackId: text('track_id')
    .notNull()
    .references(() => tracks.id),
  title: text('title').notNull(),
  version: text('version').notNull(),
  summary: text('summary').notNull().default(''),
  difficulty: text('difficulty').notNull(),
  languages: text('languages', { mode: 'json' }).$type<string[]>().notNull(),
  estimatedHours: real('estimated_hours').notNull().default(0),
  prerequisites: text('prerequisites', { mode: 'json' }).$type<string[]>().notNull(),
  authors: text('authors', { mode: 'json' }).$type<string[]>().notNull(),
  license: text('license').notNull().default(''),
  /** Folder under the data dir that holds the installed bundle. */
  installPath: text('install_path').notNull(),
  manifestDigest: text('manifest_digest').notNull().default(''),
  builtIn: integer('built_in', { mode: 'boolean' }).notNull().default(false),
  installedAt: integer('installed_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});
/** A part of an installed course's content: removing the course removes it. */
const installedCourseId = () =>
  text('course_id')
    .notNull()
    .references(() => courses.id, { onDelete: 'cascade' });

export const modules = sqliteTable(
  'modules',
  {
    courseId: installedCourseId(),
    moduleId: text('module_id').notNull(),
    title: text('title').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.moduleId] })],
);

/** Lessons keep their row (with removedAt) when a newer course version drops them, so history stays. */
export const lessons = sqliteTable(
  'lessons',
  {
    courseId: installedCourseId(),
    lessonId: text('lesson_id').notNull(),
    moduleId: text('module_id').notNull(),
    title: text('title').notNull(),
    type: text('type').notNull(),
    xp: integer('xp').notNull().default(0),
    parTimeSeconds: integer('par_time_seconds'),
    position: integer('position').notNull(),
    /** Path of the lesson's Markdown file inside the installed bundle. */
    path: text('path').notNull(),
    removedAt: integer('removed_at'),
    /** Ids of the course concepts this lesson teaches. */
    concepts: text('concepts', { mode: 'json' }).$type<string[]>().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.lessonId] }), index('lessons_module').on(t.courseId, t.moduleId)],
);

/** The ideas a course teaches, as its course.yaml declares them; ids are unique within a course. */
export const concepts = sqliteTable(
  'concepts',
  {
    courseId: installedCourseId(),
    conceptId: text('concept_id').notNull(),
    title: text('title').notNull(),
    prerequisites: text('prerequisites', { mode: 'json' }).$type<string[]>().notNull().default([]),
    /** The lesson that teaches it, when the course names one. */
    lessonId: text('lesson_id'),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.conceptId] })],
);

// ── progress ───────────────────────────────────────────────────────────────────────────
export const lessonProgress = sqliteTable(
  'lesson_progress',
  {
    ...lessonColumns(),
    status: text('status').notNull().default('not_started'), // not_started | in_progress | completed
    startedAt: integer('started_at'),
    completedAt: integer('completed_at'),
    activeSeconds: integer('active_seconds').notNull().default(0),
    attemptCount: integer('attempt_count').notNull().default(0),
    hintsRevealed: integer('hints_revealed').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.lessonId] })],
);

/** Active time (idle excluded) per lesson and local day: the weekly summary's "time". */
export const activeTime = sqliteTable(
  'active_time',
  {
    ...lessonColumns(),
    localDate: text('local_date').notNull(),
    seconds: integer('seconds').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.lessonId, t.localDate] }), index('active_time_date').on(t.localDate)],
);

export const attempts = sqliteTable(
  'attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ...lessonColumns(),
    kind: text('kind').notNull(), // check | quiz | reflection
    passed: integer('passed', { mode: 'boolean' }).notNull(),
    score: real('score'),
    detail: text('detail', { mode: 'json' }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('attempts_lesson').on(t.courseId, t.lessonId, t.createdAt)],
);

export const hintReveals = sqliteTable(
  'hint_reveals',
  {
    ...lessonColumns(),
    hintIndex: integer('hint_index').notNull(),
    revealedAt: integer('revealed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.lessonId, t.hintIndex] })],
);

/** Qualifying activities, with the learner's timezone and local date at the time (streaks). */
export const activityEvents = sqliteTable(
  'activity_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    idempotencyKey: text('idempotency_key').notNull(),
    kind: text('kind').notNull(),
    ...optionalLessonColumns(),
    occurredAt: integer('occurred_at').notNull(),
    timezone: text('timezone').notNull(),
    localDate: text('local_date').notNull(), // YYYY-MM-DD in `timezone`
    detail: text('detail', { mode: 'json' }),
  },
  (t) => [uniqueIndex('activity_events_key').on(t.idempotencyKey), index('activity_events_date').on(t.localDate)],
);

/** Append-only: totals are sums over this table, never a counter edited on the side. */
export const xpLedger = sqliteTable(
  'xp_ledger',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    idempotencyKey: text('idempotency_key').notNull(),
    activity: text('activity').notNull(),
    baseXp: integer('base_xp').notNull(),
    bonusPercent: integer('bonus_percent').notNull().default(0),
    amount: integer('amount').notNull(),
    ...optionalLessonColumns(),
    occurredAt: integer('occurred_at').notNull(),
    timezone: text('timezone').notNull(),
    localDate: text('local_date').notNull(),
    detail: text('detail', { mode: 'json' }),
  },
  (t) => [uniqueIndex('xp_ledger_key').on(t.idempotencyKey), index('xp_ledger_date').on(t.localDate)],
);

export const achievements = sqliteTable('achievements', {
  id: text('id').primaryKey(),
  earnedAt: integer('earned_at').notNull(),
  eventKey: text('event_key').notNull(),
  detail: text('detail', { mode: 'json' }),
});

export const journalEntries = sqliteTable('journal_entries', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  ...lessonColumns(),
  text: text('text').notNull(),
  createdAt: integer('created_at').notNull(),
});

// ── tutor ──────────────────────────────────────────────────────────────────────────────
export const aiSessions = sqliteTable(
  'ai_sessions',
  {
    id: text('id').primaryKey(),
    ...optionalLessonColumns(),
    provider: text('provider').notNull(),
    model: text('model'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    clearedAt: integer('cleared_at'),
  },
  (t) => [index('ai_sessions_lesson').on(t.courseId, t.lessonId)],
);

export const aiMessages = sqliteTable(
  'ai_messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sessionId: text('session_id')
      .notNull()
      .references(() => aiSessions.id, { onDelete: 'cascade' }),
    role: text('role').notNull(), // user | assistant | system-note
    agent: text('agent'),
    content: text('content').notNull(),
    meta: text('meta', { mode: 'json' }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('ai_messages_session').on(t.sessionId, t.id)],
);

/**
 * Spaced-review cards (Practice). `key` names the card's cause (`missed-quiz:<course>:<lesson>:<question>`)
 * so adding the same card twice keeps one. The schedule is FSRS state (main/learner/review-schedule.ts).
 */
export const reviewCards = sqliteTable(
  'review_cards',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull(),
    source: text('source').notNull(), // missed-quiz | tutor-quiz | course-check
    ...optionalLessonColumns(),
    conceptId: text('concept_id'),
    item: text('item', { mode: 'json' }).notNull(),
    schedule: text('schedule', { mode: 'json' }).notNull(),
    dueAt: integer('due_at').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('review_cards_key').on(t.key), index('review_cards_due').on(t.dueAt)],
);

/** Every review answer: the retention metric and the export read it. */
export const reviewLog = sqliteTable(
  'review_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    cardId: integer('card_id').notNull(),
    correct: integer('correct', { mode: 'boolean' }).notNull(),
    rating: text('rating').notNull(),
    responseMs: integer('response_ms').notNull(),
    reviewedAt: integer('reviewed_at').notNull(),
  },
  (t) => [index('review_log_card').on(t.cardId), index('review_log_at').on(t.reviewedAt)],
);

// ── learner model ──────────────────────────────────────────────────────────────────────
/** Per concept, the current probability the learner knows it; updated with each piece of evidence. */
export const conceptMastery = sqliteTable(
  'concept_mastery',
  {
    courseId: text('course_id').notNull(),
    conceptId: text('concept_id').notNull(),
    probability: real('probability').notNull(),
    evidenceCount: integer('evidence_count').notNull().default(0),
    successCount: integer('success_count').notNull().default(0),
    lastEvidenceAt: integer('last_evidence_at').notNull(),
    lastSuccessAt: integer('last_success_at'),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.conceptId] })],
);

/** Every piece of evidence applied to mastery, once (the key makes a replay a no-op). */
export const masteryEvidence = sqliteTable(
  'mastery_evidence',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull(),
    courseId: text('course_id').notNull(),
    conceptId: text('concept_id').notNull(),
    kind: text('kind').notNull(), // an EvidenceKind of main/learner/mastery.ts
    correct: integer('correct', { mode: 'boolean' }).notNull(),
    timeRatio: real('time_ratio'),
    probabilityBefore: real('probability_before').notNull(),
    probabilityAfter: real('probability_after').notNull(),
    occurredAt: integer('occurred_at').notNull(),
  },
  (t) => [uniqueIndex('mastery_evidence_key').on(t.key), index('mastery_evidence_concept').on(t.courseId, t.conceptId, t.occurredAt)],
);

/**
 * Per local date, sums of the XP ledger and of activity events, for the Progress view and the
 * learning metrics. Kept by triggers of migration 0008 in the transaction of each insert (an
 * insert ignored as a duplicate fires none), so they always equal a rescan of the history
 * (main/learner/daily-totals.ts).
 */
export const dailyTotals = sqliteTable('daily_totals', {
  localDate: text('local_date').primaryKey(),
  xp: integer('xp').notNull().default(0),
  xpEntries: integer('xp_entries').notNull().default(0),
  qualifying: integer('qualifying').notNull().default(0),
  lessons: integer('lessons').notNull().default(0),
  modules: integer('modules').notNull().default(0),
});

/**
 * Per UTC day (days since the epoch), the interactions (activity events, attempts, hints,
 * reviews), the reviews and how many were recalled, and which half hours saw an interaction
 * (bit n: from n × 30 minutes after midnight UTC). Same triggers as above.
 */
export const dailyInteractions = sqliteTable('daily_interactions', {
  day: integer('day').primaryKey(),
  interactions: integer('interactions').notNull().default(0),
  reviews: integer('reviews').notNull().default(0),
  recalled: integer('recalled').notNull().default(0),
  slots: integer('slots').notNull().default(0),
});

// ── sandbox and workspace ──────────────────────────────────────────────────────────────
export const codeExecutions = sqliteTable(
  'code_executions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ...optionalLessonColumns(),
    kind: text('kind').notNull(), // run | check
    language: text('language').notNull(),
    driver: text('driver').notNull(), // docker | process
    outcome: text('outcome').notNull(),
    exitCode: integer('exit_code'),
    durationMs: integer('duration_ms').notNull(),
    waitMs: integer('wait_ms').notNull().default(0),
    result: text('result', { mode: 'json' }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('code_executions_lesson').on(t.courseId, t.lessonId, t.createdAt)],
);

export const workspaceSnapshots = sqliteTable(
  'workspace_snapshots',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ...lessonColumns(),
    filePath: text('file_path').notNull(),
    content: text('content').notNull(),
    digest: text('digest').notNull(),
    reason: text('reason').notNull(), // save | reset | restore | external
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('workspace_snapshots_file').on(t.courseId, t.lessonId, t.filePath, t.id)],
);

// ── certificates and sync ──────────────────────────────────────────────────────────────
export const certificates = sqliteTable('certificates', {
  id: text('id').primaryKey(), // the credential id
  tier: text('tier').notNull(), // bronze | silver | gold
  courseId: text('course_id').notNull(),
  issuedAt: integer('issued_at').notNull(),
  jwt: text('jwt').notNull(),
  payload: text('payload', { mode: 'json' }).notNull(),
  /** The issuer's public page; none for a self-issued certificate. */
  verifyUrl: text('verify_url'),
  revokedAt: integer('revoked_at'),
  /** 'server' (signed by the sync server) or 'self' (signed by this app's device key). */
  issuedBy: text('issued_by').notNull().default('server'),
  /** For a self-issued certificate: the server-issued one it was exchanged for. */
  replacedBy: text('replaced_by'),
});

/** Written in the same transaction as the progress it reports; drained in id order. */
export const syncOutbox = sqliteTable(
  'sync_outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    idempotencyKey: text('idempotency_key').notNull(),
    kind: text('kind').notNull(),
    payload: text('payload', { mode: 'json' }).notNull(),
    createdAt: integer('created_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull().default(0),
    sentAt: integer('sent_at'),
    lastError: text('last_error'),
  },
  (t) => [uniqueIndex('sync_outbox_key').on(t.idempotencyKey), index('sync_outbox_pending').on(t.sentAt, t.id)],
);

// ── exams (main/exam) ──────────────────────────────────────────────────────────────────
/** One Silver exam attempt; graded in main from the answers below. */
export const examAttempts = sqliteTable(
  'exam_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    courseId: text('course_id').notNull(),
    courseVersion: text('course_version').notNull(),
    seed: text('seed').notNull(),
    status: text('status').notNull(), // in-progress | passed | failed | pending-review
    /** The section being taken (0–3); 4 once every section is submitted. */
    section: integer('section').notNull().default(0),
    firstAttempt: integer('first_attempt', { mode: 'boolean' }).notNull(),
    startedAt: integer('started_at').notNull(),
    finishedAt: integer('finished_at'),
    overall: real('overall'),
    /** The sync server's attempt this row restores (graded there); null for one taken in this app. */
    serverAttemptId: text('server_attempt_id'),
  },
  (t) => [index('exam_attempts_course').on(t.courseId, t.id), uniqueIndex('exam_attempts_server').on(t.serverAttemptId)],
);

/** A part of an exam attempt: removing the attempt removes it. */
const examAttemptId = () =>
  integer('attempt_id')
    .notNull()
    .references(() => examAttempts.id, { onDelete: 'cascade' });

/** A section's clock and score. */
export const examSections = sqliteTable(
  'exam_sections',
  {
    attemptId: examAttemptId(),
    section: text('section').notNull(), // conceptual | codeAnalysis | challenges | design
    usedMs: integer('used_ms').notNull().default(0),
    seenAt: integer('seen_at').notNull(),
    submittedAt: integer('submitted_at'),
    timedOut: integer('timed_out', { mode: 'boolean' }).notNull().default(false),
    /** 0–100; null until submitted (design: until reviewed). */
    score: real('score'),
  },
  (t) => [primaryKey({ columns: [t.attemptId, t.section] })],
);

/** Every answer as last saved; `correct`/`score` are main's grading. */
export const examAnswers = sqliteTable(
  'exam_answers',
  {
    attemptId: examAttemptId(),
    itemId: text('item_id').notNull(),
    section: text('section').notNull(),
    position: integer('position').notNull(),
    answer: text('answer', { mode: 'json' }),
    correct: integer('correct', { mode: 'boolean' }),
    score: real('score'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.attemptId, t.itemId] })],
);

// ── Gold projects (main/project) ───────────────────────────────────────────────────────
/** The project a learner took on for a course: a course brief or their own, with its milestones. */
export const projects = sqliteTable(
  'projects',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    courseId: text('course_id').notNull(),
    /** The course brief's id; null for a project the learner proposed. */
    briefId: text('brief_id'),
    title: text('title').notNull(),
    goal: text('goal').notNull(),
    /** [{ title, done }] in the brief's (or the learner's) order. */
    milestones: text('milestones', { mode: 'json' }).notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('projects_course').on(t.courseId, t.id)],
);

/** One submission of a project: what main found in the folder and the tests main ran in the sandbox. */
export const projectSubmissions = sqliteTable('project_submissions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  projectId: integer('project_id')
    .notNull()
    .references(() => projects.id, { onDelete: 'cascade' }),
  folder: text('folder').notNull(),
  demoUrl: text('demo_url'),
  /** The rubric's automated checks (tests passed, test count, lint, README), as main measured them. */
  automated: text('automated', { mode: 'json' }).notNull(),
  /** The sandbox's test results: [{ name, status, message }]. */
  tests: text('tests', { mode: 'json' }).notNull(),
  /** The files reviewed (path and content), so a later review reads what was submitted. */
  files: text('files', { mode: 'json' }).notNull(),
  status: text('status').notNull(), // awaiting-review | reviewed
  submittedAt: integer('submitted_at').notNull(),
});

/** A rubric review of a submission (the Project Guide's draft or a person's scores), with main's verdict. */
export const projectReviews = sqliteTable('project_reviews', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  submissionId: integer('submission_id')
    .notNull()
    .references(() => projectSubmissions.id, { onDelete: 'cascade' }),
  /** The ProjectReview record (common/rules/project-review.ts). */
  review: text('review', { mode: 'json' }).notNull(),
  overall: real('overall').notNull(),
  accepted: integer('accepted', { mode: 'boolean' }).notNull(),
  exceptional: integer('exceptional', { mode: 'boolean' }).notNull(),
  reviewedAt: integer('reviewed_at').notNull(),
});
