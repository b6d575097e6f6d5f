// Several learners on one computer (a lab machine): a registry of learner profiles under the
// app's data folder, each with its own data folder (database, workspaces, secrets file) at
// profiles/<id>/. An optional PIN is kept only as an scrypt hash. The organisation profile is
// the build's, so it applies to every learner profile alike.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PIN_PATTERN } from '../../preload/contract/learner-profiles';

const REGISTRY = 'profiles.json';
// OWASP's scrypt minimum (N=2^17, r=8, p=1) costs 128 MiB; a PIN check runs once per sign-in.
const SCRYPT = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 } as const;

const pinHashSchema = z.object({ salt: z.string(), hash: z.string(), N: z.number().int(), r: z.number().int(), p: z.number().int() });
export const learnerProfileSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/),
  name: z.string().trim().min(1).max(60),
  createdAt: z.number(),
  pin: pinHashSchema.nullable(),
});
export type LearnerProfile = z.infer<typeof learnerProfileSchema>;

export class ProfileError extends Error {}

export const profileDataDir = (root: string, id: string) => path.join(root, 'profiles', id);

export function listProfiles(root: string): LearnerProfile[] {
  const file = path.join(root, REGISTRY);
  if (!fs.existsSync(file)) return [];
  const parsed = z.array(learnerProfileSchema).safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new ProfileError(`${file} is not a list of learner profiles: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

function save(root: string, profiles: readonly LearnerProfile[]): void {
  fs.mkdirSync(root, { recursive: true, mode: 0o700 });
  const file = path.join(root, REGISTRY);
  fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(profiles, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(`${file}.tmp`, file);
}

export const PIN_RULE = 'a PIN is 4 to 12 digits';

function hashPin(pin: string, salt = crypto.randomBytes(16)): z.infer<typeof pinHashSchema> {
  if (!PIN_PATTERN.test(pin)) throw new ProfileError(`That PIN was not used: ${PIN_RULE}.`);
  const hash = crypto.scryptSync(pin, salt, 32, SCRYPT);
  return { salt: salt.toString('base64'), hash: hash.toString('base64'), N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p };
}

/** True when the profile has no PIN or `pin` matches it (compared in constant time). */
export function checkPin(profile: LearnerProfile, pin: string | null): boolean {
  if (!profile.pin) return true;
  if (pin === null) return false;
  const { salt, hash, N, r, p } = profile.pin;
  const expected = Buffer.from(hash, 'base64');
  const actual = crypto.scryptSync(pin, Buffer.from(salt, 'base64'), expected.length, { N, r, p, maxmem: SCRYPT.maxmem });
  return crypto.timingSafeEqual(actual, expected);
}

export function createProfile(root: string, name: string, pin: string | null, now: number): LearnerProfile {
  const profiles = listProfiles(root);
  const trimmed = name.trim();
  if (!trimmed) throw new ProfileError('A learner profile needs a name.');
  if (profiles.some((p) => p.name.toLowerCase() === trimmed.toLowerCase())) throw new ProfileError(`There is already a profile called ${trimmed}.`);
  const slug =
    trimmed
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'learner';
  let id = slug;
  for (let n = 2; profiles.some((p) => p.id === id) || fs.existsSync(profileDataDir(root, id)); n++) id = `${slug}-${n}`;
  const profile = learnerProfileSchema.parse({ id, name: trimmed, createdAt: now, pin: pin === null ? null : hashPin(pin) });
  fs.mkdirSync(profileDataDir(root, id), { recursive: true, mode: 0o700 });
  save(root, [...profiles, profile]);
  return profile;
}

/** Drops the profile from the registry; the caller erases its folder first (data/erase.ts). */
export function forgetProfile(root: string, id: string): LearnerProfile {
  const profiles = listProfiles(root);
  const profile = profiles.find((p) => p.id === id);
  if (!profile) throw new ProfileError(`There is no learner profile "${id}"; \`drona profile list\` shows them.`);
  save(
    root,
    profiles.filter((p) => p.id !== id),
  );
  return profile;
}
