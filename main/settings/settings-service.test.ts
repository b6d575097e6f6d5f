import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
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
});
