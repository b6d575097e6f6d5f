import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_READING_SECONDS, minReadingSeconds, wasRead } from './reading';

describe('reading before Mark complete', () => {
  it('asks for the words at 400 a minute, at least 15 seconds', () => {
    expect(minReadingSeconds('')).toBe(MIN_READING_SECONDS);
    expect(minReadingSeconds('word '.repeat(800))).toBe(120);
    expect(minReadingSeconds('word '.repeat(801))).toBe(121);
  });

  it('a lesson never opened, or opened too briefly, was not read', () => {
    const text = 'word '.repeat(400);
    expect(wasRead(undefined, text)).toBe(false);
    expect(wasRead(59, text)).toBe(false);
    expect(wasRead(60, text)).toBe(true);
  });

  it('more time never un-reads a lesson, and longer lessons never need less', () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.nat(600), fc.nat(600), (words, a, b) => {
        const text = 'w '.repeat(words);
        if (wasRead(Math.min(a, b), text)) expect(wasRead(Math.max(a, b), text)).toBe(true);
        expect(minReadingSeconds(text + ' more')).toBeGreaterThanOrEqual(minReadingSeconds(text));
      }),
    );
  });
});
