import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, csvRow, parseCsv } from './csv';

describe('CSV', () => {
  it('quotes commas, quotes and line breaks, and doubles quotes', () => {
    expect(csvRow(['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\r\nlf', null, 42, ' padded'])).toBe(
      'plain,"a,b","say ""hi""","two\nlines","cr\r\nlf",,42," padded"\r\n',
    );
    expect(csvField(Buffer.from('bytes'))).toBe('Ynl0ZXM=');
  });

  it('reads back exactly the fields it wrote, whatever they hold', () => {
    const field = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', 'é', '=') });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const written = rows.map(csvRow).join('');
        expect(parseCsv(written)).toEqual(rows);
      }),
    );
  });
});
