// Collects a run's stdout and stderr apart, under one byte cap for both, decoding UTF-8
// safely (invalid bytes and control characters become U+FFFD) and passing text on live.
import { StringDecoder } from 'node:string_decoder';

export type OutputStream = 'stdout' | 'stderr';

export const outputCutMarker = (limitBytes: number) => `\n[output cut: the program printed more than ${Math.round(limitBytes / 1024)} KiB]\n`;

// C0 controls other than tab, newline, carriage return and ESC (kept for terminal colours), and DEL.
// eslint-disable-next-line no-control-regex
const unsafeControls = /[\u0000-\u0008\u000b\u000c\u000e-\u001a\u001c-\u001f\u007f]/g;

/** Text safe to show and to store: what the decoder made of the bytes, controls replaced. */
export const safeText = (text: string) => text.replace(unsafeControls, '\uFFFD');

export class OutputCollector {
  private readonly decoders = { stdout: new StringDecoder('utf8'), stderr: new StringDecoder('utf8') };
  private readonly text = { stdout: '', stderr: '' };
  private bytes = 0;
  private cut = false;

  constructor(
    private readonly limitBytes: number,
    private readonly onText?: (stream: OutputStream, text: string) => void,
  ) {}

  /** Adds a chunk; returns false once the cap is reached (the caller then stops the program). */
  push(stream: OutputStream, chunk: Buffer): boolean {
    if (this.cut) return false;
    const room = this.limitBytes - this.bytes;
    const accepted = chunk.length > room ? chunk.subarray(0, room) : chunk;
    this.bytes += accepted.length;
    this.emit(stream, this.decoders[stream].write(accepted));
    if (chunk.length > room) {
      this.cut = true;
      this.emit(stream, this.decoders[stream].end() + outputCutMarker(this.limitBytes));
      return false;
    }
    return true;
  }

  /** Flushes any partial character left in the decoders. */
  finish(): void {
    if (this.cut) return;
    for (const stream of ['stdout', 'stderr'] as const) this.emit(stream, this.decoders[stream].end());
  }

  get truncated(): boolean {
    return this.cut;
  }

  get stdout(): string {
    return this.text.stdout;
  }

  get stderr(): string {
    return this.text.stderr;
  }

  private emit(stream: OutputStream, raw: string): void {
    if (!raw) return;
    const text = safeText(raw);
    this.text[stream] += text;
    this.onText?.(stream, text);
  }
}

/**
 * Splits Docker's multiplexed attach stream (8-byte frame headers: stream id, 3 zero bytes,
 * big-endian length) into stdout and stderr chunks, across arbitrary chunk boundaries.
 */
export class DockerStreamDemuxer {
  private pending: Buffer = Buffer.alloc(0);

  constructor(private readonly onFrame: (stream: OutputStream, payload: Buffer) => void) {}

  push(chunk: Buffer): void {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    while (this.pending.length >= 8) {
      const size = this.pending.readUInt32BE(4);
      if (this.pending.length < 8 + size) return;
      const kind = this.pending[0];
      const payload = this.pending.subarray(8, 8 + size);
      this.pending = this.pending.subarray(8 + size);
      this.onFrame(kind === 2 ? 'stderr' : 'stdout', payload);
    }
  }
}
