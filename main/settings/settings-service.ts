import { settingsSchema, type Settings } from '../../preload/contract/profile';
import type { Store } from '../store/open-store';
import { settings } from '../store/schema';

export const defaultSettings: Settings = {
  theme: 'system',
  layout: {
    horizontal: { side: 22, centre: 78 },
    vertical: { canvas: 70, bottom: 30 },
    activity: 'learn',
    bottomTab: 'output',
  },
  lastLesson: null,
  editorFontSize: 14,
  tutor: {
    provider: 'none',
    anthropicModel: 'claude-sonnet-4-5',
    ollamaHost: 'http://127.0.0.1:11434',
    ollamaModel: '',
    dailyBudget: null,
    mode: 'auto',
    initiative: 'normal',
  },
  streakReminder: { enabled: true, time: '20:00' },
  sandbox: { allowProcess: false },
  updates: { channel: 'stable' },
};

type SettingKey = keyof Settings;

/**
 * Settings are stored one row per top-level key, so a new setting needs no migration and
 * an older value that no longer validates falls back to its default instead of breaking start-up.
 */
export class SettingsService {
  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {}

  get(): Settings {
    const merged: Record<string, unknown> = { ...defaultSettings };
    for (const row of this.store.db.select().from(settings).all()) {
      if (!(row.key in defaultSettings)) continue;
      const field = settingsSchema.shape[row.key as SettingKey].safeParse(row.value);
      if (field.success) merged[row.key] = field.data;
    }
    return settingsSchema.parse(merged);
  }

  update(patch: Partial<Settings>): Settings {
    const at = this.now();
    this.store.transaction((db) => {
      for (const [key, value] of Object.entries(patch)) {
        // Only known settings: other rows of the table (the sandbox's per-course consents) are main's alone.
        if (value === undefined || !(key in defaultSettings)) continue;
        db.insert(settings)
          .values({ key, value, updatedAt: at })
          .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: at } })
          .run();
      }
    });
    return this.get();
  }
}
