// A token bucket per key (access token subject, or client address before sign-in), kept in the
// database (rate_limits) so every instance behind a load balancer draws from the same buckets.
// The refill, the check and the take happen in a single upsert per take; concurrent takes share
// one statement (a group commit: rate_limit_take runs their upserts in turn).
import type { SQL } from 'drizzle-orm';
import { sql, type Database } from './db/database';
import { GroupCommit } from './group-commit';

export interface RateLimit {
  /** Requests allowed in a burst. */
  readonly burst: number;
  /** Requests refilled per second. */
  readonly perSecond: number;
}

export type Taken = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Runs a statement (a transaction's). */
type Run = <T = Record<string, unknown>>(query: SQL) => Promise<T[]>;

/** Takes between prunes of idle buckets (per limiter and instance): rare enough to cost nothing. */
const pruneEvery = 5_000;

export interface RateLimiterOptions {
  /** Takes answered by one statement at most (a group commit's). */
  readonly maxGroup?: number;
}

export class RateLimiter {
  private takes = 0;
  private readonly group: GroupCommit<{ id: string; now: number }, Taken>;

  /** `namespace` keeps limiters with different limits apart in the one shared table. */
  constructor(
    private readonly db: Database,
    private readonly namespace: string,
    private readonly limit: RateLimit,
    private readonly now: () => number,
    options: RateLimiterOptions = {},
  ) {
    // Takes that arrive while one statement is running share the next: one round trip and one
    // commit answer all of them, however many instances take from the same buckets.
    this.group = new GroupCommit(db, (_, takes) => this.takeGroup(takes), { transaction: false, maxGroup: options.maxGroup ?? 64 });
  }

  /** Takes one request from `key`'s bucket; returns the seconds to wait when it is empty. */
  take(key: string): Promise<Taken> {
    return this.group.run({ id: `${this.namespace}:${key}`, now: this.now() });
  }

  /**
   * Takes of a group, in one statement (rate_limit_take): each the upsert a lone take would run,
   * in turn, so a key taken twice counts twice and each take sees the others' instances' commits.
   * Buckets are taken in key order (as takeEach locks them), each key's takes in arrival order.
   */
  private async takeGroup(takes: readonly { id: string; now: number }[]): Promise<Taken[]> {
    const { burst, perSecond } = this.limit;
    const order = takes.map((_, i) => i).sort((a, b) => (takes[a]!.id < takes[b]!.id ? -1 : takes[a]!.id > takes[b]!.id ? 1 : a - b));
    const rows = await this.db.query<{ take_index: number; granted: boolean; left_tokens: number | null }>(
      sql`select take_index, granted, left_tokens from rate_limit_take(${JSON.stringify(order.map((i) => [takes[i]!.id, takes[i]!.now]))}::jsonb, ${burst}::float8, ${perSecond}::float8)`,
      'rate-limit-take-group',
    );
    const answers: Taken[] = takes.map(() => ({ ok: true }));
    for (const row of rows) {
      if (!row.granted) answers[order[row.take_index]!] = { ok: false, retryAfterSeconds: this.retryAfter(Number(row.left_tokens ?? 0)) };
    }
    const before = this.takes;
    this.takes += takes.length;
    if (Math.floor(this.takes / pruneEvery) > Math.floor(before / pruneEvery)) await this.prune(Math.max(...takes.map((t) => t.now)));
    return answers;
  }

  /** Seconds until a bucket holding `tokens` has one. */
  private retryAfter(tokens: number): number {
    return Math.max(1, Math.ceil((1 - tokens) / this.limit.perSecond));
  }

  /**
   * The take as one statement returning a row when granted, and the answer once it has run: a
   * route may run the statement as a CTE of its own so a request costs one round trip.
   */
  taking(key: string): { statement: SQL; answer: (granted: boolean) => Promise<Taken> } {
    const now = this.now();
    const { burst, perSecond } = this.limit;
    const id = `${this.namespace}:${key}`;
    const refilled = sql`least(${burst}::float8, b.tokens + greatest(0, ${now}::bigint - b.at) / 1000.0 * ${perSecond}::float8)`;
    // The update's WHERE refuses an empty bucket: no row comes back, and the bucket keeps its time
    // so the refill since then still counts.
    const statement = sql`insert into rate_limits as b (key, tokens, at) values (${id}, ${burst - 1}::float8, ${now}::bigint)
      on conflict (key) do update set tokens = ${refilled} - 1, at = ${now}::bigint where ${refilled} >= 1 returning 1 as ok`;
    const answer = async (granted: boolean): Promise<Taken> => {
      if (++this.takes % pruneEvery === 0) await this.prune(now);
      if (granted) return { ok: true };
      const [row] = await this.db.query<{ tokens: number }>(sql`select ${refilled} as tokens from rate_limits b where key = ${id}`);
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - Number(row?.tokens ?? 0)) / perSecond)) };
    };
    return { statement, answer };
  }

  /**
   * Takes one request from each key's bucket (a key may repeat: each of its takes in turn) with
   * statements of `q`, a transaction's that writes what the requests do (ingestion's group
   * commit): the takes commit with it, and a request costs no round trip of its own. Buckets are
   * locked in key order, as the group's learners are. Answers in the keys' order.
   */
  async takeEach(q: Run, keys: readonly string[]): Promise<Taken[]> {
    const now = this.now();
    const { burst, perSecond } = this.limit;
    const refilled = sql`least(${burst}::float8, b.tokens + greatest(0, ${now}::bigint - b.at) / 1000.0 * ${perSecond}::float8)`;
    const answers: Taken[] = keys.map(() => ({ ok: true }));
    // A key's n-th take in the n-th statement (one statement cannot change a row twice).
    const rounds: number[][] = [];
    const seen = new Map<string, number>();
    keys.forEach((key, i) => {
      const round = seen.get(key) ?? 0;
      seen.set(key, round + 1);
      (rounds[round] ??= []).push(i);
    });
    for (const round of rounds) {
      const ids = round.map((i) => `${this.namespace}:${keys[i]!}`).sort();
      const granted = await q<{ key: string }>(sql`insert into rate_limits as b (key, tokens, at)
        select key, ${burst - 1}::float8, ${now}::bigint from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb) as k(key)
        on conflict (key) do update set tokens = ${refilled} - 1, at = ${now}::bigint where ${refilled} >= 1 returning b.key`);
      const ok = new Set(granted.map((row) => row.key));
      const refused = ids.filter((id) => !ok.has(id));
      const left =
        refused.length === 0
          ? []
          : await q<{ key: string; tokens: number }>(sql`select key, ${refilled} as tokens from rate_limits b
              where key in (select jsonb_array_elements_text(${JSON.stringify(refused)}::jsonb))`);
      const tokens = new Map(left.map((row) => [row.key, Number(row.tokens)]));
      for (const i of round) {
        const id = `${this.namespace}:${keys[i]!}`;
        if (!ok.has(id)) answers[i] = { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - (tokens.get(id) ?? 0)) / perSecond)) };
      }
    }
    const before = this.takes;
    this.takes += keys.length;
    if (Math.floor(this.takes / pruneEvery) > Math.floor(before / pruneEvery)) await this.prune(now, q);
    return answers;
  }

  /** Forgets buckets full again (idle for a whole refill): they would grant the same as none. */
  private async prune(now: number, q: Run = (query) => this.db.query(query)): Promise<void> {
    const full = Math.ceil((this.limit.burst / this.limit.perSecond) * 1000);
    await q(sql`delete from rate_limits where starts_with(key, ${`${this.namespace}:`}) and at < ${now - full}::bigint`);
  }
}
