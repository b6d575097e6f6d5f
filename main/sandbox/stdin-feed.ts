// What a running program reads from standard input: text given up front (`drona run --input`),
// or lines the learner types into the Output panel while it runs, then an end (EOF). Every
// driver takes this one shape; whatever was written before a driver attaches is kept for it.

/** How much input one run may be sent in all: a typed conversation, not a data file. */
export const stdinLimitBytes = 1024 * 1024;

export class StdinFeed {
  private readonly pending: string[] = [];
  private ended = false;
  private bytes = 0;
  private consumer: { onData: (text: string) => void; onEnd: () => void } | null = null;
  private readonly sentListeners = new Set<() => void>();

  /** A feed that already holds all of `text` and then ends. */
  static of(text: string): StdinFeed {
    const feed = new StdinFeed();
    feed.write(text);
    feed.end();
    return feed;
  }

  /** Sends text on; false once the feed ended or the run's input allowance is spent. */
  write(text: string): boolean {
    if (this.ended) return false;
    const size = Buffer.byteLength(text);
    if (this.bytes + size > stdinLimitBytes) return false;
    this.bytes += size;
    if (this.consumer) this.consumer.onData(text);
    else this.pending.push(text);
    for (const listener of this.sentListeners) listener();
    return true;
  }

  /** End of input: a program reading on sees EOF. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.consumer?.onEnd();
  }

  get isEnded(): boolean {
    return this.ended;
  }

  /** The driver's side: what was written so far at once, then each write as it comes. One consumer. */
  attach(onData: (text: string) => void, onEnd: () => void): void {
    if (this.consumer) throw new Error('this standard input is already read by a run');
    this.consumer = { onData, onEnd };
    for (const text of this.pending.splice(0)) onData(text);
    if (this.ended) onEnd();
  }

  /** Called on each write (the drivers restart the wall clock: waiting for the learner is not the program's time). */
  onSent(listener: () => void): () => void {
    this.sentListeners.add(listener);
    return () => this.sentListeners.delete(listener);
  }
}

/**
 * The wall-clock limit of a run that reads input: it runs from the start, and again from each
 * line the learner sends, so a program waiting for someone to type is not cut off mid-answer.
 * When it runs out while input may still come, `waitingForInput` (Docker, process) is asked
 * first: a program blocked reading its input keeps waiting, its clock stopped until the next line.
 */
export function wallClock(
  timeoutMs: number,
  onExpire: () => void,
  stdin: StdinFeed | undefined,
  waitingForInput?: () => Promise<boolean>,
): { clear(): void; pause(): void; resume(): void } {
  let timer: NodeJS.Timeout | null = null;
  let cleared = false;
  let paused = false;
  const expire = () => {
    timer = null;
    if (!waitingForInput || !stdin || stdin.isEnded) return onExpire();
    void waitingForInput().then(
      (waiting) => {
        if (cleared || timer) return;
        if (waiting) paused = true;
        else onExpire();
      },
      () => !cleared && onExpire(),
    );
  };
  const restart = () => {
    if (timer) clearTimeout(timer);
    paused = false;
    timer = setTimeout(expire, timeoutMs);
  };
  restart();
  const unlisten = stdin?.onSent(() => (timer || paused) && restart());
  return {
    clear() {
      cleared = true;
      if (timer) clearTimeout(timer);
      timer = null;
      unlisten?.();
    },
    /** The program waits for a line (the WebAssembly worker says so): its clock stops. */
    pause() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
    resume() {
      if (!timer && !cleared) restart();
    },
  };
}
