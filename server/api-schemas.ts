// The hosted API's request and response shapes (zod): validated by the server, and parsed by
// the app's sync client, so both sides agree by construction.
import { z } from 'zod';
import { certificateTiers } from './rules/certificate-criteria';
import { eventKinds } from './rules/xp-rules';

const timezone = z.string().min(1).max(64);

export const registerRequest = z.object({
  displayName: z.string().trim().min(1).max(80),
  email: z.email().max(200).optional(),
  timezone,
  optedIn: z.boolean().default(true),
});

export const tokensResponse = z.object({
  learnerId: z.string(),
  accessToken: z.string(),
  refreshToken: z.string(),
  accessExpiresAt: z.number(),
});
export type Tokens = z.infer<typeof tokensResponse>;

export const refreshRequest = z.object({ refreshToken: z.string().min(20).max(200) });

export const profileUpdateRequest = z.object({
  displayName: z.string().trim().min(1).max(80).optional(),
  timezone: timezone.optional(),
  optedIn: z.boolean().optional(),
});

export const eventInput = z.object({
  idempotencyKey: z.string().min(1).max(300),
  kind: z.enum(eventKinds),
  courseId: z.string().max(120).nullish(),
  lessonId: z.string().max(120).nullish(),
  occurredAt: z.number().int().nonnegative(),
  /** Ignored: days and weeks are the account's timezone's (kept so older apps stay valid). */
  timezone: timezone.optional(),
  /** The active time a lesson completion claims (server/rules/completion-rules.ts). */
  activeSeconds: z.number().int().nonnegative().optional(),
  facts: z.record(z.string(), z.unknown()).default({}),
});
export type EventInput = z.infer<typeof eventInput>;

export const eventsRequest = z.object({ events: z.array(eventInput).min(1).max(200) });

export const eventResult = z.object({
  idempotencyKey: z.string(),
  status: z.enum(['accepted', 'duplicate', 'rejected']),
  code: z.string().optional(),
  xp: z.number(),
});
export const eventsResponse = z.object({ results: z.array(eventResult) });
export type EventResult = z.infer<typeof eventResult>;

export const boardRow = z.object({
  rank: z.number(),
  learnerId: z.string(),
  displayName: z.string(),
  score: z.number(),
});
export type BoardRow = z.infer<typeof boardRow>;

export const aroundResponse = z.object({
  board: z.string(),
  me: boardRow.nullable(),
  above: z.array(boardRow),
  below: z.array(boardRow),

});
export type AroundResponse = z.infer<typeof aroundResponse>;

export const pageResponse = z.object({ board: z.string(), rows: z.array(boardRow), next: z.string().nullable() });

export const leagueResponse = z.object({
  week: z.string(),
  tier: z.number(),
  tierName: z.string(),
  promote: z.number(),
  demote: z.number(),
  members: z.array(boardRow),
});
export type LeagueResponse = z.infer<typeof leagueResponse>;

export const certificateRequest = z.object({
  courseId: z.string().min(1).max(120),
  courseTitle: z.string().min(1).max(200),
  tier: z.enum(certificateTiers),
  /** The course outline the evidence is checked against. */
  lessons: z.array(z.object({ id: z.string().min(1).max(120), type: z.string().max(40), title: z.string().max(200).optional() })).min(1).max(2000),
});

export const certificateResponse = z.object({
  id: z.string(),
  tier: z.enum(certificateTiers),
  courseId: z.string(),
  courseTitle: z.string(),
  issuedAt: z.number(),
  jwt: z.string(),
  verifyUrl: z.string(),
  revokedAt: z.number().nullable(),
});
export type IssuedCertificate = z.infer<typeof certificateResponse>;

/** GET /v1/certificates: the learner's certificates, revoked ones included. */
export const certificatesResponse = z.object({ certificates: z.array(certificateResponse) });

export const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) });
