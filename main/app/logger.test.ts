import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';

describe('createLogger', () => {
  it('never prints a secret after it is told about it', () => {
    const lines: string[] = [];
    const logger = createLogger((line) => lines.push(line));
    logger.info('before: abc123');
    logger.redact('abc123');
    logger.warn('token abc123 seen twice: abc123');
    expect(lines[0]).toContain('abc123');
    expect(lines[1]).not.toContain('abc123');
    expect(lines[1]).toContain('token [redacted] seen twice: [redacted]');
  });
});
