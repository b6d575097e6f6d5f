import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockableSettings, type LockableSetting } from '../../preload/contract/organisation';
import type { Settings } from '../../preload/contract/profile';
import { createApp, type DronaApp } from '../app/create-app';
import { silentLogger } from '../app/logger';
import { dispatchCall } from '../ipc/dispatch';
import { loadOrgBundle, OrgRefusedError, type OrgBundle } from './org-bundle';
import { LOGO, orgFolder } from './org-fixture';

const apps: DronaApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

function start(organisation: OrgBundle, dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-org-data-'))) {
  const app = createApp({ dataDir, mode: 'serve', version: '0.0.0-test', logger: silentLogger, backgroundWork: false, builtinCoursesDir: null, organisation });
  apps.push(app);
  const call = (name: string, input: unknown = {}) => dispatchCall(app.handlers, name, input, { sessionId: 's', events: app.events }, app.logger);
  return { app, dataDir, call };
}

describe('an organisation profile applied', () => {
  it('shows its branding, issuer and required path, and installs its bundled course once', async () => {
    const org = await orgFolder();
    const bundle = loadOrgBundle(org.file, org.publicPem, new Date());
    const { call, dataDir, app } = start(bundle);
    const view = await call('organisation.get');
    expect(view).toMatchObject({
      ok: true,
      value: {
        name: 'Acme Bootcamp',
        certificateIssuer: 'Acme Bootcamp Ltd',
        accent: { requested: '#ffe066', adjusted: true },
        requiredPath: [
          { courseId: 'tiny-course', installed: true },
          { courseId: 'later-course', title: null, installed: false },
        ],
        problems: [],
      },
    });
    if (!view.ok) return;
    expect((view.value as { logo: string }).logo).toBe(`data:image/svg+xml;base64,${Buffer.from(LOGO).toString('base64')}`);
    expect(await call('settings.get')).toMatchObject({ value: { tutor: { provider: 'ollama', ollamaModel: 'qwen2.5-coder:7b', dailyBudget: 50 } } });
    expect(await call('sync.status')).toMatchObject({ value: { serverUrl: 'http://127.0.0.1:9' } });

    // A second start installs nothing again, and keeps the learner's own tutor choice (the tutor is not locked).
    expect(await call('settings.update', { tutor: { ...(await app.handlers['settings.get']({}, {} as never)).tutor, provider: 'none' } })).toMatchObject({
      ok: true,
    });
    await app.close();
    apps.pop();
    const again = start(bundle, dataDir);
    expect(await again.call('organisation.get')).toMatchObject({ value: { problems: [], requiredPath: [{ installed: true }, { installed: false }] } });
    expect(await again.call('settings.get')).toMatchObject({ value: { tutor: { provider: 'none' } } });
  });

  it('refuses a course or logo swapped after signing, and a profile edited after signing', async () => {
    const org = await orgFolder();
    fs.appendFileSync(path.join(org.dir, 'courses', 'tiny.drona'), 'x');
    fs.writeFileSync(path.join(org.dir, 'logo.svg'), LOGO.replace('#0b7285', '#ff0000'));
    const { call } = start(loadOrgBundle(org.file, org.publicPem, new Date()));
    const view = await call('organisation.get');
    expect(view).toMatchObject({
      value: {
        logo: null,
        requiredPath: [{ installed: false }, { installed: false }],
        problems: [
          'The logo was not shown: logo.svg was changed after the profile was signed; it was not used.',
          'A bundled course was not installed: courses/tiny.drona was changed after the profile was signed; it was not used.',
        ],
      },
    });

    fs.writeFileSync(org.file, fs.readFileSync(org.file, 'utf8').replace('"locked": []', '"locked": ["theme"]'));
    expect(() => loadOrgBundle(org.file, org.publicPem, new Date())).toThrow(OrgRefusedError);
    expect(() => loadOrgBundle(org.file, org.publicPem, new Date())).toThrow(/changed after it was signed/);
  });

  const changeOf: Record<Exclude<LockableSetting, 'sync'>, (s: Settings) => unknown> = {
    tutor: (s) => ({ ...s.tutor, provider: 'anthropic' }),
    updates: () => ({ channel: 'beta' }),
    sandbox: (s) => ({ allowProcess: !s.sandbox.allowProcess }),
    streakReminder: (s) => ({ ...s.streakReminder, time: '06:30' }),
    theme: () => 'light',
    editorFontSize: (s) => s.editorFontSize + 2,
  };

  it.each(lockableSettings)('refuses a change to locked %s at the contract', async (key) => {
    const org = await orgFolder(`locked: [${key}]`);
    const { call } = start(loadOrgBundle(org.file, org.publicPem, new Date()));
    const refusal = {
      ok: false,
      error: { code: 'locked', message: `Acme Bootcamp manages ${key} on this computer; ask them to change it.`, details: { locked: [key] } },
    };
    if (key === 'sync') {
      expect(await call('sync.configure', { serverUrl: 'http://127.0.0.1:10' })).toEqual(refusal);
      expect(await call('sync.configure', { serverUrl: '' })).toEqual(refusal);
      expect(await call('sync.configure', { serverUrl: 'http://127.0.0.1:9' })).toMatchObject({ ok: true });
      return;
    }
    const settings = await call('settings.get');
    if (!settings.ok) throw new Error('no settings');
    expect(await call('settings.update', { [key]: changeOf[key](settings.value as Settings) })).toEqual(refusal);
  });
});
