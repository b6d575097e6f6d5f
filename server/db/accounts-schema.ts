// Accounts (email + password, linked devices, sessions) and organisations (members in roles,
// cohorts, invites, course assignments). Kept apart from schema.ts so each part stays readable;
// drizzle.config.ts reads both.
import { bigint, boolean, index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';

/** A learner who can sign in from another computer: one email (lowercased) per account. */
export const accounts = pgTable(
  'accounts',
  {
    learnerId: text('learner_id').primaryKey(),
    email: text('email').notNull(),
    /** `scrypt$N$r$p$salt$hash` (server/passwords.ts). */
    passwordHash: text('password_hash').notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('accounts_email').on(t.email)],
);

/** One signed-in device: its id is the refresh-token family, so revoking it ends that family. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    learnerId: text('learner_id').notNull(),
    deviceName: text('device_name').notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    lastUsedAt: bigint('last_used_at', { mode: 'number' }).notNull(),
    revokedAt: bigint('revoked_at', { mode: 'number' }),
  },
  (t) => [index('sessions_learner').on(t.learnerId)],
);

/** Short single-use codes a signed-in device shows to link another one (stored hashed). */
export const linkCodes = pgTable(
  'link_codes',
  {
    hash: text('hash').primaryKey(),
    learnerId: text('learner_id').notNull(),
    expiresAt: bigint('expires_at', { mode: 'number' }).notNull(),
    usedAt: bigint('used_at', { mode: 'number' }),
  },
  (t) => [index('link_codes_learner').on(t.learnerId)],
);

export const organisations = pgTable('organisations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** Members the organisation may hold, every role counted. */
  seatLimit: integer('seat_limit').notNull(),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
});

export const orgMembers = pgTable(
  'org_members',
  {
    orgId: text('org_id').notNull(),
    learnerId: text('learner_id').notNull(),
    role: text('role').notNull(), // owner | instructor | learner
    joinedAt: bigint('joined_at', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.learnerId] }), index('org_members_learner').on(t.learnerId)],
);

export const cohorts = pgTable(
  'cohorts',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull(),
    name: text('name').notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('cohorts_org').on(t.orgId)],
);

/** Who is in a cohort: its instructors (who see it) and its learners. */
export const cohortMembers = pgTable(
  'cohort_members',
  {
    cohortId: text('cohort_id').notNull(),
    learnerId: text('learner_id').notNull(),
    role: text('role').notNull(), // instructor | learner
    joinedAt: bigint('joined_at', { mode: 'number' }).notNull(),
    /** Whether the learner chose to appear on this cohort's leaderboard and league (only they can set it; off until they do). */
    onBoard: boolean('on_board').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.learnerId] }), index('cohort_members_learner').on(t.learnerId)],
);

/** Invite codes (stored hashed): join an organisation in a role, and optionally one cohort. */
export const invites = pgTable(
  'invites',
  {
    id: text('id').primaryKey(),
    codeHash: text('code_hash').notNull(),
    orgId: text('org_id').notNull(),
    cohortId: text('cohort_id'),
    role: text('role').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    expiresAt: bigint('expires_at', { mode: 'number' }).notNull(),
    maxUses: integer('max_uses').notNull(),
    uses: integer('uses').notNull().default(0),
    revokedAt: bigint('revoked_at', { mode: 'number' }),
  },
  (t) => [uniqueIndex('invites_code').on(t.codeHash), index('invites_org').on(t.orgId)],
);

export const assignments = pgTable(
  'assignments',
  {
    cohortId: text('cohort_id').notNull(),
    courseId: text('course_id').notNull(),
    dueAt: bigint('due_at', { mode: 'number' }),
    assignedAt: bigint('assigned_at', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.courseId] })],
);
