// `npm run dist [-- --org org.dronaorg --org-public-key org.key.pub]`: builds the app, then
// installers for this platform with electron-builder. An organisation's profile is verified
// before anything is built (a bad one is never baked in), its public key compiled into the main
// bundle and the profile shipped as a resource. Exits 3, in one line, without an Electron runtime.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { loadOrgBundle } from '../../main/organisation/org-bundle';
import { messageOf } from '../../preload/contract';
import { orgBuilderConfig, type BuilderConfig } from './org-build';

const root = path.resolve(import.meta.dirname, '..', '..');
const { values } = parseArgs({ options: { org: { type: 'string' }, 'org-public-key': { type: 'string' } } });

function fail(message: string, code = 1): never {
  process.stderr.write(`dist: ${message}\n`);
  process.exit(code);
}

let config = parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
let publicKeyPem: string | null = null;
if (values.org) {
  if (!values['org-public-key']) fail('--org needs --org-public-key: the key the build verifies the profile with.');
  publicKeyPem = fs.readFileSync(values['org-public-key'], 'utf8');
  try {
    const bundle = loadOrgBundle(values.org, publicKeyPem, new Date());
    config = orgBuilderConfig(config, { ...bundle, dir: bundle.dir! }, path.resolve(values.org));
    process.stdout.write(`dist: building for ${bundle.profile.name} (${bundle.profile.id}); locked: ${bundle.profile.locked.join(', ') || 'nothing'}\n`);
  } catch (error) {
    fail(messageOf(error));
  }
}

// electron-builder needs the Electron binary's version and zips; CI installs without them.
const electronDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
if (!fs.existsSync(path.join(electronDir, 'path.txt')))
  fail('no Electron runtime here (installed with ELECTRON_SKIP_BINARY_DOWNLOAD); run `npm install` with network access to build installers.', 3);

execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], {
  stdio: 'inherit',
  env: { ...process.env, ...(publicKeyPem ? { DRONA_BUILD_ORG_PUBLIC_KEY: publicKeyPem } : {}) },
});
const { build } = await import('electron-builder');
await build({ config: config as never, publish: 'never' });
