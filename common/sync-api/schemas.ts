// The hosted API's request and response shapes (zod): validated by the server, and parsed by
// the app's sync client, so both sides agree by construction.
import { z } from 'zod';
import { certificateTiers } from '../rules/certificate-criteria';
import { eventKinds } from '../rules/plausibility';
import { examSchema } from '../exam/exam-format';
import { bankShortfalls } from '../exam/exam-sections';
import { boardRow } from './board-row';
export { boardRow, type BoardRow } from './board-row';

// Every string that crosses the API is one a database can store as written: PostgreSQL refuses
// U+0000 in text and jsonb (a 500 that rolled back whole batches), and a lone UTF-16 surrogate is
// not Unicode at all (PostgreSQL refuses it in jsonb; drivers silently replace it in text).
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `value` cannot be stored as written, or null. */
export function unstorable(value: string): string | null {
  if (value.includes('\u0000')) return 'contains a NUL character (U+0000)';
  if (loneSurrogate.test(value)) return 'contains a lone UTF-16 surrogate (not well-formed Unicode)';
  return null;
}

const storable = (value: string, ctx: z.core.$RefinementCtx<string>) => {
  const problem = unstorable(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
};

/** A string the API accepts: storable, then the caller's length caps. */
export const text = () => z.string().superRefine(storable);

const timezone = text().min(1).max(64);

/** Largest facts object per event, as JSON. */
/**
 * The zod options of a review that names no reviewer (the reviewer is whoever signed in): a body
 * naming one is refused with why; any other unknown key keeps zod's own message.
 */
export const signedBySender = {
  error: (issue: { code?: string; keys?: readonly string[] }) =>
    issue.code === 'unrecognized_keys' && issue.keys?.some((key) => key === 'reviewer' || key === 'reviewerId')
      ? 'A review cannot name its reviewer: it is signed with the account that sends it.'
      : undefined,
};

export const maxFactsBytes = 4096;
const maxFactsDepth = 8;

/**
 * What is wrong with an event's facts, with the path to it: too deep, a key or string that cannot
 * be stored, or too big. Walked without recursion, so any nesting is measured safely.
 */
function factsProblem(facts: Record<string, unknown>): { path: (string | number)[]; message: string } | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: facts, path: [] }];
  while (stack.length) {
    const item = stack.pop()!;
    if (typeof item.value === 'string') {
      const problem = unstorable(item.value);
      if (problem) return { path: item.path, message: problem };
      continue;
    }
    if (item.value === null || typeof item.value !== 'object') continue;
    if (item.path.length >= maxFactsDepth) return { path: item.path, message: `facts may be nested at most ${maxFactsDepth} levels deep` };
    for (const [key, child] of Object.entries(item.value)) {
      const problem = unstorable(key);
      if (problem) return { path: item.path, message: `a key ${problem}` };
      stack.push({ value: child, path: [...item.path, Array.isArray(item.value) ? Number(key) : key] });
    }
  }
  const bytes = Buffer.byteLength(JSON.stringify(facts));
  return bytes > maxFactsBytes ? { path: [], message: `facts may take at most 4 KB as JSON, not ${bytes} bytes` } : null;
}

/**
 * Characters a display name may not carry: controls (Cc), format characters (Cf: bidi overrides,
 * embeddings and isolates U+202A–U+202E and U+2066–U+2069, the marks U+200E/U+200F/U+061C,
 * zero-width space and joiners, BOM, soft hyphen, tags), private use (Co) and line/paragraph
 * separators. They are invisible or reorder the text around a name, so one learner could pose as
 * another or flip a verification page; no script needs them in a name.
 */
const spoofing = /[\p{Cc}\p{Cf}\p{Co}\p{Zl}\p{Zp}]/u;

const displayName = text()
  .trim()
  .min(1)
  .max(80)
  .superRefine((name, ctx) => {
    const found = spoofing.exec(name);
    if (found) {
      const code = found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      ctx.addIssue({
        code: 'custom',
        message: `a name may not contain an invisible or direction-changing character U+${code} (at character ${found.index + 1}); type the name with letters, digits, spaces and punctuation`,
      });
    }
  });

