// An in-memory rank index: per board, the visible learners in board order (score descending,
// ties by learner id descending, as leaderboards.ts orders them) in an order-statistic structure,
// so rank-around-me is answered without a statement. Learners are interned (an id and a display
// name each, once for all boards); a board holds typed arrays of learner numbers in sorted blocks.
//
// The index holds only what it was told: a loader fills boards from the database and the
// notifications of changes keep them current (see rank-feed.ts). It never answers a board it
// does not hold.
import type { AroundResponse, BoardRow } from '../common/sync-api/schemas';

/** Entries per block at most: inserting moves at most this many numbers, ranking sums one count per block. */
const blockCapacity = 1024;
/** Entries per block when a board is built from a sorted load (room for inserts before a split). */
const loadFill = 768;

/** A learner's row on a board: its score, or null when the row is gone; hidden rows count nowhere. */
export interface ScoreChange {
  readonly board: string;
  readonly learnerId: string;
  readonly score: number | null;
  readonly visible: boolean;
}

/** One row of a board's load, in any order. */
export interface LoadedRow {
  readonly learnerId: string;
  readonly displayName: string;
  readonly score: number;
  readonly visible: boolean;
}

interface Block {
  n: number;
  readonly scores: Int32Array;
  readonly learners: Int32Array;
}

const absent = 0;
const hidden = 1;
const shown = 2;

