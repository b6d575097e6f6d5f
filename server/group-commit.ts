// Group commit: requests that arrive while earlier ones are being written wait for the next
// transaction and share it, so one commit (one WAL flush, the disk's few hundred a second) answers
// many requests, and the writer handles them together (a statement per step for all of them).
// Nothing is answered before its transaction has committed, so an acknowledged request survives a
// crash as before. When a shared transaction fails (one request's error, or a deadlock PostgreSQL
// aborted), nothing of it was kept and each of its requests is run again alone: only the failing
// one fails.
import type { Database } from './db/database';

type Q = Parameters<Parameters<Database['transaction']>[0]>[0];

interface Waiting<I, R> {
  item: I;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

/** Writes a group's items in the transaction of `q`, answering each (in the items' order). */
export type GroupWriter<I, R> = (q: Q, items: I[]) => Promise<R[]>;

/** PostgreSQL's deadlock_detected, as the driver reports it (or a wrapper's cause). */
export const isDeadlock = (error: unknown): boolean => {
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: unknown };
  return code === '40P01' || (cause !== undefined && cause !== error && isDeadlock(cause));
};

export interface GroupCommitOptions {
  /**
   * Transactions written at once (each on its own connection of the pool). One by default: more
   * needs a writer that locks rows shared by groups in one order (ingestion locks the count rows
   * all learners share in one statement, in key order: ingest-lock-order.test.ts), else their
   * deadlocks (a second's wait each before PostgreSQL aborts one) made ingestion's p99 2.5 s at 1M
   * learners against 0.4–0.7 s with one.
   */
  readonly concurrency?: number;
  /** Requests in one transaction at most (its locks are held until all of them are done). */
  readonly maxGroup?: number;
  /**
   * False: the writer's statements run outside a transaction, each committing on its own, for a
   * writer that writes a group in one statement (no BEGIN and COMMIT round trips around it).
   */
  readonly transaction?: boolean;
}

export class GroupCommit<I, R> {
  private readonly queue: Waiting<I, R>[] = [];
  private running = 0;
  private readonly concurrency: number;
  private readonly maxGroup: number;
  private readonly inTransaction: <T>(fn: (q: Q) => Promise<T>) => Promise<T>;

  constructor(
    db: Database,
    private readonly writer: GroupWriter<I, R>,
    options: GroupCommitOptions = {},
  ) {
    this.concurrency = options.concurrency ?? 1;
    this.maxGroup = options.maxGroup ?? 32;
    this.inTransaction = options.transaction === false ? (fn) => fn((query) => db.query(query)) : (fn) => db.transaction(fn);
  }

  /**
   * Writes `item` in a transaction it may share with other requests; resolves once that has
   * committed.
   */
  run(item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.drain();
    });
  }

  private drain(): void {
    while (this.running < this.concurrency && this.queue.length > 0) {
      const group = this.queue.splice(0, this.maxGroup);
      this.running++;
      void this.write(group).finally(() => {
        this.running--;
        this.drain();
      });
    }
  }

  private async write(group: Waiting<I, R>[]): Promise<void> {
    if (group.length === 1) return this.alone(group[0]!);
    let results: R[];
    try {
      results = await this.inTransaction((q) =>
        this.writer(
          q,
          group.map((waiting) => waiting.item),
        ),
      );
    } catch {
      for (const waiting of group) await this.alone(waiting);
      return;
    }
    group.forEach((waiting, i) => waiting.resolve(results[i]!));
  }

  /**
   * One request in its own transaction. Batches of different learners share rows they lock in
   * no set order, so two can deadlock: PostgreSQL aborts one, and it is run again (nothing of it
   * was kept) rather than failing the request.
   */
  private async alone(waiting: Waiting<I, R>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        const [result] = await this.inTransaction((q) => this.writer(q, [waiting.item]));
        return waiting.resolve(result!);
      } catch (error) {
        if (attempt >= 3 || !isDeadlock(error)) return waiting.reject(error);
      }
    }
  }
}
