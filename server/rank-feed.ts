// Keeps an API instance's rank index current: listens on drona_rank (migration 0017's triggers
// notify every change of a board row or a display name at commit, whichever instance or tool
// made it), loads the index, then applies what arrived during the load and everything after, in
// commit order. Each notification carries rows' new state, so one applied twice, or one already
// in the load, changes nothing. Until loaded, while reloading ("reload": a bulk change), and after
// the listening connection dropped (until listening and loaded again), `around` answers nothing
// and the route reads the database: never a stale index. A notification that is not what the
// triggers send (or that the index cannot apply) is logged and treated as "reload": the index
// may have missed a change, so the database answers until it is loaded again.
//
// The index holds only the week boards a route can still ask for: `week` is the learner's week
// in their timezone, and no timezone is behind UTC-12, so boards of earlier weeks are dropped
// (and not loaded, nor made again by a late change). A deleted learner (migration 0019's
// notification) leaves every board, and their id and name leave memory. The index also holds
// every learner's timezone (loaded, then 0019's notifications of learners added and timezones
// changed), so the week board is resolved without a statement.
import { z } from 'zod';
import type { Database } from './db/database';
import type { AroundResponse } from '../common/sync-api/schemas';
import { messageOf } from '../common/errors';
import { weekOf } from '../common/rules/calendar';
import type { RankIndex } from './rank-index';
import { CollationError, loadRankIndex } from './rank-load';

export const rankChannel = 'drona_rank';

const id = z.string().min(1).max(1000);
const score = z
  .number()
  .int()
  .min(-(2 ** 31))
  .max(2 ** 31 - 1);
/**
 * What migrations 0017 and 0019's triggers send (besides "reload"); other keys (`t`) are ignored.
 * A learner gone or a timezone comes with empty rows (older versions read it as no change): they are tried first.
 */
const notice = z.union([
  z.object({ gone: id }),
  z.object({ zone: z.tuple([id, z.string(), z.string().min(1).max(200)]) }),
  z.object({ rows: z.array(z.tuple([id, id, score.nullable(), z.boolean(), z.string().nullable()])) }),
  z.object({ name: z.tuple([id, z.string()]) }),
]);
type Notice = z.output<typeof notice>;

