import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BAKED_ORG_FILE, loadBakedOrg } from '../../main/organisation/baked-org';
import { loadOrgBundle, OrgRefusedError } from '../../main/organisation/org-bundle';
import { orgFolder } from '../../main/organisation/org-fixture';
import { baseBuilderConfig, builderConfigErrors } from './builder-schema';
import { orgBuilderConfig } from './org-build';

const base = baseBuilderConfig();

describe('an organisation build (npm run dist -- --org)', () => {
  it('adds the profile and its files as resources, under its own app id, and stays valid for electron-builder', async () => {
    const org = await orgFolder();
    const bundle = loadOrgBundle(org.file, org.publicPem, new Date());
    const config = orgBuilderConfig(base, { ...bundle, dir: bundle.dir! }, org.file);
    expect(builderConfigErrors(config)).toEqual([]);
    expect(config).toMatchObject({ appId: 'org.dronacharya.org.acme', productName: 'Acme Bootcamp Dronacharya' });
    expect(config.extraResources).toEqual([
      { from: org.file, to: 'org/org.dronaorg' },
      { from: path.join(org.dir, 'courses/tiny.drona'), to: 'org/courses/tiny.drona' },
      { from: path.join(org.dir, 'logo.svg'), to: 'org/logo.svg' },
    ]);
  });

  it('the built app loads the shipped profile with its compiled-in key, and refuses to start without it or when it is edited', async () => {
    const org = await orgFolder('locked: [theme]');
    const resources = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-resources-'));
    expect(loadBakedOrg(resources, null, new Date())).toBeNull();
    expect(() => loadBakedOrg(resources, org.publicPem, new Date())).toThrow(/its profile .* is missing/);
    fs.cpSync(org.dir, path.join(resources, 'org'), { recursive: true });
    expect(loadBakedOrg(resources, org.publicPem, new Date())?.profile.locked).toEqual(['theme']);
    const shipped = path.join(resources, 'org', BAKED_ORG_FILE);
    fs.writeFileSync(shipped, fs.readFileSync(shipped, 'utf8').replace('"theme"', '"tutor"'));
    expect(() => loadBakedOrg(resources, org.publicPem, new Date())).toThrow(OrgRefusedError);
  });

  it('refuses to bake a profile that does not verify, before building anything', async () => {
    const org = await orgFolder();
    fs.writeFileSync(org.file, fs.readFileSync(org.file, 'utf8').replace('Acme Bootcamp', 'Evil Bootcamp'));
    const keyFile = path.join(org.dir, 'org.key.pub');
    fs.writeFileSync(keyFile, org.publicPem);
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/dist/dist.ts', '--org', org.file, '--org-public-key', keyFile], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^dist: .*org\.dronaorg: The organisation profile was changed after it was signed/);
  }, 60_000);
});
