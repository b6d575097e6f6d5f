// Standard input's plumbing, without a program: the feed keeps what came before a driver
// attached, the wall clock restarts on input and stops while paused, and the shared-memory
// ring hands every byte over in order, across its end and past its capacity.
import fc from 'fast-check';
import { readsInput } from './input-wait';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StdinFeed, stdinLimitBytes, wallClock } from './stdin-feed';
import { newStdinBuffer, StdinReader, StdinWriter } from './wasm/stdin-channel';

afterEach(() => vi.useRealTimers());

describe('StdinFeed', () => {
  it('gives a late consumer what was written, then each write, then the end', () => {
    const feed = new StdinFeed();
    feed.write('a\n');
    const seen: string[] = [];
    feed.attach(
      (text) => seen.push(text),
      () => seen.push('<end>'),
    );
    feed.write('b\n');
    feed.end();
    expect(feed.write('c\n')).toBe(false);
    expect(seen).toEqual(['a\n', 'b\n', '<end>']);
    expect(() =>
      feed.attach(
        () => undefined,
        () => undefined,
      ),
    ).toThrow(/already read/);
  });

  it('refuses input past the allowance of a run', () => {
    const feed = new StdinFeed();
    expect(feed.write('x'.repeat(stdinLimitBytes))).toBe(true);
    expect(feed.write('y')).toBe(false);
  });
});

describe('wallClock', () => {
  it('restarts on each line sent, stops while paused, and is gone once cleared', () => {
    vi.useFakeTimers();
    const feed = new StdinFeed();
    const expired = vi.fn();
    const clock = wallClock(1000, expired, feed);
    vi.advanceTimersByTime(900);
    feed.write('a\n');
    vi.advanceTimersByTime(900);
    expect(expired).not.toHaveBeenCalled();
    clock.pause();
    vi.advanceTimersByTime(60_000);
    expect(expired).not.toHaveBeenCalled();
    clock.resume();
    vi.advanceTimersByTime(1000);
    expect(expired).toHaveBeenCalledTimes(1);
    clock.clear();
    clock.resume();
    feed.write('b\n');
    vi.advanceTimersByTime(5000);
    expect(expired).toHaveBeenCalledTimes(1);
  });
});

describe('wallClock asking whether the program waits for input', () => {
  it('stops while the program reads, restarts on the next line, and ends a program that does not read', async () => {
    vi.useFakeTimers();
    const feed = new StdinFeed();
    const expired = vi.fn();
    let reading = true;
    wallClock(1000, expired, feed, async () => reading);
    await vi.advanceTimersByTimeAsync(5000);
    expect(expired).not.toHaveBeenCalled();
    feed.write('a\n');
    reading = false;
    await vi.advanceTimersByTimeAsync(999);
    expect(expired).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(expired).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });

  it('does not ask once the input has ended', async () => {
    vi.useFakeTimers();
    const probe = vi.fn(async () => true);
    const expired = vi.fn();
    wallClock(1000, expired, StdinFeed.of(''), probe);
    await vi.advanceTimersByTimeAsync(1000);
    expect(probe).not.toHaveBeenCalled();
    expect(expired).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });
});

describe('readsInput', () => {
  it('knows a read of a pipe or a terminal from other sleeps', () => {
    expect(readsInput(['do_wait', 'pipe_read'])).toBe(true);
    expect(readsInput(['anon_pipe_read\n'])).toBe(true);
    expect(readsInput(['n_tty_read'])).toBe(true);
    expect(readsInput(['unix_stream_read_generic'])).toBe(true);
    expect(readsInput(['hrtimer_nanosleep', '0', ''])).toBe(false);
  });
});

describe('the WebAssembly stdin ring', () => {
  it('hands over every byte in order, however it is written and read', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 30_000 }), { maxLength: 8 }), fc.integer({ min: 1, max: 70_000 }), (writes, chunk) => {
        const buffer = newStdinBuffer();
        const writer = new StdinWriter(buffer);
        // The reader asks for more when it would wait: the driver then moves what is queued.
        const reader = new StdinReader(buffer, (waiting) => waiting && writer.pump());
        for (const text of writes) writer.write(text);
        writer.end();
        const bytes: number[] = [];
        const into = new Uint8Array(chunk);
        for (let count = reader.read(into); count > 0; count = reader.read(into)) bytes.push(...into.subarray(0, count));
        expect(new TextDecoder().decode(new Uint8Array(bytes))).toBe(writes.join(''));
      }),
      { numRuns: 40 },
    );
  });

  it('reads lines, then null at the end', () => {
    const buffer = newStdinBuffer();
    const writer = new StdinWriter(buffer);
    const reader = new StdinReader(buffer, () => undefined);
    writer.write('one\ntwo');
    writer.end();
    expect([reader.readLine(), reader.readLine(), reader.readLine()]).toEqual(['one\n', 'two', null]);
  });
});
