// Request and response shapes of accounts (sign-in, device links, sessions, export, restore) and
// organisations (roles, cohorts, invites, assignments): validated by the server, parsed by the app.
import { z } from 'zod';
import { text } from './schemas';

const email = z
  .email()
  .max(200)
  .superRefine((value, ctx) => {
    if (value.includes('\u0000')) ctx.addIssue({ code: 'custom', message: 'contains a NUL character (U+0000)' });
  })
  .transform((value) => value.trim().toLowerCase());

/** Long enough to resist guessing; capped so hashing an absurd body costs nothing extra. */
const password = z.string().min(10, 'a password needs at least 10 characters').max(200);
const deviceName = text().trim().min(1).max(80);
const name = text().trim().min(1).max(120);
const id = z.uuid();

export const credentialsRequest = z.object({ email, password, currentPassword: z.string().max(200).optional() });
export const signInRequest = z.object({ email, password: z.string().min(1).max(200), deviceName: deviceName.default('Computer') });

/** Codes are read aloud or typed: case, spaces and dashes do not matter. */
export const normalizeCode = (code: string) => code.toUpperCase().replace(/[^0-9A-Z]/g, '');
const code = text().max(40).transform(normalizeCode).pipe(z.string().min(8, 'a code has at least 8 letters and digits').max(24));

export const linkRequest = z.object({ code, deviceName: deviceName.default('Computer') });
export const linkCodeResponse = z.object({ code: z.string(), expiresAt: z.number() });

export const sessionRow = z.object({
  id: z.string(),
  deviceName: z.string(),
  createdAt: z.number(),
  lastUsedAt: z.number(),
  /** The session of the computer that asked. */
  current: z.boolean(),
});
export const sessionsResponse = z.object({ sessions: z.array(sessionRow) });

export const deleteAccountRequest = z.object({ confirm: z.literal('delete my account') });

/** One stored event as the restore feed returns it: replayed into a new computer's local store. */
export const storedEvent = z.object({
  id: z.number(),
  idempotencyKey: z.string(),
  kind: z.string(),
  courseId: z.string().nullable(),
  lessonId: z.string().nullable(),
  occurredAt: z.number(),
  activeSeconds: z.number().nullable(),
  facts: z.record(z.string(), z.unknown()),
  xp: z.number(),
  /** Why the server's rules refused it (it earned nothing there); null when accepted. Older servers omit it. */
  refused: z.string().nullable().default(null),
});
export type StoredEvent = z.infer<typeof storedEvent>;
export const eventFeedResponse = z.object({ events: z.array(storedEvent), next: z.number().nullable() });

export const orgRoles = ['owner', 'instructor', 'learner'] as const;
export type OrgRole = (typeof orgRoles)[number];

export const createOrgRequest = z.object({ name });
export const seatLimitRequest = z.object({ seatLimit: z.number().int().min(1).max(100_000) });
export const createCohortRequest = z.object({ name });

export const createInviteRequest = z
  .object({
    role: z.enum(['instructor', 'learner']),
    cohortId: id.optional(),
    expiresInDays: z.number().int().min(1).max(90).default(14),
    maxUses: z.number().int().min(1).max(10_000).default(1),
  })
  .refine((invite) => invite.role === 'instructor' || invite.cohortId !== undefined, {
    path: ['cohortId'],
    message: 'a learner invite names the cohort the learner joins',
  });
export const inviteResponse = z.object({ id: z.string(), code: z.string(), expiresAt: z.number() });
export const acceptInviteRequest = z.object({ code });
/** Joining: `onBoard` is the learner's choice to appear on the cohort's leaderboard and league (off unless chosen). */
export const joinInviteRequest = acceptInviteRequest.extend({ onBoard: z.boolean().default(false) });

export const assignRequest = z.object({
  courseId: text().min(1).max(120),
  /** When the course is due (ms since the epoch), or none. */
  dueAt: z.number().int().nonnegative().nullable().default(null),
});

export const orgSummary = z.object({ id: z.string(), name: z.string(), role: z.enum(orgRoles), seatLimit: z.number(), seatsUsed: z.number() });
export const cohortSummary = z.object({ id: z.string(), orgId: z.string(), name: z.string() });
export const assignmentRow = z.object({ cohortId: z.string(), courseId: z.string(), dueAt: z.number().nullable(), assignedAt: z.number() });
export const memberRow = z.object({ learnerId: z.string(), displayName: z.string(), role: z.string(), joinedAt: z.number() });
