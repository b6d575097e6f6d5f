// A signed organisation profile (.dronaorg): the profile, when it was signed and until when it
// holds, and an Ed25519 signature over exactly those. The app verifies it against the public key
// baked into its build, so a learner who edits the file (to unlock a setting) gets it refused.
import crypto from 'node:crypto';
import { z } from 'zod';
import { orgProfileSchema, type OrgProfile } from './org-profile';

export const ORG_FORMAT = 'dronaorg/1';

const envelopeSchema = z.object({
  format: z.literal(ORG_FORMAT),
  signedAt: z.string().datetime(),
  expiresAt: z.string().datetime().nullable(),
  profile: z.unknown(),
  /** SHA-256 of each file the profile names (logo, courses), so a swapped course or logo is refused too. */
  files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)).optional(),
  signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/),
});

/** JSON with object keys sorted at every level: the same profile always signs to the same bytes. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export type OrgFileDigests = Readonly<Record<string, string>>;

// `files` undefined drops out of the canonical JSON: profiles signed before digests still verify.
const signedBytes = (format: string, signedAt: string, expiresAt: string | null, profile: unknown, files: OrgFileDigests | undefined) =>
  Buffer.from(canonicalJson({ format, signedAt, expiresAt, profile, files }), 'utf8');

export function signOrgProfile(profile: OrgProfile, privateKey: crypto.KeyObject, signedAt: Date, expiresAt: Date | null, files: OrgFileDigests = {}): string {
  const [at, until] = [signedAt.toISOString(), expiresAt?.toISOString() ?? null];
  const signature = crypto.sign(null, signedBytes(ORG_FORMAT, at, until, profile, files), privateKey).toString('base64');
  return `${JSON.stringify({ format: ORG_FORMAT, signedAt: at, expiresAt: until, profile, files, signature }, null, 2)}\n`;
}

export const sha256Hex = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

export type VerifiedOrg =
  | { readonly ok: true; readonly profile: OrgProfile; readonly expiresAt: string | null; readonly files: OrgFileDigests }
  | { readonly ok: false; readonly reason: string };

/** Checks shape, signature (against the build's key), expiry, then the profile itself; the reason is shown to the learner as is. */
export function verifyOrgProfile(text: string, publicKey: crypto.KeyObject, now: Date): VerifiedOrg {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'The organisation profile is not a signed .dronaorg file (it is not JSON). Ask your organisation for its file.' };
  }
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success)
    return {
      ok: false,
      reason: `The organisation profile is not a ${ORG_FORMAT} file: ${envelope.error.issues[0]?.path.join('.') || '(root)'} is missing or malformed.`,
    };
  const { format, signedAt, expiresAt, profile, files, signature } = envelope.data;
  const valid = crypto.verify(null, signedBytes(format, signedAt, expiresAt, profile, files), publicKey, Buffer.from(signature, 'base64'));
  if (!valid) return { ok: false, reason: 'The organisation profile was changed after it was signed, or signed by another organisation; it was not applied.' };
  if (expiresAt && Date.parse(expiresAt) <= now.getTime())
    return { ok: false, reason: `The organisation profile expired on ${expiresAt.slice(0, 10)}; ask your organisation for a new one.` };
  const parsed = orgProfileSchema.safeParse(profile);
  if (!parsed.success)
    return {
      ok: false,
      reason: `The signed organisation profile is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    };
  return { ok: true, profile: parsed.data, expiresAt, files: files ?? {} };
}
