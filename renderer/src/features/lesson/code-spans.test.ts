import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeSpans } from './code-spans';

describe('codeSpans', () => {
  it('marks code spans and keeps the text around them', () => {
    expect(codeSpans('What is the type of `8 / 2`?')).toEqual([
      { text: 'What is the type of ', code: false },
      { text: '8 / 2', code: true },
      { text: '?', code: false },
    ]);
    expect(codeSpans('`/` is true division: `4.0`.')).toEqual([
      { text: '/', code: true },
      { text: ' is true division: ', code: false },
      { text: '4.0', code: true },
      { text: '.', code: false },
    ]);
  });

  it('lets a longer run of backticks hold a backtick, stripping the one space each side', () => {
    expect(codeSpans('type `` `x` `` here')).toEqual([
      { text: 'type ', code: false },
      { text: '`x`', code: true },
      { text: ' here', code: false },
    ]);
  });

  it('leaves text without a closing run as written', () => {
    expect(codeSpans('a ` b')).toEqual([{ text: 'a ` b', code: false }]);
    expect(codeSpans('``a` b')).toEqual([{ text: '``a` b', code: false }]);
    expect(codeSpans('plain [1, 9, 10] and *stars*')).toEqual([{ text: 'plain [1, 9, 10] and *stars*', code: false }]);
    expect(codeSpans('')).toEqual([]);
  });

  it('never loses text: without backticks the parts join back to the input', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const parts = codeSpans(text);
        if (!text.includes('`')) expect(parts.map((part) => part.text).join('')).toBe(text);
        expect(parts.map((part) => part.text).join('').length).toBeLessThanOrEqual(text.length);
      }),
    );
  });
});
