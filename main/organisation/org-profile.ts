// A bootcamp's organisation profile (org.yaml): its branding, servers, tutor, bundled courses,
// required path and locked settings. Validated here; signed and verified in org-signature.ts.
import { parse } from 'yaml';
import { z } from 'zod';
import { lockableSettings, type LockableSetting } from '../../preload/contract/organisation';

export { lockableSettings, type LockableSetting };

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const courseFile = z
  .string()
  .regex(/^[\w./-]+\.drona$/, 'must be a .drona file path relative to org.yaml')
  .refine((p) => !p.split('/').includes('..'), 'must stay inside the folder of org.yaml');

export const orgProfileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'must be lower-case letters, digits and dashes, e.g. "acme-bootcamp"'),
    name: z.string().trim().min(1).max(80),
    logo: z
      .string()
      .regex(/^[\w./-]+\.(svg|png)$/, 'must be an .svg or .png file beside org.yaml')
      .optional(),
    accentColor: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour as #rrggbb')
      .optional(),
    certificateIssuer: z.string().trim().min(1).max(120).optional(),
    syncServer: httpUrl.optional(),
    updateFeed: httpUrl.optional(),
    tutor: z
      .object({
        provider: z.enum(['anthropic', 'ollama', 'none']),
        model: z.string().min(1).max(120).optional(),
        baseUrl: httpUrl.optional(),
        dailyBudget: z.number().int().positive().nullable().optional(),
      })
      .strict()
      .optional(),
    courses: z.array(courseFile).max(100).default([]),
    /** Course ids in the order learners take them. */
    requiredPath: z
      .array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/))
      .max(100)
      .default([]),
    locked: z.array(z.enum(lockableSettings)).default([]),
  })
  .strict();
export type OrgProfile = z.infer<typeof orgProfileSchema>;

export class OrgProfileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`${file} is not a valid organisation profile:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses org.yaml's text; every problem names its field (and line, for YAML syntax errors). */
export function parseOrgProfile(text: string, file = 'org.yaml'): OrgProfile {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    throw new OrgProfileError(file, [`line ${line ?? '?'}: not valid YAML (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`]);
  }
  const parsed = orgProfileSchema.safeParse(raw);
  if (!parsed.success)
    throw new OrgProfileError(
      file,
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  const { requiredPath, locked } = parsed.data;
  const problems: string[] = [];
  if (new Set(requiredPath).size !== requiredPath.length) problems.push('requiredPath: lists a course twice');
  if (new Set(locked).size !== locked.length) problems.push('locked: lists a setting twice');
  if (problems.length) throw new OrgProfileError(file, problems);
  return parsed.data;
}

/**
 * The locked settings a settings patch would change. A locked value sent back unchanged (the
 * renderer saving a whole section) is not a change; anything else is refused by the caller.
 */
export function lockedChanges(
  patch: Readonly<Record<string, unknown>>,
  current: Readonly<Record<string, unknown>>,
  locked: readonly LockableSetting[],
): LockableSetting[] {
  return locked.filter((key) => key in patch && patch[key] !== undefined && JSON.stringify(patch[key]) !== JSON.stringify(current[key]));
}
