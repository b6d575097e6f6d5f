// The sync account and caches, kept as rows of the settings table (one JSON value per key;
// the settings service ignores keys it does not know, so these need no migration).
import { eq } from 'drizzle-orm';
import type { Tokens } from '../../server/api-schemas';
import type { Store } from '../store/open-store';
import { settings } from '../store/schema';

export interface SyncAccount {
  serverUrl: string;
  learnerId: string | null;
  displayName: string | null;
  email: string | null;
  optedIn: boolean;
  tokens: Tokens | null;
  lastSyncAt: number | null;
  lastError: string | null;
}

export function readRow<T>(store: Store, key: string): T | null {
  const row = store.db.select().from(settings).where(eq(settings.key, key)).get();
  return row ? (row.value as T) : null;
}

export function writeRow(store: Store, key: string, value: unknown, now: number): void {
  store.db
    .insert(settings)
    .values({ key, value, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } })
    .run();
}

export function readAccount(store: Store, presetUrl: string): SyncAccount {
  const saved = readRow<Partial<SyncAccount>>(store, 'sync.account') ?? {};
  return {
    serverUrl: saved.serverUrl ?? presetUrl,
    learnerId: saved.learnerId ?? null,
    displayName: saved.displayName ?? null,
    email: saved.email ?? null,
    optedIn: saved.optedIn ?? true,
    tokens: saved.tokens ?? null,
    lastSyncAt: saved.lastSyncAt ?? null,
    lastError: saved.lastError ?? null,
  };
}
