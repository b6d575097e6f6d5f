// What one Run may carry: the workspace's limits, counted in UTF-8 as Node writes it, and how
// they fit the sandbox's work directory and serve mode's largest socket message.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Bytes, workspaceLimits } from '../../preload/contract/workspace-limits';
import { MAX_MESSAGE_BYTES } from '../../preload/wire';
import { defaultLimits } from './limits';

describe('run file limits', () => {
  it('counts UTF-8 bytes as Node encodes them, lone surrogates included', () => {
    const same = (text: string) => utf8Bytes(text) === Buffer.byteLength(text, 'utf8');
    fc.assert(fc.property(fc.string({ unit: 'binary' }), same));
    const nearSurrogates = fc.integer({ min: 0xd7f0, max: 0xe010 }).map((code) => String.fromCharCode(code));
    fc.assert(fc.property(fc.string({ unit: nearSurrogates }), same));
  });

  it('fit the sandbox: files leave half the work directory for what the program writes', () => {
    expect(workspaceLimits.maxTotalBytes).toBeLessThanOrEqual(defaultLimits.workDirBytes / 2);
    expect(workspaceLimits.maxFileBytes).toBeLessThanOrEqual(defaultLimits.fileBytes);
    expect(workspaceLimits.maxTotalBytes).toBeLessThan(MAX_MESSAGE_BYTES);
  });
});
