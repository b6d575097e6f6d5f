import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CallName } from '../../preload/contract';
import { silentLogger } from '../app/logger';
import { dispatchCall } from '../ipc/dispatch';
import { useTempDirs } from '../testing/temp-dirs';
import { createProfile } from './learner-profiles';
import { createAppForFolder, createProfilePicker } from './profile-picker';
import type { DronaApp } from '../app/create-app';

const tempDir = useTempDirs('drona-picker-');
const config = (dataDir: string) => ({
  dataDir,
  mode: 'serve' as const,
  version: '0.0.0-test',
  logger: silentLogger,
  backgroundWork: false,
  builtinCoursesDir: null,
});
const firstRun = { name: 'Asha', goal: '', experienceLevel: 'new', gamificationMode: 'full', timezone: 'UTC' };

async function call(app: DronaApp, name: CallName, input: unknown = {}) {
  return dispatchCall(app.handlers, name, input, { sessionId: 's', events: app.events }, silentLogger);
}

describe('the learner-profile picker', () => {
  it('starts the plain app on a folder with no profiles, the picker on one with profiles', async () => {
    const plain = createAppForFolder(config(tempDir()));
    expect(await call(plain, 'app.status')).toMatchObject({ ok: true, value: { state: 'ready' } });
    expect(await call(plain, 'learnerProfiles.list')).toEqual({ ok: true, value: { profiles: [], active: null } });
    await plain.close();
    const root = tempDir();
    createProfile(root, 'Asha', null, 1);
    const picker = createAppForFolder(config(root));
    expect(await call(picker, 'app.status')).toEqual({ ok: true, value: { state: 'pick-profile', version: '0.0.0-test', mode: 'serve', dataDir: root } });
    await picker.close();
  });

  it("answers only the picker until a profile is open, then that profile's own data, kept apart from the other's", async () => {
    const root = tempDir();
    createProfile(root, 'Asha', null, 1);
    createProfile(root, 'Ravi', '2468', 2);
    const first = createProfilePicker(config(root));
    expect(await call(first, 'profile.get')).toMatchObject({ ok: false, error: { code: 'conflict', message: 'Choose a learner profile first.' } });
    expect(await call(first, 'learnerProfiles.list')).toEqual({
      ok: true,
      value: {
        profiles: [
          { id: 'asha', name: 'Asha', hasPin: false },
          { id: 'ravi', name: 'Ravi', hasPin: true },
        ],
        active: null,
      },
    });
    expect(await call(first, 'learnerProfiles.open', { id: 'ravi', pin: null })).toMatchObject({
      ok: false,
      error: { message: "Ravi's profile needs its PIN." },
    });
    expect(await call(first, 'learnerProfiles.open', { id: 'ravi', pin: '1357' })).toMatchObject({ ok: false, error: { message: 'That PIN is not right.' } });
    expect(await call(first, 'learnerProfiles.open', { id: 'nobody', pin: null })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call(first, 'learnerProfiles.open', { id: 'ravi', pin: '2468' })).toEqual({ ok: true, value: { id: 'ravi' } });
    expect(await call(first, 'learnerProfiles.open', { id: 'asha', pin: null })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await call(first, 'app.status')).toMatchObject({ ok: true, value: { state: 'ready', dataDir: path.join(root, 'profiles', 'ravi') } });
    expect(await call(first, 'profile.completeFirstRun', { ...firstRun, name: 'Ravi' })).toMatchObject({
      ok: true,
      value: { name: 'Ravi', firstRunCompleted: true },
    });
    expect(await call(first, 'learnerProfiles.list')).toMatchObject({ ok: true, value: { active: 'ravi' } });
    await first.close();

    const second = createProfilePicker(config(root));
    await call(second, 'learnerProfiles.open', { id: 'asha', pin: null });
    expect(await call(second, 'profile.get')).toMatchObject({ ok: true, value: { firstRunCompleted: false } });
    await second.close();
    expect(fs.existsSync(path.join(root, 'profiles', 'ravi', 'drona.db'))).toBe(true);
    expect(fs.existsSync(path.join(root, 'profiles', 'asha', 'drona.db'))).toBe(true);
    expect(fs.existsSync(path.join(root, 'drona.db'))).toBe(false);
  }, 90_000);

  it('makes a profile from the picker and makes a PIN-guesser wait', async () => {
    const root = tempDir();
    createProfile(root, 'Asha', null, 1);
    let now = 0;
    const picker = createProfilePicker({ ...config(root), now: () => now });
    expect(await call(picker, 'learnerProfiles.create', { name: 'Mei', pin: '12' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call(picker, 'learnerProfiles.create', { name: 'asha', pin: null })).toMatchObject({
      ok: false,
      error: { message: 'There is already a profile called asha.' },
    });
    expect(await call(picker, 'learnerProfiles.create', { name: 'Mei', pin: '9999' })).toEqual({ ok: true, value: { id: 'mei', name: 'Mei', hasPin: true } });
    for (let i = 0; i < 5; i++) await call(picker, 'learnerProfiles.open', { id: 'mei', pin: '0000' });
    expect(await call(picker, 'learnerProfiles.open', { id: 'mei', pin: '9999' })).toMatchObject({
      ok: false,
      error: { message: /Too many wrong PINs for Mei; try again in 30 seconds/ },
    });
    now += 30_000;
    expect(await call(picker, 'learnerProfiles.open', { id: 'mei', pin: '9999' })).toEqual({ ok: true, value: { id: 'mei' } });
    await picker.close();
  }, 90_000);
});
