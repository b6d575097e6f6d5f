// CSV as RFC 4180 writes it: fields joined by commas, rows by CRLF; a field holding a comma, a
// quote, a CR or LF (or starting or ending with a space) goes in quotes, its quotes doubled.
// Text that a spreadsheet would run as a formula (starting with = + - @, a tab or a CR) gets a
// leading apostrophe, as OWASP's CSV-injection advice says: tutor replies and course text reach
// these cells, and a stranger's `=HYPERLINK(...)` must not run in the learner's spreadsheet.
// The JSON file beside each CSV keeps the exact text.

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: null as empty, bytes as base64, numbers as written, text made inert for spreadsheets. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const raw = Buffer.isBuffer(value) ? value.toString('base64') : String(value);
  const text = typeof value === 'string' && FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (values: readonly unknown[]): string => `${values.map(csvField).join(',')}\r\n`;

/** Reads CSV text back into rows of fields (for tests and anyone checking an export). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
