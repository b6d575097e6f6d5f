// What one Run may carry: the rule the contract and the renderer share, and how it fits the
// sandbox's work directory and serve mode's largest socket message.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runFilesProblem, utf8Length } from '../../preload/contract/sandbox';
import { MAX_MESSAGE_BYTES } from '../../preload/wire';
import { defaultLimits, runFileLimits } from './limits';

describe('run file limits', () => {
  it('counts UTF-8 bytes as Node encodes them, lone surrogates included', () => {
    const same = (text: string) => utf8Length(text) === Buffer.byteLength(text, 'utf8');
    fc.assert(fc.property(fc.string({ unit: 'binary' }), same));
    const nearSurrogates = fc.integer({ min: 0xd7f0, max: 0xe010 }).map((code) => String.fromCharCode(code));
    fc.assert(fc.property(fc.string({ unit: nearSurrogates }), same));
  });

  it('fit the sandbox: files leave half the work directory for what the program writes', () => {
    expect(runFileLimits.maxTotalBytes).toBeLessThanOrEqual(defaultLimits.workDirBytes / 2);
    expect(runFileLimits.maxFileBytes).toBeLessThanOrEqual(defaultLimits.fileBytes);
    expect(runFileLimits.maxTotalBytes).toBeLessThan(MAX_MESSAGE_BYTES);
  });

  it('accepts exactly the limits and refuses one byte more, naming the file', () => {
    const at = (bytes: number) => 'x'.repeat(bytes);
    expect(runFilesProblem([{ path: 'main.py', content: at(runFileLimits.maxFileBytes) }])).toBeNull();
    expect(runFilesProblem([{ path: 'big.py', content: at(runFileLimits.maxFileBytes + 1) }])).toBe('big.py is 1,001 kB; a run takes files of up to 1,000 kB.');
    const count = Math.ceil(runFileLimits.maxTotalBytes / runFileLimits.maxFileBytes);
    const sizes = Array.from({ length: count }, (_, i) => (i < count - 1 ? runFileLimits.maxFileBytes : runFileLimits.maxTotalBytes - (count - 1) * runFileLimits.maxFileBytes));
    const full = sizes.map((size, i) => ({ path: `f${i}.py`, content: at(size) }));
    expect(runFilesProblem(full)).toBeNull();
    expect(runFilesProblem([...full, { path: 'one.py', content: 'x' }])).toMatch(/together/);
    const many = Array.from({ length: runFileLimits.maxFiles + 1 }, (_, i) => ({ path: `f${i}.py`, content: '' }));
    expect(runFilesProblem(many)).toMatch(/at most 50 files/);
  });
});
