// `npm run dist -- --org org.dronaorg`: the electron-builder configuration for an organisation's
// build. Pure: the profile (already verified) and its folder in, the config overlay out. The
// .dronaorg and every file it names go to resources/org/, where main/organisation/baked-org.ts
// reads them; the public key is compiled into the main bundle by scripts/build.mjs.
import path from 'node:path';
import { BAKED_ORG_DIR, BAKED_ORG_FILE } from '../../main/organisation/baked-org';
import type { OrgBundle } from '../../main/organisation/org-bundle';
import type { BuilderConfig } from './builder-config';

/** The organisation's installer: its own app id and name (so it installs beside the plain app), its profile and files as resources. */
export function orgBuilderConfig(base: BuilderConfig, org: OrgBundle & { dir: string }, dronaorgFile: string): BuilderConfig {
  const { profile } = org;
  const productName = `${profile.name.replace(/[^\w .-]/g, '').trim() || profile.id} Dronacharya`;
  return {
    ...base,
    appId: `org.dronacharya.org.${profile.id}`,
    productName,
    artifactName: `dronacharya-${profile.id}-\${version}-\${os}-\${arch}.\${ext}`,
    extraResources: [
      ...(base.extraResources ?? []),
      { from: dronaorgFile, to: `${BAKED_ORG_DIR}/${BAKED_ORG_FILE}` },
      ...Object.keys(org.files)
        .sort()
        .map((entry) => ({ from: path.join(org.dir, entry), to: `${BAKED_ORG_DIR}/${entry}` })),
    ],
  };
}
