// The sync account and caches, kept as rows of the settings table (one JSON value per key;
// the settings service ignores keys it does not know, so these need no migration).
import { eq } from 'drizzle-orm';
import type { Tokens } from '../../common/sync-api/schemas';
import type { SecretStore } from '../secrets/secret-store';
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
  /** Whether `lastError` was the server being unreachable (rather than refusing). */
  lastErrorOffline: boolean;
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

/** The name the sync tokens have in the secret store; they are never written to the settings table. */
export const SYNC_TOKENS_SECRET = 'sync.tokens';

function readTokens(secrets: SecretStore): Tokens | null {
  const stored = secrets.get(SYNC_TOKENS_SECRET);
  if (!stored) return null;
  try {
    return JSON.parse(stored) as Tokens;
  } catch {
    return null; // unreadable: the learner signs in again
  }
}

export function readAccount(store: Store, presetUrl: string, secrets: SecretStore, now: number): SyncAccount {
  const saved = readRow<Partial<SyncAccount>>(store, 'sync.account') ?? {};
  // Versions up to 0.1.0 kept the tokens in the settings row: they move to the secret store.
  if (saved.tokens) {
    secrets.set(SYNC_TOKENS_SECRET, JSON.stringify(saved.tokens));
    delete saved.tokens;
    writeRow(store, 'sync.account', saved, now);
  }
  return {
    serverUrl: saved.serverUrl ?? presetUrl,
    learnerId: saved.learnerId ?? null,
    displayName: saved.displayName ?? null,
    email: saved.email ?? null,
    optedIn: saved.optedIn ?? true,
    tokens: readTokens(secrets),
    lastSyncAt: saved.lastSyncAt ?? null,
    lastError: saved.lastError ?? null,
    lastErrorOffline: saved.lastErrorOffline ?? false,
  };
}
