// The app's client for the hosted API: fetch with a timeout, responses parsed with the
// server's own zod schemas, one transparent refresh when the access token has expired — one for
// all the calls that find it expired at once: a refresh token works once, and the server takes a
// second use as theft and signs the device out.
import type { z } from 'zod';
import { eventsResponse, tokensResponse, type EventInput, type Tokens } from '../../common/sync-api/schemas';
import { HttpStatusError } from '../../common/errors';
import { messageOf } from '../../preload/contract/errors';

/** The server could not be reached (no network, server down, timeout). */
export class SyncOfflineError extends Error {
  readonly kind = 'offline';
  constructor(message: string) {
    super(message);
    this.name = 'SyncOfflineError';
  }
}

/** The server answered with an error body. */
export class SyncHttpError extends HttpStatusError {
  readonly kind = 'http';
}

/** Every failure of an API call, told apart by `kind` rather than by its message. */
export type SyncApiError = SyncOfflineError | SyncHttpError;

export const isSyncApiError = (error: unknown): error is SyncApiError => error instanceof SyncOfflineError || error instanceof SyncHttpError;

export interface TokenKeeper {
  get(): Tokens | null;
  set(tokens: Tokens | null): void;
}

export type Fetch = typeof fetch;

export class ApiClient {
  private refreshing: Promise<Tokens> | null = null;

  constructor(
    private readonly baseUrl: string,
    private readonly tokens: TokenKeeper,
    private readonly fetchImpl: Fetch = fetch,
    private readonly timeoutMs = 10_000,
  ) {}

  private async raw(method: string, path: string, body: unknown, token: string | null): Promise<Response> {
    try {
      return await this.fetchImpl(`${this.baseUrl.replace(/\/+$/, '')}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new SyncOfflineError(`The sync server at ${this.baseUrl} cannot be reached (${messageOf(error)}).`);
    }
  }

  private async parse<S extends z.ZodType>(res: Response, schema: S): Promise<z.output<S>> {
    const text = await res.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    if (!res.ok) {
      const error = (json as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
      throw new SyncHttpError(res.status, error?.code ?? `http_${res.status}`, error?.message ?? `The sync server answered ${res.status}.`, error?.details);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success)
      throw new SyncHttpError(
        res.status,
        'bad_response',
        'The sync server sent an answer this app does not understand; is it a Dronacharya server of a matching version?',
      );
    return parsed.data;
  }

  /** An authenticated call; refreshes the access token once if it expired. */
  async authorized<S extends z.ZodType>(method: string, path: string, body: unknown, schema: S): Promise<z.output<S>> {
    const tokens = this.tokens.get();
    if (!tokens) throw new SyncHttpError(401, 'signed_out', 'Sign in to the sync server first (Settings → Sync).');
    let res = await this.raw(method, path, body, tokens.accessToken);
    if (res.status === 401) res = await this.raw(method, path, body, (await this.refreshed(tokens)).accessToken);
    return this.parse(res, schema);
  }

  /**
   * Tokens to replace `stale`, whose access token was refused: those another call already got,
   * or the result of the one refresh in flight, started here if there is none.
   */
  private refreshed(stale: Tokens): Promise<Tokens> {
    const current = this.tokens.get();
    if (current && current.refreshToken !== stale.refreshToken) return Promise.resolve(current);
    this.refreshing ??= this.refresh(stale.refreshToken).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async refresh(refreshToken: string): Promise<Tokens> {
    const res = await this.raw('POST', '/v1/auth/refresh', { refreshToken }, null);
    if (res.status === 401) {
      // The session is over, not the learner: the account keeps its learner id (see SyncService.signIn).
      this.tokens.set(null);
      throw new SyncHttpError(401, 'signed_out', 'The sync server signed this device out; sign in again (Settings → Sync).');
    }
    const tokens = await this.parse(res, tokensResponse);
    this.tokens.set(tokens);
    return tokens;
  }

  async register(input: { displayName: string; email?: string | undefined; timezone: string; optedIn: boolean }): Promise<Tokens> {
    const tokens = await this.parse(await this.raw('POST', '/v1/learners', input, null), tokensResponse);
    this.tokens.set(tokens);
    return tokens;
  }

  /** Signs this device in to an existing account, by password or by a code shown on a signed-in computer. */
  async signInExisting(input: { email: string; password: string; deviceName: string } | { code: string; deviceName: string }): Promise<Tokens> {
    const path = 'code' in input ? '/v1/auth/link' : '/v1/auth/sign-in';
    const tokens = await this.parse(await this.raw('POST', path, input, null), tokensResponse);
    this.tokens.set(tokens);
    return tokens;
  }

  setOptIn(optedIn: boolean) {
    return this.authorized('PATCH', '/v1/me', { optedIn }, eventsResponse.pick({}).passthrough());
  }

  sendEvents(events: EventInput[]) {
    return this.authorized('POST', '/v1/events', { events }, eventsResponse);
  }

  /** A call to a public endpoint (no token), such as the server's signing keys. */
  async publicGet<S extends z.ZodType>(path: string, schema: S): Promise<z.output<S>> {
    return this.parse(await this.raw('GET', path, undefined, null), schema);
  }
}
