import { describe, expect, it } from 'vitest';
import { messageOf } from './errors';

class CodedError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

describe('messageOf', () => {
  it('reads the message of an Error and its subclasses', () => {
    expect(messageOf(new Error('disk full'))).toBe('disk full');
    expect(messageOf(new TypeError('not a function'))).toBe('not a function');
    expect(messageOf(new CodedError('not_found', 'no such lesson'))).toBe('no such lesson');
  });

  it('returns a thrown string as is', () => {
    expect(messageOf('offline')).toBe('offline');
    expect(messageOf('')).toBe('');
  });

  it('reads a string message field of a plain object', () => {
    expect(messageOf({ message: 'from a worker', code: 'E1' })).toBe('from a worker');
  });

  it('falls back to the string form when there is no string message', () => {
    expect(messageOf({ message: 42 })).toBe('[object Object]');
    expect(messageOf(null)).toBe('null');
    expect(messageOf(undefined)).toBe('undefined');
    expect(messageOf(7)).toBe('7');
    expect(messageOf(Symbol('s'))).toBe('Symbol(s)');
  });

  it('never throws, even when reading the value throws', () => {
    const getter = Object.defineProperty({}, 'message', {
      get: () => {
        throw new Error('boom');
      },
    });
    expect(messageOf(getter)).toBe('an error whose message could not be read');
    const errorGetter = Object.defineProperty(new Error('x'), 'message', {
      get: () => {
        throw new Error('boom');
      },
    });
    expect(messageOf(errorGetter)).toBe('an error whose message could not be read');
    expect(messageOf(Object.create(null))).toBe('an error whose message could not be read');
    const proxy = new Proxy(
      {},
      {
        has: () => {
          throw new Error('trap');
        },
      },
    );
    expect(messageOf(proxy)).toBe('an error whose message could not be read');
  });
});
