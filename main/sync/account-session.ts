// What the features built on the sync account (leaderboards, certificates) get from sync: which
// server, which learner, and calls to that server with the account's token. They never see the
// tokens themselves, the outbox or the loop.
import type { z } from 'zod';
import { DronaError, messageOf } from '../../preload/contract/errors';
import { SyncHttpError, SyncOfflineError } from './api-client';

export interface AccountView {
  readonly serverUrl: string;
  readonly learnerId: string | null;
  readonly displayName: string | null;
  readonly signedIn: boolean;
}

export interface AccountSession {
  account(): AccountView;
  /** A call with the account's access token, refreshed once if it expired; throws SyncOfflineError or SyncHttpError. */
  authorized<S extends z.ZodType>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body: unknown, schema: S): Promise<z.output<S>>;
  /** A call to a public endpoint of the account's server (no token). */
  publicGet<S extends z.ZodType>(path: string, schema: S): Promise<z.output<S>>;
}

/** A failed call to the sync server as the learner reads it; offline is told by the error's kind, never its text. */
export function asDronaError(error: unknown): DronaError {
  if (error instanceof DronaError) return error;
  if (error instanceof SyncOfflineError)
    return new DronaError('offline', `${error.message} Check the address and your connection; your progress is kept and syncs later.`);
  if (error instanceof SyncHttpError) return new DronaError(error.code, error.message, error.details);
  return new DronaError('internal', messageOf(error));
}

/** A call the signed-in learner makes; refused here, before any request, when this computer is signed out. */
export function signedInCall<S extends z.ZodType>(
  session: AccountSession,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body: unknown,
  schema: S,
): Promise<z.output<S>> {
  if (!session.account().signedIn) return Promise.reject(new DronaError('signed_out', 'Sign in to your account first (Settings → Account).'));
  return session.authorized(method, path, body, schema);
}