/** The notification's content, or null when it is not one the triggers send. */
function parse(payload: string): Notice | 'reload' | null {
  if (payload === 'reload') return payload;
  let raw: unknown;
  try {
    raw = JSON.parse(payload);
  } catch {
    return null;
  }
  const parsed = notice.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** The earliest week a route can ask for at `now`: the week in the timezone furthest behind (UTC-12). */
export const oldestWeek = (now: number) => weekOf(now, 'Etc/GMT+12');
/** How often, at most, the index looks for week boards to drop. */
const sweepMs = 60_000;

export interface RankFeedStats {
  readonly loadMs: number;
  readonly boards: number;
  readonly rows: number;
  /** Learners whose id and name the index holds. */
  readonly learners: number;
  /** About the bytes the index holds (its arrays, ids and names). */
  readonly indexBytes: number;
  /** The process's heap in use once loaded (the index and everything else). */
  readonly heapBytes: number;
}

export class RankFeed {
  private index: RankIndex | null = null;
  /** Notifications that came during a load, applied once it is done. */
  private pending: string[] | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private generation = 0;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;
  private loaded: RankFeedStats | null = null;
  private waiting: (() => void)[] = [];
  private oldest: string;
  private sweptAt: number;

  constructor(
    private readonly db: Database,
    private readonly log: (entry: Record<string, unknown>) => void = () => {},
    private readonly retryMs = 1000,
    private readonly now: () => number = Date.now,
  ) {
    this.sweptAt = now();
    this.oldest = oldestWeek(this.sweptAt);
  }

  /** Starts listening and loading; resolves once the first load is done (or failed, then retried). */
  start(): Promise<void> {
    return this.connect();
  }

  /** The last load's time and heap, and what the index holds now (the last load's figures while reloading). */
  get stats(): RankFeedStats | null {
    if (!this.loaded || !this.index) return this.loaded;
    return { ...this.loaded, ...sizeOf(this.index) };
  }

  get ready(): boolean {
    return this.index !== null;
  }

  /** Resolves once the index is loaded (tests and the bench). */
  whenReady(): Promise<void> {
    return this.index ? Promise.resolve() : new Promise((resolve) => this.waiting.push(resolve));
  }

  /** The index's answer, or undefined when the database must answer. */
  around(board: string, learnerId: string, span = 5): AroundResponse | undefined {
    if (!this.index) return undefined;
    this.sweep();
    return this.index.around(board, learnerId, span);
  }

  /** A learner's timezone from the index, or undefined when the database must answer. */
  timezone(learnerId: string): string | undefined {
    return this.index?.timezone(learnerId);
  }

  /** Drops the week boards no route can ask for any more (at most once a minute). */
  private sweep(): void {
    const now = this.now();
    if (now - this.sweptAt < sweepMs) return;
    this.sweptAt = now;
    this.oldest = oldestWeek(now);
    this.index?.dropWeeksBefore(this.oldest);
  }

  /** Whether the index keeps a board (not a week board of a week past). */
  private keeps = (board: string): boolean => !board.startsWith('week:') || board.slice(5) >= this.oldest;

  async close(): Promise<void> {
    this.closed = true;
    this.index = null;
    if (this.retry) clearTimeout(this.retry);
    await this.unlisten?.();
    this.unlisten = null;
  }

  private async connect(): Promise<void> {
    const generation = ++this.generation;
    this.index = null;
    this.pending = [];
    try {
      await this.unlisten?.();
      this.unlisten = null;
      this.unlisten = await this.db.listen(
        rankChannel,
        (payload) => this.notified(generation, payload),
        (error) => this.dropped(generation, error),
      );
      await this.load(generation);
    } catch (error) {
      if (generation !== this.generation || this.closed) return;
      if (error instanceof CollationError) {
        // Loading again would fail again: stop listening, and the database answers for good.
        this.log({ level: 'error', msg: 'rank index off: the database answers rank-around-me', error: error.message });
        this.closed = true;
        this.pending = null;
        await this.unlisten?.();
        this.unlisten = null;
        return;
      }
      this.log({ level: 'error', msg: 'rank index: listening or loading failed; the database answers until it is back', error: messageOf(error) });
      this.schedule();
    }
  }

  private async load(generation: number): Promise<void> {
    const started = performance.now();
    this.pending = [];
    this.oldest = oldestWeek(this.now());
    const index = await loadRankIndex(this.db, this.keeps);
    if (generation !== this.generation || this.closed) return;
    const pending = this.pending;
    this.pending = null;
    for (const payload of pending) if (!this.applies(index, payload)) return this.reload(generation);
    this.index = index;
    this.loaded = { loadMs: performance.now() - started, ...sizeOf(index), heapBytes: process.memoryUsage().heapUsed };
    this.log({ level: 'info', msg: 'rank index loaded', ...this.loaded });
    for (const resolve of this.waiting.splice(0)) resolve();
  }

  private reload(generation: number): void {
    this.index = null;
    this.load(generation).catch((error: unknown) => {
      if (generation !== this.generation || this.closed) return;
      this.log({ level: 'error', msg: 'rank index: reloading failed', error: messageOf(error) });
      void this.connect();
    });
  }

  private notified(generation: number, payload: string): void {
    if (generation !== this.generation) return;
    if (this.pending) this.pending.push(payload);
    else if (this.index && !this.applies(this.index, payload)) this.reload(generation);
  }

  /**
   * Applies one notification (rows' new state, a new display name, a learner gone) to the index;
   * false when the index must be loaded again: "reload" (a bulk change), or a notification that is
   * not one the triggers send or that the index could not apply (it may have missed a change).
   */
  private applies(index: RankIndex, payload: string): boolean {
    const content = parse(payload);
    if (content === 'reload') return false;
    if (content === null) {
      this.log({ level: 'error', msg: 'rank index: a notification is not one the triggers send; reloading', payload: payload.slice(0, 200) });
      return false;
    }
    try {
      if ('name' in content) index.rename(content.name[0], content.name[1]);
      else if ('gone' in content) index.forget(content.gone);
      else if ('zone' in content) index.learner(...content.zone);
      else
        for (const [board, learnerId, score, visible, displayName] of content.rows) {
          if (!this.keeps(board)) continue;
          // A board the load did not hold had no row then: its rows are all in notifications since.
          index.addBoard(board);
          index.apply({ board, learnerId, score, visible }, displayName ?? undefined);
        }
      return true;
    } catch (error) {
      this.log({ level: 'error', msg: 'rank index: a notification could not be applied; reloading', error: messageOf(error), payload: payload.slice(0, 200) });
      return false;
    }
  }

  private dropped(generation: number, error: unknown): void {
    if (generation !== this.generation || this.closed) return;
    this.index = null;
    this.pending = null;
    this.unlisten = null;
    this.log({ level: 'error', msg: 'rank index: the listening connection dropped; the database answers until it is back', error: messageOf(error) });
    this.schedule();
  }

  private schedule(): void {
    if (this.closed || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, this.retryMs);
    this.retry.unref();
  }
}

function sizeOf(index: RankIndex): Pick<RankFeedStats, 'boards' | 'rows' | 'learners' | 'indexBytes'> {
  return { boards: index.boardCount, rows: index.rowCount, learners: index.learnerCount, indexBytes: index.bytes };
}
