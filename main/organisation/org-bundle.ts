// A verified organisation profile together with the folder that holds the files it names (its
// logo and bundled courses, beside the .dronaorg), each read only when its bytes match the
// signed SHA-256: a learner can swap neither the profile nor a course or logo it names.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { OrgProfile } from './org-profile';
import { sha256Hex, verifyOrgProfile, type OrgFileDigests } from './org-signature';

export interface OrgBundle {
  readonly profile: OrgProfile;
  /** The folder of the .dronaorg; null when the profile came without files (tests). */
  readonly dir: string | null;
  readonly files: OrgFileDigests;
}

/** The profile refused: the message says which file and why, for the learner or the CLI. */
export class OrgRefusedError extends Error {}

/** Verifies `file` against the build's public key (PEM text). */
export function loadOrgBundle(file: string, publicKeyPem: string, now: Date): OrgBundle {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new OrgRefusedError(`${file}: the organisation profile could not be read.`);
  }
  const result = verifyOrgProfile(text, crypto.createPublicKey(publicKeyPem), now);
  if (!result.ok) throw new OrgRefusedError(`${file}: ${result.reason}`);
  return { profile: result.profile, dir: path.dirname(path.resolve(file)), files: result.files };
}

/** The bytes of a file the profile names, or why they cannot be used. */
export function readOrgFile(bundle: OrgBundle, entry: string): { ok: true; bytes: Buffer } | { ok: false; reason: string } {
  if (!bundle.dir) return { ok: false, reason: `${entry} was not shipped with the organisation profile` };
  const digest = bundle.files[entry];
  if (!digest) return { ok: false, reason: `${entry} has no signed digest; pack the profile again with \`drona org pack\`` };
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(path.join(bundle.dir, entry));
  } catch {
    return { ok: false, reason: `${entry} is missing beside the organisation profile` };
  }
  if (sha256Hex(bytes) !== digest) return { ok: false, reason: `${entry} was changed after the profile was signed; it was not used` };
  return { ok: true, bytes };
}
