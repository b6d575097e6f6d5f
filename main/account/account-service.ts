// The learner's account on the sync server, beyond signing in (main/sync): an account created
// with a password, the sessions of its computers, and the account's data exported or deleted.
import { z } from 'zod';
import { DronaError, messageOf } from '../../preload/contract/errors';
import { DELETE_ACCOUNT_CONFIRMATION, type AccountSession as Session } from '../../preload/contract/account';
import type { SyncStatus } from '../../preload/contract/sync';
import { sessionsResponse } from '../../common/sync-api/account-schemas';
import { asDronaError, signedInCall } from '../sync/account-session';
import type { SyncService } from '../sync/sync-service';

const emailResponse = z.object({ email: z.string() });
const revokedResponse = z.object({ revoked: z.literal(true) });
const deletedResponse = z.object({ deleted: z.literal(true) });
const exportResponse = z.record(z.string(), z.unknown());

export class AccountService {
  constructor(
    private readonly sync: SyncService,
    private readonly now: () => number = Date.now,
    private readonly warn: (message: string) => void = () => {},
  ) {}

  /** Server calls as the learner reads their failures (offline, wrong password, rate limited...). */
  private async call<S extends z.ZodType>(method: 'GET' | 'POST' | 'DELETE', path: string, body: unknown, schema: S): Promise<z.output<S>> {
    try {
      return await signedInCall(this.sync, method, path, body, schema);
    } catch (error) {
      throw asDronaError(error);
    }
  }

  /**
   * A new learner with an email and password. The password is set right after registering; if
   * the server refuses it (an email in use), the learner just made is deleted again, so a refusal
   * leaves no half-made account behind.
   */
  async create(input: { displayName: string; email: string; password: string; optedIn: boolean }): Promise<SyncStatus> {
    await this.sync.signIn({ displayName: input.displayName, email: input.email, optedIn: input.optedIn });
    try {
      await this.setPassword({ email: input.email, password: input.password });
    } catch (error) {
      await this.call('DELETE', '/v1/account', { confirm: DELETE_ACCOUNT_CONFIRMATION }, deletedResponse).catch((undo: unknown) =>
        this.warn(`account: the learner made for ${input.email} stays on the server: ${messageOf(undo)}`),
      );
      this.sync.signOut();
      throw error;
    }
    return this.sync.status();
  }

  setPassword(input: { email: string; password: string; currentPassword?: string | undefined }): Promise<{ email: string }> {
    return this.call('POST', '/v1/account/credentials', input, emailResponse);
  }

  async sessions(): Promise<{ sessions: Session[] }> {
    return this.call('GET', '/v1/auth/sessions', undefined, sessionsResponse);
  }

  async revokeSession(id: string): Promise<{ sessions: Session[] }> {
    const { sessions } = await this.sessions();
    if (sessions.find((s) => s.id === id)?.current) throw new DronaError('invalid_input', 'That is this computer; use Sign out to end its session instead.');
    await this.call('DELETE', `/v1/auth/sessions/${encodeURIComponent(id)}`, undefined, revokedResponse);
    return this.sessions();
  }

  async export(): Promise<{ fileName: string; json: string }> {
    const data = await this.call('GET', '/v1/account/export', undefined, exportResponse);
    const day = new Date(this.now()).toISOString().slice(0, 10);
    return { fileName: `dronacharya-account-${day}.json`, json: JSON.stringify(data, null, 2) };
  }

  /** Deletes everything the server holds; this computer keeps its progress and signs out. */
  async delete(): Promise<SyncStatus> {
    await this.call('DELETE', '/v1/account', { confirm: DELETE_ACCOUNT_CONFIRMATION }, deletedResponse);
    return this.sync.signOut();
  }
}
