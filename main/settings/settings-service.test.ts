import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { profileCalls } from '../../preload/contract/profile';
import { openStore, type Store } from '../store/open-store';
import { settings } from '../store/schema';
import { defaultSettings, SettingsService } from './settings-service';

let store: Store | undefined;
afterEach(() => store?.close());

function service(): SettingsService {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-settings-'));
  store = openStore(path.join(dir, 'drona.db'));
  return new SettingsService(store, () => 1000);
}

describe('SettingsService', () => {
  it('gives the defaults before anything is saved', () => {
    expect(service().get()).toEqual(defaultSettings);
  });

  it('keeps what was saved and leaves other keys alone', () => {
    const settingsService = service();
    settingsService.update({ theme: 'light' });
    settingsService.update({ editorFontSize: 18 });
    expect(settingsService.get()).toMatchObject({ theme: 'light', editorFontSize: 18, layout: defaultSettings.layout });
  });

  it('falls back to the default for a stored value that no longer validates', () => {
    const settingsService = service();
    store!.db.insert(settings).values({ key: 'theme', value: 'sepia', updatedAt: 1 }).run();
    store!.db.insert(settings).values({ key: 'retired-setting', value: 1, updatedAt: 1 }).run();
    expect(settingsService.get().theme).toBe('system');
  });

  it('keeps the streak reminder on at 20:00 until the learner changes it, and drops a stored time that is not HH:MM', () => {
    const settingsService = service();
    expect(settingsService.get().streakReminder).toEqual({ enabled: true, time: '20:00' });
    settingsService.update({ streakReminder: { enabled: false, time: '21:30' } });
    expect(settingsService.get().streakReminder).toEqual({ enabled: false, time: '21:30' });
    store!.db
      .update(settings)
      .set({ value: { enabled: true, time: '9pm' } })
      .run();
    expect(settingsService.get().streakReminder).toEqual({ enabled: true, time: '20:00' });
  });

  it('the contract refuses a reminder time that is not a time of day', () => {
    const input = profileCalls['settings.update'].input;
    expect(input.safeParse({ streakReminder: { enabled: true, time: '07:05' } }).success).toBe(true);
    for (const time of ['24:00', '7:05', '19:60', '']) expect(input.safeParse({ streakReminder: { enabled: true, time } }).success).toBe(false);
  });
});