/** Compares ids as PostgreSQL's C collation does (by code point), not by UTF-16 unit. */
function compareIds(a: string, b: string, wide: boolean): number {
  if (a === b) return 0;
  if (!wide) return a < b ? -1 : 1;
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** UTF-16 units from the surrogates up order differently by unit and by code point. */
const isWide = (id: string) => /[\uD800-\uFFFF]/.test(id);

/** The learners every board refers to by number. */
class Learners {
  readonly ids: string[] = [];
  readonly names: string[] = [];
  readonly wide: boolean[] = [];
  private readonly numbers = new Map<string, number>();
  /** Numbers of forgotten learners, given to new ones (no board holds a row of theirs). */
  private readonly free: number[] = [];
  /** Each learner's timezone as a number in `zones` (0: not known). */
  private zoneOf = new Uint16Array(1024);
  private readonly zones: string[] = [''];
  private readonly zoneNumbers = new Map<string, number>();

  /** A learner's timezone, when the index has been told it. */
  zone(id: string): string | undefined {
    const n = this.numbers.get(id);
    const zone = n === undefined || n >= this.zoneOf.length ? 0 : this.zoneOf[n]!;
    return zone === 0 ? undefined : this.zones[zone];
  }

  setZone(n: number, timezone: string): void {
    let zone = this.zoneNumbers.get(timezone);
    if (zone === undefined) {
      // Past 65,535 distinct names (IANA has a few hundred) the timezone is left unknown.
      if (this.zones.length > 0xffff) return this.clearZone(n);
      zone = this.zones.length;
      this.zones.push(timezone);
      this.zoneNumbers.set(timezone, zone);
    }
    if (n >= this.zoneOf.length) {
      let size = this.zoneOf.length;
      while (size <= n) size *= 2;
      const zones = new Uint16Array(size);
      zones.set(this.zoneOf);
      this.zoneOf = zones;
    }
    this.zoneOf[n] = zone;
  }

  private clearZone(n: number): void {
    if (n < this.zoneOf.length) this.zoneOf[n] = 0;
  }

  get zoneBytes(): number {
    return this.zoneOf.byteLength;
  }

  number(id: string): number | undefined {
    return this.numbers.get(id);
  }

  get count(): number {
    return this.numbers.size;
  }

  /** UTF-16 units held in ids and names (two bytes each at most). */
  chars = 0;

  /** Drops a learner's id and name; their number is reused (every board must have no row of theirs). */
  forget(id: string): void {
    const n = this.numbers.get(id);
    if (n === undefined) return;
    this.numbers.delete(id);
    this.chars -= id.length + this.names[n]!.length;
    this.ids[n] = '';
    this.names[n] = '';
    this.wide[n] = false;
    this.clearZone(n);
    this.free.push(n);
  }

  /** The learner's number (a new one for a new id); `name`, when given, is their display name from now on. */
  intern(id: string, name?: string): number {
    let n = this.numbers.get(id);
    if (n === undefined) {
      n = this.free.pop() ?? this.ids.length;
      this.numbers.set(id, n);
      this.ids[n] = id;
      this.names[n] = name ?? '';
      this.wide[n] = isWide(id);
      this.chars += id.length + (name ?? '').length;
    } else if (name !== undefined) {
      this.chars += name.length - this.names[n]!.length;
      this.names[n] = name;
    }
    return n;
  }
}

/** One board: each learner's score and state, and the visible ones in order in blocks. */
export class BoardIndex {
  private scoreOf = new Int32Array(1024);
  private stateOf = new Uint8Array(1024);
  private blocks: Block[] = [];

  constructor(private readonly learners: Learners) {}

  get size(): number {
    let n = 0;
    for (const block of this.blocks) n += block.n;
    return n;
  }

  /** Bytes of the board's arrays. */
  get bytes(): number {
    return this.scoreOf.byteLength + this.stateOf.byteLength + this.blocks.length * blockCapacity * 8;
  }

  /** Negative when learner `a` with score `sa` ranks ahead of `b` with `sb`. */
  private compare(sa: number, a: number, sb: number, b: number): number {
    if (sa !== sb) return sb - sa;
    if (a === b) return 0;
    const { ids, wide } = this.learners;
    return compareIds(ids[b]!, ids[a]!, wide[a]! || wide[b]!);
  }

  private grow(learner: number): void {
    if (learner < this.scoreOf.length) return;
    let size = this.scoreOf.length;
    while (size <= learner) size *= 2;
    const scores = new Int32Array(size);
    scores.set(this.scoreOf);
    const states = new Uint8Array(size);
    states.set(this.stateOf);
    this.scoreOf = scores;
    this.stateOf = states;
  }

  /** The block and offset where (score, learner) is or would go. */
  private seek(score: number, learner: number): { b: number; i: number } {
    const blocks = this.blocks;
    // The first block whose last entry is not ahead of the key.
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const block = blocks[mid]!;
      if (this.compare(block.scores[block.n - 1]!, block.learners[block.n - 1]!, score, learner) < 0) lo = mid + 1;
      else hi = mid;
    }
    const block = blocks[lo]!;
    let i = 0;
    let j = block.n;
    while (i < j) {
      const mid = (i + j) >> 1;
      if (this.compare(block.scores[mid]!, block.learners[mid]!, score, learner) < 0) i = mid + 1;
      else j = mid;
    }
    return { b: lo, i };
  }

  private insert(score: number, learner: number): void {
    if (this.blocks.length === 0) this.blocks.push({ n: 0, scores: new Int32Array(blockCapacity), learners: new Int32Array(blockCapacity) });
    const { b, i } = this.seek(score, learner);
    let block = this.blocks[b]!;
    if (block.n === blockCapacity) {
      // Split in halves, and insert into the half the key falls in.
      const half = blockCapacity >> 1;
      const right: Block = { n: blockCapacity - half, scores: new Int32Array(blockCapacity), learners: new Int32Array(blockCapacity) };
      right.scores.set(block.scores.subarray(half));
      right.learners.set(block.learners.subarray(half));
      block.n = half;
      this.blocks.splice(b + 1, 0, right);
      if (i > half) return this.put(right, i - half, score, learner);
      block = this.blocks[b]!;
    }
    this.put(block, i, score, learner);
  }

  private put(block: Block, i: number, score: number, learner: number): void {
    block.scores.copyWithin(i + 1, i, block.n);
    block.learners.copyWithin(i + 1, i, block.n);
    block.scores[i] = score;
    block.learners[i] = learner;
    block.n++;
  }

  private remove(score: number, learner: number): void {
    const { b, i } = this.seek(score, learner);
    const block = this.blocks[b]!;
    if (block.learners[i] !== learner) throw new Error('rank index: a visible learner is missing from its board');
    block.scores.copyWithin(i, i + 1, block.n);
    block.learners.copyWithin(i, i + 1, block.n);
    block.n--;
    if (block.n === 0) this.blocks.splice(b, 1);
  }

  /** Sets a learner's row (score null: no row). */
  set(learner: number, score: number | null, visible: boolean): void {
    this.grow(learner);
    const state = score === null ? absent : visible ? shown : hidden;
    if (this.stateOf[learner] === shown) {
      if (state === shown && this.scoreOf[learner] === score) return;
      this.remove(this.scoreOf[learner]!, learner);
    }
    this.stateOf[learner] = state;
    this.scoreOf[learner] = score ?? 0;
    if (state === shown) this.insert(score!, learner);
  }

  /** Removes a learner's row if the board has one. */
  clear(learner: number): void {
    if (learner < this.stateOf.length && this.stateOf[learner] !== absent) this.set(learner, null, false);
  }

  /** Adds a hidden row while the board is built. */
  loadHidden(learner: number, score: number): void {
    this.grow(learner);
    this.stateOf[learner] = hidden;
    this.scoreOf[learner] = score;
  }

  /** Appends a visible row while the board is built, in board order (throws otherwise). */
  loadVisible(learner: number, score: number): void {
    let block = this.blocks.at(-1);
    if (block && this.compare(block.scores[block.n - 1]!, block.learners[block.n - 1]!, score, learner) >= 0)
      throw new Error('rank index: the rows loaded are not in board order (is the database collation C?)');
    this.grow(learner);
    this.stateOf[learner] = shown;
    this.scoreOf[learner] = score;
    if (!block || block.n === loadFill) {
      block = { n: 0, scores: new Int32Array(blockCapacity), learners: new Int32Array(blockCapacity) };
      this.blocks.push(block);
    }
    block.scores[block.n] = score;
    block.learners[block.n] = learner;
    block.n++;
  }

  /** The rows from position `from` (0 is first), at most `count`. */
  private rows(from: number, count: number): BoardRow[] {
    const out: BoardRow[] = [];
    let b = 0;
    let skip = Math.max(0, from);
    while (b < this.blocks.length && skip >= this.blocks[b]!.n) skip -= this.blocks[b++]!.n;
    let position = Math.max(0, from);
    for (; b < this.blocks.length && out.length < count; b++, skip = 0) {
      const block = this.blocks[b]!;
      for (let i = skip; i < block.n && out.length < count; i++) out.push(this.row(block.learners[i]!, block.scores[i]!, ++position));
    }
    return out;
  }

  private row(learner: number, score: number, rank: number): BoardRow {
    return { rank, learnerId: this.learners.ids[learner]!, displayName: this.learners.names[learner]!, score };
  }

  /** As rankAround answers: the learner's rank and `span` rows each side, or the top 2 × span when they are not shown. */
  around(board: string, learnerId: string, span: number): AroundResponse {
    const learner = this.learners.number(learnerId);
    if (learner === undefined || learner >= this.stateOf.length || this.stateOf[learner] !== shown)
      return { board, me: null, above: [], below: this.rows(0, span * 2) };
    const score = this.scoreOf[learner]!;
    const { b, i } = this.seek(score, learner);
    let position = i;
    for (let k = 0; k < b; k++) position += this.blocks[k]!.n;
    const above = this.rows(position - span, Math.min(span, position));
    const below = this.rows(position + 1, span);
    return { board, me: this.row(learner, score, position + 1), above, below };
  }
}

