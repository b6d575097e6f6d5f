// The organisation (bootcamp) whose signed profile this build or serve run applies: what the
// window shows of it (branding, issuer, required path) and which settings it locks.
import { z } from 'zod';
import { call } from './define';

/** Settings an organisation can lock: the top-level keys of Settings, plus the sync server. */
export const lockableSettings = ['tutor', 'sync', 'updates', 'sandbox', 'streakReminder', 'theme', 'editorFontSize'] as const;
export type LockableSetting = (typeof lockableSettings)[number];

const colour = z.string().regex(/^#[0-9a-f]{6}$/);
/** The accent as CSS variables for one theme, each already checked for WCAG AA contrast. */
export const accentTokensSchema = z.object({ accent: colour, accentFg: colour, accentText: colour, accentSubtle: colour });
export type AccentTokens = z.infer<typeof accentTokensSchema>;

export const organisationViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The logo as a data: URL (its bytes checked against the signed digest), or null. */
  logo: z.string().nullable(),
  accent: z
    .object({
      requested: colour,
      dark: accentTokensSchema,
      light: accentTokensSchema,
      /** True when the requested colour failed contrast and was darkened or lightened. */
      adjusted: z.boolean(),
    })
    .nullable(),
  certificateIssuer: z.string().nullable(),
  syncServer: z.string().nullable(),
  locked: z.array(z.enum(lockableSettings)),
  /** The courses learners take, in order; `installed` false when the course is not (yet) here. */
  requiredPath: z.array(z.object({ courseId: z.string(), title: z.string().nullable(), installed: z.boolean() })),
  /** Bundled courses or files that could not be applied, each a sentence. */
  problems: z.array(z.string()),
});
export type OrganisationView = z.infer<typeof organisationViewSchema>;

export const organisationCalls = {
  /** Null when no organisation profile applies. */
  'organisation.get': call(z.object({}), organisationViewSchema.nullable()),
};