export const registerRequest = z.object({
  displayName,
  email: z.email().max(200).superRefine(storable).optional(),
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

export const refreshRequest = z.object({ refreshToken: text().min(20).max(200) });

export const profileUpdateRequest = z.object({
  displayName: displayName.optional(),
  timezone: timezone.optional(),
  optedIn: z.boolean().optional(),
});

export const eventInput = z.object({
  idempotencyKey: text().min(1).max(300),
  kind: z.enum(eventKinds),
  courseId: text().max(120).nullish(),
  lessonId: text().max(120).nullish(),
  occurredAt: z.number().int().nonnegative(),
  /** Ignored: days and weeks are the account's timezone's (kept so older apps stay valid). */
  timezone: timezone.optional(),
  /** The active time a lesson completion claims (common/rules/completion-rules.ts). */
  activeSeconds: z.number().int().nonnegative().optional(),
  facts: z
    .record(z.string(), z.unknown())
    .default({})
    .superRefine((facts, ctx) => {
      const problem = factsProblem(facts);
      if (problem) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
    }),
});
export type EventInput = z.infer<typeof eventInput>;

/** The batch is checked as a whole for its shape only; each event is checked on its own (server/event-batch.ts). */
export const eventsRequest = z.object({ events: z.array(z.unknown()).min(1).max(200) });

export const eventResult = z.object({
  idempotencyKey: z.string(),
  status: z.enum(['accepted', 'duplicate', 'rejected']),
  code: z.string().optional(),
  /** Why an event was rejected as malformed, naming the field. */
  message: z.string().optional(),
  xp: z.number(),
});
export const eventsResponse = z.object({ results: z.array(eventResult) });
export type EventResult = z.infer<typeof eventResult>;

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
  courseId: text().min(1).max(120),
  tier: z.enum(certificateTiers),
});

export const revokeRequest = z.object({ reason: text().max(500).default('') });

const outlineLesson = z.object({ id: text().min(1).max(120), type: text().min(1).max(40), title: text().min(1).max(200) });
export const courseOutline = z.object({
  modules: z
    .array(z.object({ id: text().min(1).max(120), title: text().min(1).max(200), lessons: z.array(outlineLesson).min(1).max(500) }))
    .min(1)
    .max(200),
});
export type CourseOutline = z.infer<typeof courseOutline>;

/** The first string in `value` (any depth) that cannot be stored, with its path. */
function unstorableIn(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; message: string } | null {
  if (typeof value === 'string') {
    const problem = unstorable(value);
    return problem ? { path, message: problem } : null;
  }
  if (value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    const found = unstorableIn(child, [...path, Array.isArray(value) ? Number(key) : key]);
    if (found) return found;
  }
  return null;
}

/** A bank as registered: the course format's schema, unique ids, large enough for an attempt, storable. */
export const registeredExamBank = examSchema.superRefine((bank, ctx) => {
  if (bank.items.length > 2000) ctx.addIssue({ code: 'custom', path: ['items'], message: `a bank may hold at most 2000 items, not ${bank.items.length}` });
  const seen = new Set<string>();
  bank.items.forEach((item, index) => {
    if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: ['items', index, 'id'], message: `exam item id "${item.id}" is used twice` });
    seen.add(item.id);
  });
  for (const missing of bankShortfalls(bank))
    ctx.addIssue({ code: 'custom', path: ['items'], message: `the bank is too small for an attempt: it needs ${missing}` });
  const bad = unstorableIn(bank);
  if (bad) ctx.addIssue({ code: 'custom', path: bad.path, message: bad.message });
});

/** PUT /v1/admin/courses/:id: what the server certifies a course against. */
export const courseRegistration = courseOutline
  .extend({
    id: text().min(1).max(120),
    version: text().min(1).max(64),
    title: text().min(1).max(200),
    /** Who registered it, for the record (the CLI sends user@host). */
    registeredBy: text().min(1).max(200).optional(),
    /** The Silver exam's bank: the server serves and grades attempts from it (it joins the digest). */
    exam: registeredExamBank.optional(),
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
  /** Items in the registered exam bank; 0 when the course has no server-graded exam. */
  examItems: z.number(),
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
