// Sync with a hosted Dronacharya server: the account (sign-in, opt-in) and the outbox's state.
// Leaderboards and certificates, which use the account, have their own files.
import { z } from 'zod';
import { call, event } from './define';

export const syncStatusSchema = z.object({
  serverUrl: z.string(),
  signedIn: z.boolean(),
  displayName: z.string().nullable(),
  email: z.string().nullable(),
  optedIn: z.boolean(),
  /** Events waiting in the outbox. */
  pending: z.number().int(),
  lastSyncAt: z.number().nullable(),
  lastError: z.string().nullable(),
  state: z.enum(['off', 'signed-out', 'idle', 'syncing', 'offline', 'error']),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

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
  'sync.signOut': call(z.object({}), syncStatusSchema),
  'sync.setOptIn': call(z.object({ optedIn: z.boolean() }), syncStatusSchema),
  'sync.syncNow': call(z.object({}), syncStatusSchema),
};

export const syncEvents = {
  'sync.changed': event(syncStatusSchema),
};