/** Every board the index holds, and their learners. */
export class RankIndex {
  private readonly learners = new Learners();
  private readonly boards = new Map<string, BoardIndex>();

  has(board: string): boolean {
    return this.boards.has(board);
  }

  get boardCount(): number {
    return this.boards.size;
  }

  /** Rows held, over every board. */
  get rowCount(): number {
    let n = 0;
    for (const board of this.boards.values()) n += board.size;
    return n;
  }

  /** Learners held (interned: on a board now or before, or loaded with a name). */
  get learnerCount(): number {
    return this.learners.count;
  }

  /** About the bytes the index holds: its boards' arrays and its learners' ids and names. */
  get bytes(): number {
    let n = this.learners.chars * 2 + this.learners.ids.length * 3 * 8 + this.learners.zoneBytes;
    for (const board of this.boards.values()) n += board.bytes;
    return n;
  }

  /** Drops the `week:` boards of weeks before `week` (an ISO week, as weekOf gives). */
  dropWeeksBefore(week: string): void {
    for (const board of this.boards.keys()) if (board.startsWith('week:') && board.slice(5) < week) this.boards.delete(board);
  }

  /** Removes a learner (a deleted account) from every board, and their id and name from memory. */
  forget(learnerId: string): void {
    const learner = this.learners.number(learnerId);
    if (learner === undefined) return;
    for (const board of this.boards.values()) board.clear(learner);
    this.learners.forget(learnerId);
  }

  /** A learner's number (see Learners.intern); `timezone`, when given, is theirs from now on. */
  learner(learnerId: string, displayName?: string, timezone?: string): number {
    const n = this.learners.intern(learnerId, displayName);
    if (timezone !== undefined) this.learners.setZone(n, timezone);
    return n;
  }

  /** A learner's timezone, when the index knows it (loaded, or notified since). */
  timezone(learnerId: string): string | undefined {
    return this.learners.zone(learnerId);
  }

  /**
   * A new board to fill (see BoardIndex.loadVisible and loadHidden): held once `install` puts it
   * in, replacing any board of that name.
   */
  build(): BoardIndex {
    return new BoardIndex(this.learners);
  }

  install(board: string, index: BoardIndex): void {
    this.boards.set(board, index);
  }

  /** Replaces a board with `rows`: the visible ones in board order, hidden ones anywhere. */
  loadBoard(board: string, rows: Iterable<LoadedRow>): void {
    const index = this.build();
    for (const row of rows) {
      const learner = this.learner(row.learnerId, row.displayName);
      if (row.visible) index.loadVisible(learner, row.score);
      else index.loadHidden(learner, row.score);
    }
    this.install(board, index);
  }

  /** An empty board (one the database has no row of). */
  addBoard(board: string): void {
    if (!this.boards.has(board)) this.boards.set(board, new BoardIndex(this.learners));
  }

  /** Applies a row's new state to a board held (others are not the index's). */
  apply(change: ScoreChange, displayName?: string): void {
    const board = this.boards.get(change.board);
    if (!board) return;
    // A row removed of a learner the index does not know (forgotten: an account deleted) changes nothing.
    if (change.score === null && this.learners.number(change.learnerId) === undefined) return;
    board.set(this.learners.intern(change.learnerId, displayName), change.score, change.visible);
  }

  /** A learner's new display name (learners the index has never seen on a board need none). */
  rename(learnerId: string, displayName: string): void {
    if (this.learners.number(learnerId) !== undefined) this.learners.intern(learnerId, displayName);
  }

  /** The rank-around-me answer, or undefined for a board the index does not hold. */
  around(board: string, learnerId: string, span = 5): AroundResponse | undefined {
    return this.boards.get(board)?.around(board, learnerId, span);
  }
}
