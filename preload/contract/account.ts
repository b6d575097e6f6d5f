// The learner's account on the sync server (create with a password, sessions, export, delete,
// restore progress) and their cohorts (join after consenting, leave, assigned courses with
// deadlines, the cohort's leaderboard). Sign-in and device links are in sync.ts.
import { z } from 'zod';
import { call, event } from './define';
import { restoreOutcomeSchema, syncStatusSchema } from './sync';
import { sessionRow, sessionsResponse } from '../../common/sync-api/account-schemas';
import { cohortBoardResponse, cohortBoards, cohortConsentVersion, cohortSharedData } from '../../common/sync-api/cohort-schemas';

export { cohortSharedData, cohortConsentVersion, cohortBoards };

/** What the learner types to delete their account on the server (the server asks for it too). */
export const DELETE_ACCOUNT_CONFIRMATION = 'delete my account';

const password = z.string().min(10, 'A password needs at least 10 characters').max(200);

/** One signed-in device as the server lists it (the wire shape, passed through). */
export type AccountSession = z.infer<typeof sessionRow>;

export const restoreProgressSchema = restoreOutcomeSchema.extend({ done: z.boolean() });
export type RestoreProgress = z.infer<typeof restoreProgressSchema>;

export const cohortSchema = z.object({
  id: z.string(),
  orgName: z.string(),
  name: z.string(),
  role: z.enum(['instructor', 'learner']),
  joinedAt: z.number(),
  /** When this computer recorded the learner's consent (null: joined elsewhere). */
  consentedAt: z.number().nullable(),
  /** Whether the learner appears on this cohort's leaderboard and league (their choice, off by default). */
  onBoard: z.boolean(),
});
export type Cohort = z.infer<typeof cohortSchema>;
const cohortList = z.object({ signedIn: z.boolean(), cohorts: z.array(cohortSchema) });

export const invitePreviewSchema = z.object({
  orgName: z.string(),
  cohortName: z.string().nullable(),
  role: z.enum(['instructor', 'learner']),
  expiresAt: z.number(),
  consentVersion: z.number().int(),
});
export type InvitePreview = z.infer<typeof invitePreviewSchema>;

const inviteCode = z.string().trim().min(8, 'Enter the invite code your instructor gave you').max(40);

export const assignedCourseSchema = z.object({
  cohortId: z.string(),
  cohortName: z.string(),
  courseId: z.string(),
  /** Null when the course is not installed on this computer. */
  courseTitle: z.string().nullable(),
  dueAt: z.number().nullable(),
  lessonsDone: z.number().int(),
  lessonsTotal: z.number().int(),
  reminder: z.object({ level: z.enum(['overdue', 'due-today', 'due-soon']), text: z.string() }).nullable(),
});
export type AssignedCourse = z.infer<typeof assignedCourseSchema>;

export const accountCalls = {
  /** Creates an account with a password: a new learner on the server, signed in here. */
  'account.create': call(
    z.object({
      displayName: z.string().trim().min(1, 'Enter the name to show on leaderboards').max(80),
      email: z.email('Enter an email address like name@example.org').max(200),
      password,
      optedIn: z.boolean().default(true),
    }),
    syncStatusSchema,
  ),
  /** Adds (or changes) the email and password of the signed-in learner, so other computers can sign in. */
  'account.setPassword': call(
    z.object({ email: z.email().max(200), password, currentPassword: z.string().max(200).optional() }),
    z.object({ email: z.string() }),
  ),
  'account.sessions': call(z.object({}), sessionsResponse),
  'account.revokeSession': call(z.object({ id: z.string().min(1).max(100) }), sessionsResponse),
  /** Everything the server holds about the learner, as a JSON document to save. */
  'account.export': call(z.object({}), z.object({ fileName: z.string(), json: z.string() })),
  /** Deletes the account and everything the server holds; this computer keeps its own progress and signs out. */
  'account.delete': call(
    z.object({ confirmation: z.literal(DELETE_ACCOUNT_CONFIRMATION, `Type “${DELETE_ACCOUNT_CONFIRMATION}” to confirm`) }),
    syncStatusSchema,
  ),

  'cohorts.list': call(z.object({}), cohortList),
  /** What an invite is for, read before consenting; joins nothing. */
  'cohorts.preview': call(z.object({ code: inviteCode }), invitePreviewSchema),
  /** Joins after consent to exactly `cohortSharedData` at `cohortConsentVersion`. */
  'cohorts.join': call(
    z.object({
      code: inviteCode,
      consent: z.object({ version: z.number().int(), shares: z.array(z.string().max(40)).max(20) }),
      /** Appear on the cohort's leaderboard and league: off unless the learner ticks it. */
      onBoard: z.boolean().default(false),
    }),
    cohortList,
  ),
  /** The learner's own choice to appear on one cohort's leaderboard and league. */
  'cohorts.setBoard': call(z.object({ cohortId: z.string().min(1).max(100), onBoard: z.boolean() }), cohortList),
  'cohorts.leave': call(z.object({ cohortId: z.string().min(1).max(100) }), cohortList),
  /** Courses assigned to the learner's cohorts, with deadlines and reminders; the last known list when offline. */
  'cohorts.assigned': call(z.object({}), z.object({ assignments: z.array(assignedCourseSchema), offline: z.boolean() })),
  'cohorts.leaderboard': call(z.object({ cohortId: z.string().min(1).max(100), board: z.enum(cohortBoards).default('week') }), cohortBoardResponse),
};

export const accountEvents = {
  /** A restore in progress: events replayed so far. */
  'account.restoreProgress': event(restoreProgressSchema),
};
