// `npm run dist [-- --dir] [--update-url URL] [--org org.dronaorg --org-public-key org.key.pub]`:
// builds the app, renders the icons from build/icon.svg, then the installers for this platform
// with electron-builder. An organisation's profile is verified before anything is built (a bad
// one is never baked in), its public key compiled into the main bundle and the profile shipped
// as a resource. Exit codes: 1 a wrong option or profile, 2 the build failed, 3 no Electron
// runtime here (said in one line; nothing was built).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { loadOrgBundle } from '../../main/organisation/org-bundle';
import { messageOf } from '../../preload/contract';
import { checkUpdateUrl, distConfig, distPlatform, type BuilderConfig } from './builder-config';
import { findElectronRuntime } from './electron-runtime';
import { generateIcons } from './icons';
import { orgBuilderConfig } from './org-build';
import { signingNotices } from './signing';

const root = path.resolve(import.meta.dirname, '..', '..');
const say = (line: string) => process.stdout.write(`dist: ${line}\n`);

function fail(message: string, code = 1): never {
  process.stderr.write(`dist: ${message}\n`);
  process.exit(code);
}

let values;
try {
  ({ values } = parseArgs({
    options: { org: { type: 'string' }, 'org-public-key': { type: 'string' }, dir: { type: 'boolean' }, 'update-url': { type: 'string' } },
  }));
} catch (error) {
  fail(messageOf(error));
}

let config = parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
let publicKeyPem: string | null = null;
let updateUrl: string | null = null;
try {
  if (values.org) {
    if (!values['org-public-key']) fail('--org needs --org-public-key: the key the build verifies the profile with.');
    publicKeyPem = fs.readFileSync(values['org-public-key'], 'utf8');
    const bundle = loadOrgBundle(values.org, publicKeyPem, new Date());
    config = orgBuilderConfig(config, { ...bundle, dir: bundle.dir! }, path.resolve(values.org));
    updateUrl = bundle.profile.updateFeed ?? null;
    say(`building for ${bundle.profile.name} (${bundle.profile.id}); locked: ${bundle.profile.locked.join(', ') || 'nothing'}`);
  }
  const url = values['update-url'] ?? process.env.DRONA_UPDATE_URL;
  if (url) updateUrl = checkUpdateUrl(url, values['update-url'] ? '--update-url' : 'DRONA_UPDATE_URL');
} catch (error) {
  fail(messageOf(error));
}

const electronDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
const electronVersion = (JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')) as { version: string }).version;
const runtime = findElectronRuntime(electronDir, electronVersion, process.env);
if (!runtime)
  fail(`no Electron ${electronVersion} runtime here (ELECTRON_SKIP_BINARY_DOWNLOAD is set and none is in node_modules/electron/dist or Electron's cache); nothing was built.`, 3);

const platform = distPlatform(process.platform);
for (const notice of signingNotices(platform, process.env)) say(notice);
if (!updateUrl) say('no update feed (--update-url or DRONA_UPDATE_URL): this build will not update itself.');

try {
  const icons = generateIcons(path.join(root, 'build/icon.svg'), path.join(root, 'build/generated'));
  say(`rendered ${icons.length} icons from build/icon.svg into build/generated/`);
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], {
    stdio: 'inherit',
    env: { ...process.env, ...(publicKeyPem ? { DRONA_BUILD_ORG_PUBLIC_KEY: publicKeyPem } : {}) },
  });
  const { build } = await import('electron-builder');
  const final = distConfig(config, { platform, updateUrl, electronDist: runtime.kind === 'dist' ? runtime.dir : null, env: process.env });
  const written = await build({ config: final as never, publish: 'never', ...(values.dir ? { dir: true } : {}) });
  for (const file of written) say(`wrote ${path.relative(root, file)}`);
} catch (error) {
  fail(`the build failed: ${messageOf(error)}`, 2);
}
