// Sync with a hosted Dronacharya server: the account (sign-in, opt-in) and the outbox's state.
// Leaderboards and certificates, which use the account, have their own files.
import { z } from 'zod';
import { call, event } from './define';
import { linkCodeResponse } from '../../common/sync-api/account-schemas';

export const syncStatusSchema = z.object({
  serverUrl: z.string(),
  signedIn: z.boolean(),
  displayName: z.string().nullable(),
  email: z.string().nullable(),
  optedIn: z.boolean(),
  /** Events waiting in the outbox. */
  pending: z.number().int(),
  /** Events the server's rules refused (e.g. a lesson completed too fast): kept and restored, but no XP on the server. */
  refused: z.number().int(),
  lastSyncAt: z.number().nullable(),
  lastError: z.string().nullable(),
  state: z.enum(['off', 'signed-out', 'idle', 'syncing', 'offline', 'error']),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/** What a restore replayed: new here, already here, of a kind this app does not know. */
export const restoreOutcomeSchema = z.object({ restored: z.number().int(), known: z.number().int(), unknown: z.number().int() });

const deviceName = z.string().trim().min(1).max(80).default('Computer');

export const syncCalls = {
  'sync.status': call(z.object({}), syncStatusSchema),
  'sync.configure': call(z.object({ serverUrl: z.string().trim().max(300) }), syncStatusSchema),
  'sync.signIn': call(
    z.object({
      displayName: z.string().trim().min(1, 'Enter the name to show on leaderboards').max(80),
      email: z.email().max(200).optional(),
      optedIn: z.boolean().default(true),
    }),
    syncStatusSchema,
  ),
  /** Signs this computer in to an existing account (password, or a code shown on a signed-in one) and restores its progress. */
  'sync.signInToAccount': call(
    z.union([
      z.object({ email: z.email().max(200), password: z.string().min(1).max(200), deviceName }),
      z.object({ code: z.string().trim().min(8, 'Enter the code shown on your other computer').max(40), deviceName }),
    ]),
    z.object({ status: syncStatusSchema, restore: restoreOutcomeSchema.nullable() }),
  ),
  /** A short code to type on another computer to link it to this account. */
  'sync.linkCode': call(z.object({}), linkCodeResponse),
  /** Pulls what the account's other computers recorded. */
  'sync.restore': call(z.object({}), restoreOutcomeSchema.nullable()),
  'sync.signOut': call(z.object({}), syncStatusSchema),
  'sync.setOptIn': call(z.object({ optedIn: z.boolean() }), syncStatusSchema),
  'sync.syncNow': call(z.object({}), syncStatusSchema),
};

export const syncEvents = {
  'sync.changed': event(syncStatusSchema),
};
