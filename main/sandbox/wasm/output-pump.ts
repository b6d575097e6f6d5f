// The worker's side of output: bytes from the engine, sent at once while they are few, batched
// into messages under a flood (a program that prints a million short lines must not send a
// million messages), and no more than the cap. A write is never held back while messages are
// few: a program that prints and then spins until the limit has no later turn to send it in.
import type { FromWorker } from './protocol';

const BATCH_BYTES = 16 * 1024;
const BATCH_MS = 20;
/** Messages sent at once in each BATCH_MS window before writes are batched. */
const BURST = 32;

export class OutputPump {
  private pending: { stream: 'stdout' | 'stderr'; chunks: Uint8Array[]; bytes: number } | null = null;
  private sent = 0;
  private windowStart = Date.now();
  private windowMessages = 0;

  constructor(
    private readonly post: (message: FromWorker) => void,
    private readonly capBytes: number,
  ) {}

  /** Copies the bytes (they may be a view of the engine's memory). */
  write(stream: 'stdout' | 'stderr', bytes: Uint8Array): void {
    // One byte past the cap is enough for the driver to see it was passed.
    if (this.sent > this.capBytes) return;
    if (this.pending && this.pending.stream !== stream) this.flush();
    this.pending ??= { stream, chunks: [], bytes: 0 };
    this.pending.chunks.push(bytes.slice());
    this.pending.bytes += bytes.length;
    this.sent += bytes.length;
    const now = Date.now();
    if (now - this.windowStart >= BATCH_MS) {
      this.windowStart = now;
      this.windowMessages = 0;
    }
    if (this.pending.bytes >= BATCH_BYTES || this.windowMessages < BURST || this.sent > this.capBytes) this.flush();
  }

  flush(): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    this.windowMessages += 1;
    const data = new Uint8Array(pending.bytes);
    let at = 0;
    for (const chunk of pending.chunks) {
      data.set(chunk, at);
      at += chunk.length;
    }
    this.post({ type: 'output', stream: pending.stream, data });
  }
}
