// The hosted API's request and response shapes (zod): validated by the server, and parsed by
// the app's sync client, so both sides agree by construction.
import { z } from 'zod';
import { certificateTiers } from './rules/certificate-criteria';
import { eventKinds } from './rules/xp-rules';

const timezone = z.string().min(1).max(64);

/** Largest facts object per event, as JSON. */
export const maxFactsBytes = 4096;
const maxFactsDepth = 8;

/** The JSON size of `value`, or null when it nests deeper than `maxDepth` (measured without recursion). */
function jsonBytes(value: unknown, maxDepth: number): number | null {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length) {
    const item = stack.pop()!;
    if (item.value === null || typeof item.value !== 'object') continue;
    if (item.depth >= maxDepth) return null;
    for (const child of Object.values(item.value)) stack.push({ value: child, depth: item.depth + 1 });
  }
  return Buffer.byteLength(JSON.stringify(value));
}

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
  timezone,
  facts: z
    .record(z.string(), z.unknown())
    .default({})
    .superRefine((facts, ctx) => {
      const bytes = jsonBytes(facts, maxFactsDepth);
      if (bytes === null) ctx.addIssue({ code: 'custom', message: `facts may be nested at most ${maxFactsDepth} levels deep` });
      else if (bytes > maxFactsBytes) ctx.addIssue({ code: 'custom', message: `facts may take at most 4 KB as JSON, not ${bytes} bytes` });
    }),
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

/**
 * A certificate is asked for by course id and tier only: the outline the evidence is checked
 * against and the title on the credential are the server's registered ones (older apps also send
 * `courseTitle` and `lessons`; they are ignored).
 */
export const certificateRequest = z.object({
  courseId: z.string().min(1).max(120),
  tier: z.enum(certificateTiers),
});

const outlineLesson = z.object({ id: z.string().min(1).max(120), type: z.string().min(1).max(40), title: z.string().min(1).max(200) });
export const courseOutline = z.object({
  modules: z.array(z.object({ id: z.string().min(1).max(120), title: z.string().min(1).max(200), lessons: z.array(outlineLesson).min(1).max(500) })).min(1).max(200),
});
export type CourseOutline = z.infer<typeof courseOutline>;

/** PUT /v1/admin/courses/:id: what the server certifies a course against. */
export const courseRegistration = courseOutline
  .extend({
    id: z.string().min(1).max(120),
    version: z.string().min(1).max(64),
    title: z.string().min(1).max(200),
    /** Who registered it, for the record (the CLI sends user@host). */
    registeredBy: z.string().min(1).max(200).optional(),
  })
  .superRefine((course, ctx) => {
    const ids = course.modules.flatMap((m) => m.lessons.map((l) => l.id));
    if (ids.length > 2000) ctx.addIssue({ code: 'custom', path: ['modules'], message: `a course may have at most 2000 lessons, not ${ids.length}` });
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: ['modules'], message: `lesson id "${id}" is used twice` });
      seen.add(id);
    }
  });
export type CourseRegistration = z.infer<typeof courseRegistration>;

export const registeredCourse = z.object({
  id: z.string(),
  version: z.string(),
  title: z.string(),
  digest: z.string(),
  lessonCount: z.number(),
  registeredAt: z.number(),
  registeredBy: z.string(),
});
export const courseRegistrationResponse = registeredCourse.extend({ outcome: z.enum(['registered', 'updated', 'unchanged']) });
export const registeredCoursesResponse = z.object({ courses: z.array(registeredCourse) });

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
