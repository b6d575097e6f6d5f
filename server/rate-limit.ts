// A token bucket per key (access token subject, or client address before sign-in), kept in the
// database (rate_limits) so every instance behind a load balancer draws from the same buckets.
// One statement per request: the refill, the check and the take happen in a single upsert.
import type { SQL } from 'drizzle-orm';
import { sql, type Database } from './db/database';

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

export class RateLimiter {
  private takes = 0;

  /** `namespace` keeps limiters with different limits apart in the one shared table. */
  constructor(
    private readonly db: Database,
    private readonly namespace: string,
    private readonly limit: RateLimit,
    private readonly now: () => number,
  ) {}

  /** Takes one request from `key`'s bucket; returns the seconds to wait when it is empty. */
  async take(key: string): Promise<Taken> {
    const taking = this.taking(key);
    const granted = await this.db.query(taking.statement, 'rate-limit-take');
    return taking.answer(granted.length > 0);
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
