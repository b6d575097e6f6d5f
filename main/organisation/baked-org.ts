// The organisation a build was made for: `npm run dist -- --org` compiles the organisation's
// public key into the main bundle (esbuild `define`) and ships the .dronaorg with its files
// under resources/org/. The key is in the code, not beside the profile, so a learner can neither
// edit the profile nor swap in one signed by a key of their own; deleting it refuses to start.
import fs from 'node:fs';
import path from 'node:path';
import { loadOrgBundle, OrgRefusedError, type OrgBundle } from './org-bundle';

declare const __DRONA_ORG_PUBLIC_KEY__: string | undefined;

/** The PEM compiled in by scripts/build.mjs, or null in an ordinary build (and in tests, which do not define it). */
export const bakedOrgPublicKey = (): string | null => (typeof __DRONA_ORG_PUBLIC_KEY__ === 'string' && __DRONA_ORG_PUBLIC_KEY__) || null;

export const BAKED_ORG_DIR = 'org';
export const BAKED_ORG_FILE = 'org.dronaorg';

/** Null for an ordinary build; the verified bundle for an organisation's; OrgRefusedError (its message for the learner) otherwise. */
export function loadBakedOrg(resourcesDir: string, publicKeyPem: string | null, now: Date): OrgBundle | null {
  if (!publicKeyPem) return null;
  const file = path.join(resourcesDir, BAKED_ORG_DIR, BAKED_ORG_FILE);
  if (!fs.existsSync(file))
    throw new OrgRefusedError(`This build is set up by an organisation, but its profile (${file}) is missing. Reinstall the app your organisation gave you.`);
  return loadOrgBundle(file, publicKeyPem, now);
}
