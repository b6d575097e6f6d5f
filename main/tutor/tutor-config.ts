// The tutor's configuration: provider settings (kept in the app's settings), the Anthropic key
// (kept by the secret store) and the daily request budget.
import { and, eq, gte, sql } from 'drizzle-orm';
import type { TutorSettings, TutorStatus } from '../../preload/contract/tutor';
import type { Logger } from '../app/logger';
import type { SecretStore } from '../secrets/secret-store';
import type { Store } from '../store/open-store';
import { aiMessages, profile } from '../store/schema';
import { startOfLocalDay, type BudgetState } from './daily-budget';
import type { LearnerLevel } from './routing';

export const ANTHROPIC_KEY_NAME = 'anthropic-api-key';

/** Where the tutor's settings live: the app's settings service, narrowed to the tutor's part. */
export interface TutorSettingsStore {
  get(): { readonly tutor: TutorSettings };
  update(patch: { tutor: TutorSettings }): unknown;
}

export interface TutorConfigOptions {
  readonly store: Store;
  readonly settings: TutorSettingsStore;
  readonly secrets: SecretStore;
  readonly logger: Logger;
  readonly now: () => number;
}

export class TutorConfig {
  constructor(private readonly options: TutorConfigOptions) {
    const key = options.secrets.get(ANTHROPIC_KEY_NAME);
    if (key) options.logger.redact(key);
  }

  settings(): TutorSettings {
    return this.options.settings.get().tutor;
  }

  apiKey(): string | null {
    return this.options.secrets.get(ANTHROPIC_KEY_NAME);
  }

  learner(): { level: LearnerLevel; timezone: string } {
    const row = this.options.store.db.select({ level: profile.experienceLevel, timezone: profile.timezone }).from(profile).get();
    return { level: (row?.level as LearnerLevel | undefined) ?? 'new', timezone: row?.timezone ?? 'UTC' };
  }

  /** Today's billable replies (in the learner's time zone) against the daily limit. */
  budget(): BudgetState {
    const limit = this.settings().dailyBudget;
    const since = startOfLocalDay(this.options.now(), this.learner().timezone);
    const row = this.options.store.db
      .select({ count: sql<number>`count(*)` })
      .from(aiMessages)
      .where(and(eq(aiMessages.role, 'assistant'), gte(aiMessages.createdAt, since), sql`json_extract(${aiMessages.meta}, '$.billable') = 1`))
      .get();
    return { limit, used: row?.count ?? 0 };
  }

  status(): TutorStatus {
    return {
      settings: this.settings(),
      hasKey: this.apiKey() !== null,
      keyStorage: this.options.secrets.kind,
      keyProtection: this.options.secrets.protection,
      budget: this.budget(),
    };
  }

  configure(patch: Partial<TutorSettings>): TutorStatus {
    const next = { ...this.settings(), ...patch };
    if (patch.ollamaHost !== undefined) next.ollamaHost = normaliseHost(patch.ollamaHost);
    this.options.settings.update({ tutor: next });
    return this.status();
  }

  setKey(key: string): TutorStatus {
    this.options.logger.redact(key);
    this.options.secrets.set(ANTHROPIC_KEY_NAME, key.trim());
    return this.status();
  }

  clearKey(): TutorStatus {
    this.options.secrets.delete(ANTHROPIC_KEY_NAME);
    return this.status();
  }
}

/** The model the chosen provider uses ('' when there is none). */
export function modelOf(settings: TutorSettings): string {
  return settings.provider === 'anthropic' ? settings.anthropicModel : settings.provider === 'ollama' ? settings.ollamaModel : '';
}

export function normaliseHost(host: string): string {
  const trimmed = host.trim().replace(/\/+$/, '');
  return /^https?:\/\//.test(trimmed) ? trimmed : `http://${trimmed}`;
}
