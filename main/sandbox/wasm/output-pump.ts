// The worker's side of output: bytes from the engine, batched into messages (a program that
// prints a million short lines must not send a million messages), and no more than the cap.
import type { FromWorker } from './protocol';

const BATCH_BYTES = 16 * 1024;
const BATCH_MS = 20;

export class OutputPump {
  private pending: { stream: 'stdout' | 'stderr'; chunks: Uint8Array[]; bytes: number } | null = null;
  private sent = 0;
  private lastFlush = Date.now();

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
    if (this.pending.bytes >= BATCH_BYTES || Date.now() - this.lastFlush >= BATCH_MS || this.sent > this.capBytes) this.flush();
  }

  flush(): void {
    this.lastFlush = Date.now();
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    const data = new Uint8Array(pending.bytes);
    let at = 0;
    for (const chunk of pending.chunks) {
      data.set(chunk, at);
      at += chunk.length;
    }
    this.post({ type: 'output', stream: pending.stream, data });
  }
}
