// Standard input for a program in a worker: the engine reads synchronously (Python's input()
// blocks), so the driver writes into shared memory and the worker waits on it with Atomics.
// One writer (the driver), one reader (the worker): a ring of bytes with counters of bytes
// written and read, an end flag, and a sequence number the reader waits on.

const CAPACITY = 64 * 1024;
const HEADER = 16;
const READ = 0;
const WRITTEN = 1;
const ENDED = 2;
const SEQUENCE = 3;

export const newStdinBuffer = () => new SharedArrayBuffer(HEADER + CAPACITY);

/** The driver's side: text the learner sent, in order, even past what the ring holds at once. */
export class StdinWriter {
  private readonly control: Int32Array;
  private readonly data: Uint8Array;
  private queued: Uint8Array = new Uint8Array(0);
  private ending = false;

  constructor(buffer: SharedArrayBuffer) {
    this.control = new Int32Array(buffer, 0, 4);
    this.data = new Uint8Array(buffer, HEADER, CAPACITY);
  }

  write(text: string): void {
    const bytes = new TextEncoder().encode(text);
    const joined = new Uint8Array(this.queued.length + bytes.length);
    joined.set(this.queued);
    joined.set(bytes, this.queued.length);
    this.queued = joined;
    this.pump();
  }

  end(): void {
    this.ending = true;
    this.pump();
  }

  /** Moves what fits into the ring; call again when the reader has taken some (it says when it waits). */
  pump(): void {
    const written = Atomics.load(this.control, WRITTEN);
    const room = CAPACITY - (written - Atomics.load(this.control, READ));
    const count = Math.min(room, this.queued.length);
    for (let i = 0; i < count; i += 1) this.data[(written + i) % CAPACITY] = this.queued[i]!;
    this.queued = this.queued.subarray(count);
    if (count) Atomics.store(this.control, WRITTEN, written + count);
    if (this.ending && this.queued.length === 0) Atomics.store(this.control, ENDED, 1);
    Atomics.add(this.control, SEQUENCE, 1);
    Atomics.notify(this.control, SEQUENCE);
  }
}

/** The worker's side: blocks until there are bytes or the end. */
export class StdinReader {
  private readonly control: Int32Array;
  private readonly data: Uint8Array;

  /** `waiting(true)` before it blocks (flush the prompt, stop the clock), `waiting(false)` once input came. */
  constructor(
    buffer: SharedArrayBuffer,
    private readonly waiting: (blocked: boolean) => void,
  ) {
    this.control = new Int32Array(buffer, 0, 4);
    this.data = new Uint8Array(buffer, HEADER, CAPACITY);
  }

  /** Copies up to `into.length` bytes into `into`; 0 means end of input. */
  read(into: Uint8Array): number {
    let blocked = false;
    for (;;) {
      const sequence = Atomics.load(this.control, SEQUENCE);
      const read = Atomics.load(this.control, READ);
      const available = Atomics.load(this.control, WRITTEN) - read;
      if (available > 0 || Atomics.load(this.control, ENDED)) {
        if (blocked) this.waiting(false);
        const count = Math.min(available, into.length);
        for (let i = 0; i < count; i += 1) into[i] = this.data[(read + i) % CAPACITY]!;
        Atomics.store(this.control, READ, read + count);
        return count;
      }
      if (!blocked) this.waiting(true);
      blocked = true;
      Atomics.wait(this.control, SEQUENCE, sequence);
    }
  }

  /** One line (with its newline), or what is left before the end; null at the end of input. */
  readLine(): string | null {
    const bytes: number[] = [];
    const one = new Uint8Array(1);
    while (this.read(one) === 1) {
      bytes.push(one[0]!);
      if (one[0] === 10) break;
    }
    return bytes.length ? new TextDecoder().decode(new Uint8Array(bytes)) : null;
  }
}
